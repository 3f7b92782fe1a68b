/**
 * From the declared schema-level objects (schema-objects.ts) to their states (object-types.ts).
 * Bodies are kept as written; autogenerate has Postgres normalise them before comparing.
 */
import { ModelError } from '../errors.js';
import type {
  DomainState,
  ExtensionState,
  FunctionState,
  SchemaObjects,
  SequenceState,
  TriggerState,
  ViewState,
} from '../schema/object-types.js';
import type { IndexState } from '../schema/types.js';
import { compareNames, sortByName } from '../schema/compare-names.js';
import { printIdentifier } from '../sql/print-identifier.js';
import { identifierProblem, quoteIdent } from '../sql/quote.js';
import type { IndexDefinition } from './constraints.js';
import { indexKeyName, printExpression } from './expression.js';
import { columnNamesAddition, indexColumnNames, makeObjectName } from './pg-naming.js';
import type {
  DomainType,
  FunctionDefinition,
  SequenceDefinition,
  SequenceOptions,
  TriggerDefinition,
  ViewDefinition,
} from './schema-objects.js';
import { printColumnType } from './type-names.js';

/** The schema-level objects a `defineSchema` call lists. */
export interface ObjectDeclarations {
  readonly sequences?: readonly SequenceDefinition[];
  readonly domains?: readonly DomainType[];
  readonly views?: readonly ViewDefinition[];
  readonly functions?: readonly FunctionDefinition[];
  readonly triggers?: readonly TriggerDefinition[];
  readonly extensions?: readonly string[];
}

/** What the object states are checked against: the tables of the schema and their columns. */
export type TableColumns = ReadonlyMap<string, readonly string[]>;

function checkName(name: unknown, what: string): asserts name is string {
  const problem = typeof name === 'string' ? identifierProblem(name) : 'is not a string';
  if (problem !== null) throw new ModelError(`${what} ${JSON.stringify(name)} ${problem}`, { hint: 'a name is 1 to 63 bytes without NUL characters' });
}

function unique<T extends { readonly name: string }>(schema: string, what: string, items: readonly T[]): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.name)) throw new ModelError(`${schema}: ${what} ${item.name} is declared twice`, { hint: `give each ${what} of a schema its own name` });
    seen.add(item.name);
  }
  return sortByName(items);
}

const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** A sequence's options with Postgres' defaults filled in (as `CREATE SEQUENCE` does). */
function sequenceState(schema: string, def: SequenceDefinition, tables: TableColumns): SequenceState {
  const o: SequenceOptions = def.options;
  const where = `${schema}.${def.name}`;
  checkName(def.name, `${schema}: sequence name`);
  const type = o.as ?? 'bigint';
  const range = INTEGER_RANGES[type];
  if (range === undefined) throw new ModelError(`sequence ${where}: unknown type ${String(type)}`, { hint: 'use smallint, integer or bigint' });
  const big = (v: number | bigint | undefined): bigint | undefined => (v === undefined ? undefined : BigInt(v));
  const increment = big(o.increment) ?? 1n;
  if (increment === 0n) throw new ModelError(`sequence ${where}: the increment is 0`, { hint: 'give a positive or negative increment' });
  const minValue = big(o.minValue) ?? (increment > 0n ? 1n : range[0]);
  const maxValue = big(o.maxValue) ?? (increment > 0n ? range[1] : -1n);
  const start = big(o.start) ?? (increment > 0n ? minValue : maxValue);
  if (start < minValue || start > maxValue) {
    throw new ModelError(`sequence ${where}: start ${start} is outside ${minValue}..${maxValue}`, { hint: 'give a start between minValue and maxValue' });
  }
  let ownedBy: SequenceState['ownedBy'] = null;
  if (o.ownedBy !== undefined) {
    const [table, column, ...rest] = o.ownedBy.split('.');
    const columns = table === undefined ? undefined : tables.get(table);
    if (table === undefined || column === undefined || rest.length > 0 || columns === undefined || !columns.includes(column)) {
      throw new ModelError(`sequence ${where}: ownedBy ${JSON.stringify(o.ownedBy)} is not a column of the schema`, {
        hint: `write ownedBy: 'table.column', with a table of schema ${schema}`,
      });
    }
    ownedBy = { table, column };
  }
  return {
    name: def.name,
    type,
    start: String(start),
    increment: String(increment),
    minValue: String(minValue),
    maxValue: String(maxValue),
    cache: String(big(o.cache) ?? 1n),
    cycle: o.cycle ?? false,
    ownedBy,
  };
}

function domainState(schema: string, d: DomainType): DomainState {
  checkName(d.name, `${schema}: domain name`);
  const base = d.base.data;
  const checks = d.check === null ? [] : [{ name: d.checkName ?? makeObjectName(d.name, null, 'check'), expression: printExpression(d.check.text) }];
  return {
    name: d.name,
    type: printColumnType(base.type, base.arrayDimensions, schema),
    notNull: d.notNull,
    default: d.default === null ? null : d.default.text.trim(),
    checks,
  };
}

function viewIndexState(view: string, ix: IndexDefinition): IndexState {
  const keyNames = ix.keys.map((k) => (typeof k === 'string' ? k : indexKeyName(k.text)));
  if (ix.keys.length === 0) throw new ModelError(`materialized view ${view}: an index lists no key`, { hint: 'index([column, ...])' });
  const include = ix.include ?? [];
  const storage = Object.entries(ix.with ?? {}).map(([key, value]) => `${key}=${String(value)}`).sort();
  return {
    name: ix.name ?? makeObjectName(view, columnNamesAddition(indexColumnNames(keyNames)), 'idx'),
    unique: ix.unique,
    method: ix.using,
    keys: ix.keys.map((k) => (typeof k === 'string' ? printIdentifier(k) : k.text.trim())),
    where: ix.where === null ? null : printExpression(ix.where.text),
    ...(include.length === 0 ? {} : { include: include.map(printIdentifier) }),
    ...(storage.length === 0 ? {} : { with: storage }),
    ...(ix.nullsNotDistinct === true ? { nullsNotDistinct: true as const } : {}),
  };
}

/** A view's query as written, without surrounding blanks and a trailing `;`. */
function queryText(text: string): string {
  return text.trim().replace(/;\s*$/, '').trimEnd();
}

function viewState(schema: string, v: ViewDefinition): ViewState {
  checkName(v.name, `${schema}: view name`);
  if (!v.materialized && v.indexes.length > 0) throw new ModelError(`view ${schema}.${v.name} has indexes`, { hint: 'only a materialized view can have indexes' });
  return {
    name: v.name,
    materialized: v.materialized,
    definition: queryText(v.query.text),
    indexes: unique(`${schema}.${v.name}`, 'index', v.indexes.map((ix) => viewIndexState(v.name, ix))),
  };
}

/** A dollar quote tag that does not occur in `body`. */
function dollarTag(body: string): string {
  for (let i = 0; ; i += 1) {
    const tag = `$worlddb${i === 0 ? '' : i}$`;
    if (!body.includes(tag)) return tag;
  }
}

/** The `CREATE OR REPLACE FUNCTION` text of a declared function, as the user would write it. */
function functionText(f: FunctionDefinition): string {
  const o = f.options;
  const body = typeof o.body === 'string' ? o.body : o.body.text;
  const parts = [`CREATE OR REPLACE ${f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${quoteIdent(f.name)}(${o.args ?? ''})`];
  if (f.kind === 'function') parts.push(`RETURNS ${o.returns ?? 'void'}`);
  parts.push(`LANGUAGE ${o.language ?? 'sql'}`);
  if (o.volatility !== undefined) parts.push(o.volatility.toUpperCase());
  if (o.strict === true) parts.push('STRICT');
  if (o.securityDefiner === true) parts.push('SECURITY DEFINER');
  const tag = dollarTag(body);
  parts.push(`AS ${tag}${body}${tag}`);
  return parts.join(' ');
}

function functionState(schema: string, f: FunctionDefinition): FunctionState {
  checkName(f.name, `${schema}: function name`);
  if (f.kind === 'function' && (f.options.returns === undefined || f.options.returns.trim() === '')) {
    throw new ModelError(`function ${schema}.${f.name} has no result type`, { hint: "give returns: 'integer' (or 'void', 'trigger', ...)" });
  }
  const args = (f.options.args ?? '').trim();
  return {
    name: `${f.name}(${args})`,
    functionName: f.name,
    kind: f.kind,
    identityArguments: args,
    result: f.kind === 'procedure' ? null : (f.options.returns ?? null),
    definition: functionText(f),
  };
}

function triggerState(schema: string, t: TriggerDefinition, tables: TableColumns): TriggerState {
  const o = t.options;
  checkName(t.name, `${schema}: trigger name`);
  if (!tables.has(o.table)) {
    throw new ModelError(`trigger ${t.name} is on unknown table ${schema}.${o.table}`, {
      hint: `tables of schema ${schema}: ${[...tables.keys()].sort(compareNames).join(', ')}`,
    });
  }
  if (o.events.length === 0) throw new ModelError(`trigger ${schema}.${o.table}.${t.name} lists no event`, { hint: "events: ['insert', 'update']" });
  const columns = tables.get(o.table) ?? [];
  const unknown = (o.of ?? []).find((c) => !columns.includes(c));
  if (unknown !== undefined) {
    throw new ModelError(`trigger ${t.name} on ${schema}.${o.table} names unknown column ${unknown}`, { hint: `columns of ${schema}.${o.table}: ${columns.join(', ')}` });
  }
  const event = (e: string): string =>
    e === 'update' && (o.of ?? []).length > 0 ? `UPDATE OF ${(o.of ?? []).map(quoteIdent).join(', ')}` : e.toUpperCase();
  const fnName = typeof o.fn === 'string' ? o.fn : quoteIdent(o.fn.name);
  const when = o.when === undefined ? '' : ` WHEN (${o.when.text.trim()})`;
  const definition =
    `CREATE TRIGGER ${quoteIdent(t.name)} ${o.timing.toUpperCase()} ${o.events.map(event).join(' OR ')} ` +
    `ON ${quoteIdent(o.table)} FOR EACH ${(o.forEach ?? 'row').toUpperCase()}${when} EXECUTE FUNCTION ${fnName}()`;
  return { name: `${o.table}.${t.name}`, table: o.table, triggerName: t.name, definition };
}

/**
 * The states of the declared objects of `schema`, each list sorted by name. `usedDomains` are
 * the domains the columns use (created with the listed ones, unless owned by another schema).
 *
 * @throws ModelError naming the object when a declaration is invalid (an unknown table or column,
 *   a repeated name, a bad sequence range).
 * @example
 * buildObjectStates('film', { views: [view('v', sql`SELECT 1`)] }, new Map(), [])
 * // => { sequences: [], domains: [], views: [{ name: 'v', materialized: false, definition: 'SELECT 1', indexes: [] }], ... }
 */
export function buildObjectStates(
  schema: string,
  declared: ObjectDeclarations,
  tables: TableColumns,
  usedDomains: readonly DomainType[],
): Required<SchemaObjects> {
  const domains = new Map<string, DomainType>();
  for (const d of [...(declared.domains ?? []), ...usedDomains]) {
    if (d.schema !== null && d.schema !== schema) continue;
    const known = domains.get(d.name);
    if (known !== undefined && known !== d) {
      throw new ModelError(`${schema}: two different domains are named ${d.name}`, { hint: 'declare each domain once and use that one' });
    }
    domains.set(d.name, d);
  }
  const extensions: ExtensionState[] = [...new Set(declared.extensions ?? [])].map((name) => {
    checkName(name, `${schema}: extension name`);
    return { name, schema };
  });
  return {
    sequences: unique(schema, 'sequence', (declared.sequences ?? []).map((s) => sequenceState(schema, s, tables))),
    domains: unique(schema, 'domain', [...domains.values()].map((d) => domainState(schema, d))),
    views: unique(schema, 'view', (declared.views ?? []).map((v) => viewState(schema, v))),
    functions: unique(schema, 'function', (declared.functions ?? []).map((f) => functionState(schema, f))),
    triggers: unique(schema, 'trigger', (declared.triggers ?? []).map((t) => triggerState(schema, t, tables))),
    extensions: sortByName(extensions),
    dependencies: [],
  };
}
