/**
 * The code `pull` writes, as plain data: calls of the model API, chained methods, literals, `sql`
 * snippets, arrays, objects and references to names declared in the file. One tree is both
 * printed (src/pull/print-code.ts) and evaluated with the real model API
 * (src/pull/evaluate-code.ts), so that the names Postgres would pick are checked, not guessed.
 */
export type Code =
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Code[] }
  | { readonly kind: 'method'; readonly target: Code; readonly name: string; readonly args: readonly Code[] }
  | { readonly kind: 'value'; readonly value: string | number | boolean }
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly Code[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Code])[]; readonly block?: boolean }
  | { readonly kind: 'ref'; readonly name: string };

export const call = (fn: string, ...args: Code[]): Code => ({ kind: 'call', fn, args });
export const method = (target: Code, name: string, ...args: Code[]): Code => ({ kind: 'method', target, name, args });
export const value = (v: string | number | boolean): Code => ({ kind: 'value', value: v });
export const sqlCode = (text: string): Code => ({ kind: 'sql', text });
export const array = (items: readonly Code[]): Code => ({ kind: 'array', items });
export const object = (entries: readonly (readonly [string, Code])[]): Code => ({ kind: 'object', entries });
/** An object printed one entry a line, whatever its length (a table's columns). */
export const block = (entries: readonly (readonly [string, Code])[]): Code => ({ kind: 'object', entries, block: true });
export const ref = (name: string): Code => ({ kind: 'ref', name });

/** `{ name: 'x' }` merged into the options object of a call, or the object itself. */
export function withOption(options: Code | null, key: string, option: Code): Code {
  if (options === null || options.kind !== 'object') return object([[key, option]]);
  return object([...options.entries, [key, option]]);
}

/** The model API functions a piece of code calls (for the import line). */
export function calledFunctions(code: Code, into: Set<string> = new Set()): Set<string> {
  switch (code.kind) {
    case 'call':
      into.add(code.fn);
      for (const arg of code.args) calledFunctions(arg, into);
      break;
    case 'method':
      calledFunctions(code.target, into);
      for (const arg of code.args) calledFunctions(arg, into);
      break;
    case 'sql':
      into.add('sql');
      break;
    case 'array':
      for (const item of code.items) calledFunctions(item, into);
      break;
    case 'object':
      for (const [, entry] of code.entries) calledFunctions(entry, into);
      break;
    case 'value':
    case 'ref':
      break;
  }
  return into;
}
