import { basename, dirname, join, relative } from 'node:path';
import type { SchemaState } from '../schema/types.js';
import { block, calledFunctions, call, type Code, method, object, ref } from './code.js';
import { printBlock, printCode, quoteString } from './print-code.js';
import { declareNamed, type Declarations, schemaEntries, todoComment, variableName } from './schema-code.js';
import type { PullTodo } from './todo.js';

/** A schema to pull and the model file it goes to. */
export interface PullInput {
  readonly state: SchemaState;
  /** Absolute path of the schema's model file. */
  readonly file: string;
}

/** A file pull writes. */
export interface PulledFile {
  readonly path: string;
  readonly text: string;
  /** e.g. `3 tables, 1 enum` or `2 abstract tables`. */
  readonly summary: string;
}

export interface PullOptions {
  /** Where the model API is imported from. Default `worlddb/model`. */
  readonly importFrom?: string;
}

interface Shared {
  readonly variable: string;
  /** The columns every schema's table starts with, identical in all of them. */
  readonly columns: readonly (readonly [string, Code])[];
  /** The table options, when identical in all of them. */
  readonly options: Code | null;
}

type TableParts = { readonly columns: readonly (readonly [string, Code])[]; readonly options: Code | null };

/**
 * The model files of several schemas. A table found in two or more of them that starts with the
 * same columns in each is written once, as an `abstractTable` in a base file next to the models
 * (`base.ts`), and each schema's table `extend`s it with the columns it adds, as a person writes
 * a world of schemas sharing table shapes.
 *
 * @example
 * pullSchemas([{ state: asia, file: '/p/src/db/asia.ts' }, { state: europe, file: '/p/src/db/europe.ts' }])
 * // files: src/db/base.ts (countries, capitals), src/db/asia.ts, src/db/europe.ts
 */
export function pullSchemas(inputs: readonly PullInput[], options: PullOptions = {}): { files: PulledFile[]; todos: PullTodo[] } {
  const importFrom = options.importFrom ?? 'worlddb/model';
  const declared = inputs.map((input) => ({ input, declarations: declareNamed(input.state) }));
  const shared = inputs.length > 1 ? sharedTables(declared.map((d) => d.declarations)) : new Map<string, Shared>();
  const baseFile = shared.size === 0 ? null : baseFilePath(inputs.map((i) => i.file));
  const files: PulledFile[] = [];
  if (baseFile !== null) {
    const entries = [...shared.values()].map((s) => `export const ${s.variable} = ${printCode(abstractCall(s))};\n`);
    const functions = new Set<string>();
    for (const s of shared.values()) calledFunctions(abstractCall(s), functions);
    files.push({ path: baseFile, text: [importLine(functions, importFrom), '', entries.join('\n')].join('\n'), summary: plural(shared.size, 'abstract table') });
  }
  for (const { input, declarations } of declared) {
    const tables = declarations.tables.map(([name, code]): [string, Code] => {
      const base = shared.get(name);
      return base === undefined ? [name, code] : [name, extendCall(base, parts(code))];
    });
    const functions = new Set(['defineSchema']);
    const uses = [...shared.values()].filter((s) => declarations.tables.some(([name]) => shared.get(name) === s));
    for (const [, code] of [...declarations.enums, ...tables]) calledFunctions(code, functions);
    const head = [importLine(functions, importFrom)];
    if (uses.length > 0 && baseFile !== null) head.push(`import { ${uses.map((s) => s.variable).join(', ')} } from ${quoteString(relativeImport(input.file, baseFile))};`);
    const body = modelBody(input.state.name, { ...declarations, tables });
    files.push({ path: input.file, text: `${head.join('\n')}\n${body}`, summary: summary(declarations) });
  }
  return { files, todos: declared.flatMap((d) => [...d.declarations.todos]) };
}

function modelBody(schema: string, declarations: Declarations): string {
  const enumLines = declarations.enums.map(([name, code]) => `export const ${name} = ${printCode(code)};\n`);
  const model = `export default defineSchema(${quoteString(schema)}, ${printBlock(schemaEntries(declarations), '')});\n`;
  const todos = declarations.todos.map(todoComment);
  return ['', ...enumLines, model, ...todos.map((t) => `${t}\n`)].join('\n').replace(/\n{3,}/g, '\n\n');
}

const importLine = (functions: ReadonlySet<string>, from: string): string => `import { ${[...functions].sort().join(', ')} } from ${quoteString(from)};`;

function summary(declarations: Declarations): string {
  const parts = [plural(declarations.tables.length, 'table')];
  if (declarations.enums.length > 0) parts.push(plural(declarations.enums.length, 'enum'));
  if (declarations.todos.length > 0) parts.push(`${plural(declarations.todos.length, 'TODO')}`);
  return parts.join(', ');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function parts(code: Code): TableParts {
  if (code.kind !== 'call' || code.fn !== 'table') return { columns: [], options: null };
  const [columns, options] = code.args;
  return { columns: columns?.kind === 'object' ? columns.entries : [], options: options ?? null };
}

/** Tables of the same name in two or more schemas, sharing a first run of identical columns (none naming an enum type of its schema). */
function sharedTables(all: readonly Declarations[]): Map<string, Shared> {
  const byName = new Map<string, TableParts[]>();
  for (const declarations of all) for (const [name, code] of declarations.tables) byName.set(name, [...(byName.get(name) ?? []), parts(code)]);
  const shared = new Map<string, Shared>();
  const taken = new Set(all.flatMap((d) => d.enums.map(([name]) => name)));
  for (const [name, tables] of byName) {
    if (tables.length < 2) continue;
    const [first, ...rest] = tables;
    if (first === undefined) continue;
    let length = 0;
    while (
      length < first.columns.length &&
      !usesRef(first.columns[length]?.[1]) &&
      rest.every((t) => t.columns[length] !== undefined && same(t.columns[length], first.columns[length]))
    ) {
      length++;
    }
    if (length === 0) continue;
    const options = rest.every((t) => printed(t.options) === printed(first.options)) ? first.options : null;
    let variable = variableName(name);
    while (taken.has(variable)) variable = `${variable}Base`;
    taken.add(variable);
    shared.set(name, { variable, columns: first.columns.slice(0, length), options });
  }
  return shared;
}

const printed = (code: Code | null | undefined): string => (code === null || code === undefined ? '' : printCode(code));
const same = (a: readonly [string, Code] | undefined, b: readonly [string, Code] | undefined): boolean => a?.[0] === b?.[0] && printed(a?.[1]) === printed(b?.[1]);
const usesRef = (code: Code | undefined): boolean => code !== undefined && JSON.stringify(code).includes('"kind":"ref"');

function abstractCall(shared: Shared): Code {
  return call('abstractTable', block(shared.columns), ...(shared.options === null ? [] : [shared.options]));
}

/** `base.extend({ more })` (with the table's options when the base does not carry them). */
function extendCall(shared: Shared, table: TableParts): Code {
  const more = table.columns.slice(shared.columns.length);
  const args: Code[] = [object(more)];
  if (shared.options === null && table.options !== null) args.push(table.options);
  return method(ref(shared.variable), 'extend', ...args);
}

/** `base.ts` in the models' common folder (`shared.ts` if a model is itself called base.ts). */
function baseFilePath(files: readonly string[]): string {
  let dir = dirname(files[0] ?? '');
  while (!files.every((f) => f.startsWith(`${dir}/`))) dir = dirname(dir);
  return join(dir, files.some((f) => basename(f) === 'base.ts') ? 'shared.ts' : 'base.ts');
}

function relativeImport(from: string, to: string): string {
  const path = relative(dirname(from), to).replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * The model module of one schema, as `pull --schema NAME` writes it.
 *
 * @example
 * schemaCode(await introspectSchema(session, 'asia')).text
 * // import { defineSchema, integer, table, varchar } from 'worlddb/model';
 * // export default defineSchema('asia', { tables: { countries: table({ ... }) } });
 */
export function schemaCode(state: SchemaState, options: PullOptions = {}): { text: string; todos: readonly PullTodo[] } {
  const { files, todos } = pullSchemas([{ state, file: `/${state.name}.ts` }], options);
  return { text: files[0]?.text ?? '', todos };
}
