import { referencedColumns } from '../model/expression.js';
import type { ColumnState, Deferrable, ForeignKeyState, PolicyState, ReferentialAction, TableState } from '../schema/types.js';
import { printIdentifier } from '../sql/print-identifier.js';
import { array, call, type Code, method, object, sqlCode, value } from './code.js';
import { collationName, defaultCode, identityArgs, typeCode } from './column-code.js';

/** What a table's code needs to know from the rest of the file. */
export interface TableContext {
  /** The schema the table is in (references inside it are written by table name alone). */
  readonly schema: string;
  /** The variable of an enum type of the schema, by the type's name; null for any other type. */
  readonly enumRef: (type: string) => string | null;
  /** Whether the constraint or index of this name is written with `{ name }`. */
  readonly named: (name: string) => boolean;
}

/** A table's columns and its options object (null when it has none), or why the model cannot say it. */
export type TableCode =
  | { readonly columns: readonly (readonly [string, Code])[]; readonly options: Code | null }
  | { readonly unsupported: string };

const ACTIONS: Record<ReferentialAction, string> = {
  'NO ACTION': 'no action',
  RESTRICT: 'restrict',
  CASCADE: 'cascade',
  'SET NULL': 'set null',
  'SET DEFAULT': 'set default',
};

/** The columns and options of a table as a person writes them: single-column constraints on their column. */
export function tableCode(table: TableState, context: TableContext): TableCode {
  const nameOption = (name: string, more: readonly (readonly [string, Code])[] = []): Code[] => {
    const entries = [...more, ...(context.named(name) ? [['name', value(name)] as const] : [])];
    return entries.length > 0 ? [object(entries)] : [];
  };
  const chained = new Map<string, ((target: Code) => Code)[]>();
  const add = (column: string, code: (target: Code) => Code): void => {
    chained.set(column, [...(chained.get(column) ?? []), code]);
  };
  const constraints: Code[] = [];
  const used = new Map<string, Set<string>>();
  const onColumn = (columns: readonly string[], kind: string): string | null => {
    const [only] = columns;
    if (columns.length !== 1 || only === undefined) return null;
    const taken = used.get(only) ?? new Set<string>();
    if (taken.has(kind)) return null;
    used.set(only, taken.add(kind));
    return only;
  };

  const pk = table.primaryKey;
  const pkColumn = pk === null ? null : onColumn(pk.columns, 'pk');
  if (pk !== null) {
    if (pkColumn !== null) add(pkColumn, (t) => method(t, 'primaryKey', ...nameOption(pk.name, deferrableEntries(pk.deferrable))));
    else constraints.push(call('primaryKey', array(pk.columns.map(value)), ...nameOption(pk.name, deferrableEntries(pk.deferrable))));
  }
  for (const unique of table.uniques) {
    const column = onColumn(unique.columns, 'unique');
    if (column !== null) add(column, (t) => method(t, 'unique', ...nameOption(unique.name, deferrableEntries(unique.deferrable))));
    else constraints.push(call('unique', array(unique.columns.map(value)), ...nameOption(unique.name, deferrableEntries(unique.deferrable))));
  }
  for (const fk of table.foreignKeys) {
    const target = fk.refSchema === context.schema ? value(fk.refTable) : object([['schema', value(fk.refSchema)], ['table', value(fk.refTable)]]);
    const options = referenceOptions(fk, context.named(fk.name));
    const column = fk.refColumns.length === 1 ? onColumn(fk.columns, 'fk') : null;
    if (column !== null) add(column, (t) => method(t, 'references', target, value(fk.refColumns[0] ?? ''), ...options));
    else constraints.push(call('foreignKey', array(fk.columns.map(value)), target, array(fk.refColumns.map(value)), ...options));
  }
  for (const check of table.checks) {
    const expression = sqlCode(stripParentheses(check.expression));
    const mentioned = referencedColumns(check.expression, table.columns.map((c) => c.name));
    const column = mentioned.length === 1 ? onColumn(mentioned, `check:${check.name}`) : null;
    const notValid: [string, Code][] = check.notValid === true ? [['notValid', value(true)]] : [];
    if (column !== null) add(column, (t) => method(t, 'check', expression, ...nameOption(check.name, notValid)));
    else constraints.push(call('check', expression, ...nameOption(check.name, notValid)));
  }
  for (const exclusion of table.exclusions ?? []) {
    const parsed = exclusionCode(exclusion.definition, nameOption(exclusion.name));
    if (parsed === null) return { unsupported: `exclusion constraint ${exclusion.name} (${exclusion.definition}) could not be read` };
    constraints.push(parsed);
  }

  const columns: [string, Code][] = [];
  for (const column of table.columns) {
    const code = columnCode(column, context, column.name === pkColumn);
    if (code === null) return { unsupported: `column ${column.name} has type ${column.type}, which the model cannot declare yet` };
    columns.push([column.name, (chained.get(column.name) ?? []).reduce((target, step) => step(target), code)]);
  }

  const options: [string, Code][] = [];
  if (constraints.length > 0) options.push(['constraints', array(constraints)]);
  const indexes = table.indexes.map((index) => {
    const opts: [string, Code][] = [];
    if (index.unique) opts.push(['unique', value(true)]);
    if (index.method !== 'btree') opts.push(['using', value(index.method)]);
    if (index.where !== null) opts.push(['where', sqlCode(stripParentheses(index.where))]);
    if (index.include !== undefined) opts.push(['include', array(index.include.map((key) => value(columnName(key, table.columns))))]);
    if (index.with !== undefined) opts.push(['with', object(index.with.map(storageParameter))]);
    if (index.nullsNotDistinct === true) opts.push(['nullsNotDistinct', value(true)]);
    if (context.named(index.name)) opts.push(['name', value(index.name)]);
    const keys = index.keys.map((key) => indexKey(key, table.columns));
    return call('index', array(keys), ...(opts.length > 0 ? [object(opts)] : []));
  });
  if (indexes.length > 0) options.push(['indexes', array(indexes)]);
  if (table.comment !== null) options.push(['comment', value(table.comment)]);
  if (table.unlogged === true) options.push(['unlogged', value(true)]);
  if (table.with !== undefined) options.push(['with', object(table.with.map(storageParameter))]);
  if (table.rowSecurity === true || table.forceRowSecurity === true) options.push(['rowSecurity', table.forceRowSecurity === true ? value('force') : value(true)]);
  if (table.policies !== undefined && table.policies.length > 0) options.push(['policies', array(table.policies.map(policyCode))]);
  return { columns, options: options.length > 0 ? object(options) : null };
}

/** The column's builder chain, without its constraints (added by the caller); null for a type the model cannot declare. */
function columnCode(column: ColumnState, context: TableContext, isPrimaryKey: boolean): Code | null {
  let code = typeCode(column.type, context.enumRef);
  if (code === null) return null;
  if (column.collation !== undefined) code = method(code, 'collate', value(collationName(column.collation)));
  // primaryKey() and identity() make the column NOT NULL themselves.
  if (column.notNull && !isPrimaryKey && column.identity === null) code = method(code, 'notNull');
  if (column.default !== null) code = method(code, 'default', defaultCode(column, column.default));
  if (column.identity !== null) code = method(code, 'identity', ...identityArgs(column));
  if (column.generated !== undefined) code = method(code, 'generatedAlwaysAs', sqlCode(stripParentheses(column.generated)));
  if (column.comment !== null) code = method(code, 'comment', value(column.comment));
  return code;
}

function referenceOptions(fk: ForeignKeyState, named: boolean): Code[] {
  const entries: [string, Code][] = [];
  if (fk.onDelete !== 'NO ACTION') entries.push(['onDelete', value(ACTIONS[fk.onDelete])]);
  if (fk.onUpdate !== 'NO ACTION') entries.push(['onUpdate', value(ACTIONS[fk.onUpdate])]);
  if (fk.match === 'FULL') entries.push(['match', value('full')]);
  entries.push(...deferrableEntries(fk.deferrable));
  if (fk.notValid === true) entries.push(['notValid', value(true)]);
  if (named) entries.push(['name', value(fk.name)]);
  return entries.length > 0 ? [object(entries)] : [];
}

/** `deferrable: true` and `initiallyDeferred: true` as the constraint has them. */
function deferrableEntries(deferrable: Deferrable | undefined): [string, Code][] {
  if (deferrable === 'deferred') return [['initiallyDeferred', value(true)]];
  return deferrable === 'immediate' ? [['deferrable', value(true)]] : [];
}

/**
 * `exclude([sql\`during WITH &&\`], { using, where, deferrable })` from the definition Postgres
 * prints (`EXCLUDE USING gist (during WITH &&) WHERE ((room > 0)) DEFERRABLE`); null when it does
 * not read as that.
 */
function exclusionCode(definition: string, nameOption: Code[]): Code | null {
  const match = /^EXCLUDE USING (\w+) \((.*?)\)(?: WHERE \((.*)\))?( DEFERRABLE( INITIALLY DEFERRED)?)?$/.exec(definition);
  if (match === null) return null;
  const elements = splitTopLevel(match[2] ?? '');
  if (elements === null) return null;
  const entries: (readonly [string, Code])[] = [];
  if (match[1] !== 'gist') entries.push(['using', value(match[1] ?? '')]);
  if (match[3] !== undefined) entries.push(['where', sqlCode(stripParentheses(match[3]))]);
  entries.push(...deferrableEntries(match[5] !== undefined ? 'deferred' : match[4] !== undefined ? 'immediate' : undefined));
  const named = nameOption[0];
  if (named?.kind === 'object') entries.push(...named.entries);
  return call('exclude', array(elements.map(sqlCode)), ...(entries.length > 0 ? [object(entries)] : []));
}

/** `a WITH =, lower(b) WITH &&` → its elements; null when the parentheses do not balance. */
function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted !== null) {
      if (ch === quoted) quoted = null;
    } else if (ch === "'" || ch === '"') quoted = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  parts.push(text.slice(start).trim());
  return depth === 0 ? parts : null;
}

/** `policy('name', { for, to, using, withCheck, restrictive })` with the options that are not the defaults. */
function policyCode(policy: PolicyState): Code {
  const entries: [string, Code][] = [];
  if (policy.command !== 'ALL') entries.push(['for', value(policy.command.toLowerCase())]);
  if (!(policy.roles.length === 1 && policy.roles[0] === 'public')) entries.push(['to', array(policy.roles.map(value))]);
  if (policy.using !== null) entries.push(['using', sqlCode(stripParentheses(policy.using))]);
  if (policy.withCheck !== null) entries.push(['withCheck', sqlCode(stripParentheses(policy.withCheck))]);
  if (policy.restrictive === true) entries.push(['restrictive', value(true)]);
  return call('policy', value(policy.name), ...(entries.length > 0 ? [object(entries)] : []));
}

/** A column as Postgres prints it in an index (quoted when needed), by its name. */
function columnName(printed: string, columns: readonly ColumnState[]): string {
  return columns.find((c) => printIdentifier(c.name) === printed)?.name ?? printed;
}

/** `fillfactor=70` → `['fillfactor', 70]`; `deduplicate_items=off` → `['deduplicate_items', false]`. */
function storageParameter(text: string): readonly [string, Code] {
  const at = text.indexOf('=');
  const [name, raw] = at === -1 ? [text, 'true'] : [text.slice(0, at), text.slice(at + 1)];
  if (/^-?\d+(\.\d+)?$/.test(raw)) return [name, value(Number(raw))];
  if (raw === 'on' || raw === 'true') return [name, value(true)];
  if (raw === 'off' || raw === 'false') return [name, value(false)];
  return [name, value(raw)];
}

/** An index key: a column by name when it is one, else the expression (with its options) as SQL. */
function indexKey(key: string, columns: readonly ColumnState[]): Code {
  const column = columns.find((c) => printIdentifier(c.name) === key);
  return column === undefined ? sqlCode(key) : value(column.name);
}

/** `(a > 0)` → `a > 0`: the outer parentheses Postgres adds, when they wrap the whole text. */
export function stripParentheses(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  let quoted: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted !== null) {
      if (ch === quoted) quoted = null;
      continue;
    }
    if (ch === "'" || ch === '"') quoted = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return text;
    }
  }
  return text.slice(1, -1);
}
