import type { Code } from './code.js';

const WIDTH = 100;

/** A string literal in single quotes, as a person writes it. */
export function quoteString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function printKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quoteString(key);
}

/**
 * Prints code the way a person would write it: calls and chains on one line, arrays and objects
 * on one line when they fit, otherwise one entry a line at `indent`.
 *
 * @example
 * printCode(method(call('varchar', value(100)), 'notNull')) // => 'varchar(100).notNull()'
 */
export function printCode(code: Code, indent = ''): string {
  switch (code.kind) {
    case 'value':
      return typeof code.value === 'string' ? quoteString(code.value) : String(code.value);
    case 'sql':
      return `sql\`${code.text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
    case 'ref':
      return code.name;
    case 'call':
      return `${code.fn}(${printArgs(code.args, indent)})`;
    case 'method':
      return `${printCode(code.target, indent)}.${code.name}(${printArgs(code.args, indent)})`;
    case 'array': {
      const inline = `[${code.items.map((item) => printCode(item, indent)).join(', ')}]`;
      if (inline.length + indent.length <= WIDTH && !inline.includes('\n')) return inline;
      const inner = `${indent}  `;
      return `[\n${code.items.map((item) => `${inner}${printCode(item, inner)},\n`).join('')}${indent}]`;
    }
    case 'object': {
      if (code.entries.length === 0) return '{}';
      if (code.block === true) return printBlock(code.entries, indent);
      const entries = code.entries.map(([key, entry]) => `${printKey(key)}: ${printCode(entry, indent)}`);
      const inline = `{ ${entries.join(', ')} }`;
      if (inline.length + indent.length <= WIDTH && !inline.includes('\n')) return inline;
      return printBlock(code.entries, indent);
    }
  }
}

/** An object one entry a line (a table's columns always are). */
export function printBlock(entries: readonly (readonly [string, Code])[], indent: string): string {
  const inner = `${indent}  `;
  return `{\n${entries.map(([key, entry]) => `${inner}${printKey(key)}: ${printCode(entry, inner)},\n`).join('')}${indent}}`;
}

function printArgs(args: readonly Code[], indent: string): string {
  return args.map((arg) => printCode(arg, indent)).join(', ');
}
