/**
 * One schema as code (pure): its enum types and tables with the names they must spell out, and
 * the objects the model cannot declare yet. Written to files by src/pull/pull-schemas.ts.
 */
import { ModelError } from '../errors.js';
import { defineSchema, modelToState, type SchemaModel } from '../model/index.js';
import { compareSchemas } from '../diff/compare-schemas.js';
import { renderScript, renderTableDdl } from '../render/render-operations.js';
import type { SchemaState, TableState } from '../schema/types.js';
import { printIdentifier } from '../sql/print-identifier.js';
import { array, block, call, type Code, value } from './code.js';
import { evaluateCode } from './evaluate-code.js';
import { stripParentheses, tableCode } from './table-code.js';
import type { PullTodo } from './todo.js';

/** A schema's enum types and tables as code, and what the model cannot say. */
export interface Declarations {
  readonly enums: readonly (readonly [string, Code])[];
  readonly tables: readonly (readonly [string, Code])[];
  readonly todos: readonly PullTodo[];
}

export function schemaEntries(declarations: Declarations): [string, Code][] {
  const entries: [string, Code][] = [['tables', block(declarations.tables)]];
  if (declarations.enums.length > 0) entries.push(['enums', array(declarations.enums.map(([name]) => ({ kind: 'ref', name })))]);
  return entries;
}

/** The declarations of a schema, with `{ name }` on the constraints and indexes `named` says. */
export function declare(state: SchemaState, named: (name: string) => boolean): Declarations {
  const enumNames = new Map(state.enums.map((e) => [e.name, variableName(e.name)]));
  // Column types print an enum's name as Postgres does: quoted when it needs quoting.
  const enumTypes = new Map(state.enums.map((e) => [printIdentifier(e.name), enumNames.get(e.name) ?? e.name]));
  const enums = state.enums.map((e) => [enumNames.get(e.name) ?? e.name, call('enumType', value(e.name), array(e.values.map(value)))] as const);
  const tables: (readonly [string, Code])[] = [];
  const todos: PullTodo[] = [];
  for (const table of state.tables) {
    const code = tableCode(table, { schema: state.name, enumRef: (type) => enumTypes.get(type) ?? null, named });
    if ('unsupported' in code) {
      todos.push({ object: `table ${state.name}.${table.name}`, reason: code.unsupported, sql: renderTableDdl(table, state.name) });
      continue;
    }
    tables.push([table.name, tableCall(code.columns, code.options)]);
  }
  return { enums, tables, todos: [...todos, ...objectTodos(state)] };
}

/** Names of the lists of schema-level objects in a state (views, functions, sequences, ...), none of which pull writes yet. */
const OBJECT_KINDS: Record<string, string> = {
  sequences: 'sequence',
  domains: 'domain',
  views: 'view',
  functions: 'function',
  triggers: 'trigger',
  extensions: 'extension',
};

/**
 * The schema-level objects (sequences, domains, views, functions, triggers, extensions, and any
 * list a newer state carries) as TODOs, each with the SQL that creates it.
 */
function objectTodos(state: SchemaState): PullTodo[] {
  const empty = Object.fromEntries(Object.entries(state).map(([key, entry]) => [key, Array.isArray(entry) ? [] : entry])) as unknown as SchemaState;
  const todos: PullTodo[] = [];
  for (const [key, entry] of Object.entries(state)) {
    if (key === 'tables' || key === 'enums' || !Array.isArray(entry)) continue;
    for (const object of entry as readonly { readonly name: string; readonly triggerName?: string; readonly table?: string }[]) {
      const only = { ...empty, [key]: [object] } as SchemaState;
      const sql = renderScript(state.name, compareSchemas(empty, only));
      const kind = OBJECT_KINDS[key] ?? key;
      const name = object.triggerName !== undefined && object.table !== undefined ? `${object.triggerName} on ${object.table}` : object.name;
      todos.push({ object: `${kind} ${state.name}.${name}`, reason: `pull does not write ${key} into the model yet`, sql });
    }
  }
  return todos;
}

/** `table({ ... }, { ... })` with the columns always one a line. */
function tableCall(columns: readonly (readonly [string, Code])[], options: Code | null): Code {
  return call('table', block(columns), ...(options === null ? [] : [options]));
}

/**
 * The schema's declarations, with `{ name }` on exactly the constraints and indexes the model
 * would name otherwise. Runs the code without names, then with the names it got wrong, until the
 * model gives every object its catalog name (all named, if the model refuses a default name).
 */
export function declareNamed(state: SchemaState): Declarations {
  const named = new Set<string>();
  const byName = (name: string): boolean => named.has(name);
  for (let pass = 0; pass < 4; pass++) {
    const declarations = declare(state, byName);
    let built: SchemaState;
    try {
      built = modelToState(buildModel(state.name, declarations));
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      break;
    }
    const tables = new Map(built.tables.map((t) => [t.name, t]));
    const wrong = state.tables.flatMap((table) => wrongNames(table, tables.get(table.name) ?? null)).filter((n) => !named.has(n));
    if (wrong.length === 0) return declarations;
    for (const name of wrong) named.add(name);
  }
  const all = new Set(allNames(state));
  return declare(state, (name) => all.has(name));
}

function buildModel(schema: string, declarations: Declarations): SchemaModel {
  const refs = new Map<string, unknown>();
  for (const [name, code] of declarations.enums) refs.set(name, evaluateCode(code, refs));
  const tables = evaluateCode({ kind: 'object', entries: declarations.tables }, refs) as Record<string, never>;
  const enums = declarations.enums.map(([name]) => refs.get(name)) as never[];
  return defineSchema(schema, { tables, enums });
}

function allNames(state: SchemaState): string[] {
  return state.tables.flatMap((t) => [
    ...(t.primaryKey === null ? [] : [t.primaryKey.name]),
    ...t.uniques.map((u) => u.name),
    ...t.foreignKeys.map((f) => f.name),
    ...t.checks.map((c) => c.name),
    ...t.indexes.map((i) => i.name),
    ...(t.exclusions ?? []).map((x) => x.name),
  ]);
}

/** Names of `live`'s constraints and indexes that the model's table does not give the same object. */
function wrongNames(live: TableState, model: TableState | null): string[] {
  if (model === null) return [];
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  const wrong: string[] = [];
  if (live.primaryKey !== null && model.primaryKey?.name !== live.primaryKey.name) wrong.push(live.primaryKey.name);
  for (const u of live.uniques) if (!model.uniques.some((m) => m.name === u.name && same(m.columns, u.columns))) wrong.push(u.name);
  for (const f of live.foreignKeys) if (!model.foreignKeys.some((m) => m.name === f.name && same(m.columns, f.columns))) wrong.push(f.name);
  const expression = (text: string): string => stripParentheses(text).replace(/\s+/g, ' ');
  for (const c of live.checks) if (!model.checks.some((m) => m.name === c.name && expression(m.expression) === expression(c.expression))) wrong.push(c.name);
  for (const x of live.exclusions ?? []) if (!(model.exclusions ?? []).some((m) => m.name === x.name)) wrong.push(x.name);
  for (const i of live.indexes) if (!model.indexes.some((m) => m.name === i.name && m.unique === i.unique && m.keys.length === i.keys.length)) wrong.push(i.name);
  return wrong;
}

/** A variable name for an enum type: its name in camelCase, or `<name>Enum` when that is taken or not an identifier. */
export function variableName(name: string): string {
  const camel = name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^\w$]/g, '_');
  const safe = /^\d/.test(camel) ? `_${camel}` : camel;
  return RESERVED.has(safe) || camel !== name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()) ? `${safe}Enum` : safe;
}

/** Names a module-level const must not take: the model API's functions and JavaScript's reserved words. */
const RESERVED = new Set([
  ...['smallint', 'integer', 'bigint', 'numeric', 'real', 'doublePrecision', 'boolean', 'text', 'varchar', 'char', 'date', 'time'],
  ...['timestamp', 'timestamptz', 'interval', 'uuid', 'json', 'jsonb', 'bytea', 'inet', 'enumColumn', 'enumType', 'table', 'sql'],
  ...['abstractTable', 'defineSchema', 'primaryKey', 'unique', 'foreignKey', 'check', 'index'],
  ...['default', 'delete', 'new', 'class', 'function', 'var', 'let', 'const', 'enum', 'export', 'import', 'return', 'switch', 'case'],
  ...['in', 'of', 'if', 'else', 'for', 'while', 'do', 'void', 'null', 'true', 'false', 'this', 'super', 'typeof', 'with', 'yield'],
]);

/** A commented TODO with the object's SQL. */
export function todoComment(todo: PullTodo): string {
  return [`// TODO ${todo.object}: ${todo.reason}. Its SQL:`, ...todo.sql.trimEnd().split('\n').map((line) => `//   ${line}`)].join('\n');
}
