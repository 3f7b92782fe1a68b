/**
 * The SQL of the object operations (sequences, domains, views, functions, triggers,
 * extensions): called from the one switch of render-operation.ts. Pure, like all of src/render.
 *
 * Bodies are written as the state holds them: Postgres printed them (`pg_get_viewdef`,
 * `pg_get_functiondef`, `pg_get_triggerdef`) with `search_path` set to the schema, so the objects
 * of the schema are unqualified and the text runs in any schema of a group.
 */
import { unknownObjectOperation, type ObjectOperation } from '../ops/object-operations.js';
import type { DomainState, SequenceOwner, SequenceState, ViewState } from '../schema/object-types.js';
import type { IndexState } from '../schema/types.js';
import { compareNames, sortByName } from '../schema/compare-names.js';
import { quoteIdent } from '../sql/quote.js';

/** The `CREATE INDEX` of an index of `table` (a table or a materialized view). */
export type RenderIndex = (table: string, index: IndexState) => string;

function sequenceOptions(s: SequenceState): string {
  return (
    `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.minValue} MAXVALUE ${s.maxValue} ` +
    `START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`
  );
}

function ownedBy(owner: SequenceOwner | null): string {
  return owner === null ? 'NONE' : `${quoteIdent(owner.table)}.${quoteIdent(owner.column)}`;
}

function createDomain(d: DomainState): string {
  const parts = [`CREATE DOMAIN ${quoteIdent(d.name)} AS ${d.type}`];
  if (d.default !== null) parts.push(`DEFAULT ${d.default}`);
  if (d.notNull) parts.push('NOT NULL');
  for (const check of sortByName(d.checks)) parts.push(`CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`);
  return parts.join(' ');
}

/** The ALTER DOMAIN statements from one state of a domain to another of the same base type. */
function alterDomain(from: DomainState, to: DomainState): string[] {
  const name = `ALTER DOMAIN ${quoteIdent(to.name)}`;
  const statements: string[] = [];
  const same = (a: DomainState['checks'][number], b: DomainState['checks'][number]): boolean =>
    a.name === b.name && a.expression === b.expression;
  for (const check of sortByName(from.checks)) {
    if (!to.checks.some((c) => same(c, check))) statements.push(`${name} DROP CONSTRAINT ${quoteIdent(check.name)}`);
  }
  if (from.default !== to.default) statements.push(to.default === null ? `${name} DROP DEFAULT` : `${name} SET DEFAULT ${to.default}`);
  if (from.notNull !== to.notNull) statements.push(`${name} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`);
  for (const check of sortByName(to.checks)) {
    if (!from.checks.some((c) => same(c, check))) statements.push(`${name} ADD CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`);
  }
  return statements;
}

/**
 * The statements creating (or replacing) a function from its definition. The body of a
 * `LANGUAGE sql` function is checked against the catalog when it is created, and functions are
 * created before tables (checks and defaults may use them) while their bodies may read those
 * tables: so the check is turned off for the rest of the transaction first, as pg_dump does. The
 * body is still checked when the function runs.
 */
function createFunction(definition: string): string[] {
  return /\n LANGUAGE sql\b/.test(definition) ? ['SET LOCAL check_function_bodies = off', definition] : [definition];
}

function viewKeyword(view: ViewState): string {
  return view.materialized ? 'MATERIALIZED VIEW' : 'VIEW';
}

function createView(view: ViewState, renderIndex: RenderIndex): string[] {
  const statements = [`CREATE ${viewKeyword(view)} ${quoteIdent(view.name)} AS\n${view.definition}`];
  const indexes = [...view.indexes].sort((a, b) => compareNames(a.name, b.name));
  for (const index of indexes) statements.push(renderIndex(view.name, index));
  return statements;
}

/**
 * The statements (without trailing semicolons) of one object operation.
 *
 * @example
 * renderObjectOperation({ kind: 'dropView', view }, createIndexSql)
 * // => ['DROP VIEW "film_list"']
 */
export function renderObjectOperation(op: ObjectOperation, renderIndex: RenderIndex): string[] {
  switch (op.kind) {
    case 'createSequence':
      return [`CREATE SEQUENCE ${quoteIdent(op.sequence.name)} ${sequenceOptions(op.sequence)}`];
    case 'dropSequence':
      return [`DROP SEQUENCE ${quoteIdent(op.sequence.name)}`];
    case 'alterSequence':
      return [`ALTER SEQUENCE ${quoteIdent(op.to.name)} ${sequenceOptions(op.to)}`];
    case 'setSequenceOwner':
      return [`ALTER SEQUENCE ${quoteIdent(op.sequence)} OWNED BY ${ownedBy(op.to)}`];
    case 'createDomain':
      return [createDomain(op.domain)];
    case 'dropDomain':
      return [`DROP DOMAIN ${quoteIdent(op.domain.name)}`];
    case 'alterDomain':
      // ALTER DOMAIN cannot change the base type: drop and create (refused while a column uses it).
      if (op.from.type !== op.to.type) return [`DROP DOMAIN ${quoteIdent(op.from.name)}`, createDomain(op.to)];
      return alterDomain(op.from, op.to);
    case 'createView':
      return createView(op.view, renderIndex);
    case 'dropView':
      return [`DROP ${viewKeyword(op.view)} ${quoteIdent(op.view.name)}`];
    case 'createFunction':
      return createFunction(op.function.definition);
    case 'dropFunction':
      return [`DROP ${op.function.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${quoteIdent(op.function.functionName)}(${op.function.identityArguments})`];
    case 'replaceFunction':
      // CREATE OR REPLACE keeps what depends on the function (triggers, views), but cannot
      // change its result type.
      if (op.from.result === op.to.result) return createFunction(op.to.definition);
      return [
        ...renderObjectOperation({ kind: 'dropFunction', function: op.from }, renderIndex),
        ...createFunction(op.to.definition),
      ];
    case 'createTrigger':
      return [op.trigger.definition];
    case 'dropTrigger':
      return [`DROP TRIGGER ${quoteIdent(op.trigger.triggerName)} ON ${quoteIdent(op.trigger.table)}`];
    case 'createExtension':
      return [`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(op.extension.name)}`];
    case 'dropExtension':
      return [`DROP EXTENSION ${quoteIdent(op.extension.name)}`];
    default:
      return unknownObjectOperation(op);
  }
}
