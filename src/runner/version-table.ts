/**
 * The version table of a schema: which migrations are applied. The runner's storage writes it; this
 * module holds its DDL, the SQL text that writes rows, and the one query that reads it.
 *
 * ```sql
 * CREATE TABLE "asia"."asia_migration_version" (
 *   name         text        PRIMARY KEY,           -- file name without extension
 *   checksum     text        NOT NULL,              -- sha256 (hex) of the file when applied
 *   applied_at   timestamptz NOT NULL DEFAULT now(),
 *   execution_ms integer     NOT NULL,              -- 0 for stamped rows
 *   stamped      boolean     NOT NULL DEFAULT false, -- written by `stamp`, not by running it
 *   finished     boolean     NOT NULL DEFAULT true   -- false: a no-transaction migration started, never finished
 * );
 * ```
 *
 * Tables made by earlier versions have no `finished` column: it is added (under the migration
 * lock) before the first no-transaction migration runs, and every read works with or without it.
 *
 * Rows are written as SQL text with literal values (not parameters) so that a row's INSERT and
 * the COMMIT travel in one round trip, and so that `--sql` shows exactly what runs.
 */
import type { SchemaTarget, VersionTableRef } from '../config/types.js';
import type { Queryable } from '../connection/types.js';
import { describeCause, WorlddbError, ExitCode } from '../errors.js';
import { qualify, quoteIdent, quoteLiteral } from '../sql/quote.js';
import type { AppliedMigration, InterruptedMigration } from './types.js';

/** `"schema"."table"` of a version table. */
export function versionTableName(ref: VersionTableRef): string {
  return qualify(ref.schema, ref.table);
}

/**
 * Creates the version table, and first the given schemas (`CREATE SCHEMA IF NOT EXISTS`): by
 * default the migrated schema and the version table's schema. Statements end with `;` and are
 * separated by newlines.
 */
export function createVersionTableSql(
  target: SchemaTarget,
  schemas: readonly string[] = [...new Set([target.schema, target.versionTable.schema])],
): string {
  return [
    ...schemas.map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};`),
    `CREATE TABLE IF NOT EXISTS ${versionTableName(target.versionTable)} (`,
    '  name text PRIMARY KEY,',
    '  checksum text NOT NULL,',
    '  applied_at timestamptz NOT NULL DEFAULT now(),',
    '  execution_ms integer NOT NULL,',
    '  stamped boolean NOT NULL DEFAULT false,',
    '  finished boolean NOT NULL DEFAULT true',
    ');',
  ].join('\n');
}

/**
 * The time since the transaction began, in ms: the execution time of a migration whose row is
 * written in the same transaction (and the same query string) as its SQL.
 */
export const MS_SINCE_TRANSACTION_START = '(extract(epoch FROM clock_timestamp() - now()) * 1000)::integer';

/**
 * Records a migration as applied. `executionMs` null means "since the transaction began"
 * ({@link MS_SINCE_TRANSACTION_START}).
 */
export function insertRowSql(
  ref: VersionTableRef,
  row: { readonly name: string; readonly checksum: string; readonly executionMs: number | null; readonly stamped?: boolean },
): string {
  const stamped = row.stamped === true;
  const columns = stamped ? 'name, checksum, execution_ms, stamped' : 'name, checksum, execution_ms';
  const ms = row.executionMs === null ? MS_SINCE_TRANSACTION_START : String(Math.max(0, Math.round(row.executionMs)));
  const values = [quoteLiteral(row.name), quoteLiteral(row.checksum), ms];
  if (stamped) values.push('true');
  return `INSERT INTO ${versionTableName(ref)} (${columns}) VALUES (${values.join(', ')});`;
}

/** Records a migration as not applied. */
export function deleteRowSql(ref: VersionTableRef, name: string): string {
  return `DELETE FROM ${versionTableName(ref)} WHERE name = ${quoteLiteral(name)};`;
}

/** Stores the new checksum of a deliberately changed migration file. */
export function updateChecksumSql(ref: VersionTableRef, name: string, checksum: string): string {
  return `UPDATE ${versionTableName(ref)} SET checksum = ${quoteLiteral(checksum)} WHERE name = ${quoteLiteral(name)};`;
}

interface RawVersionRow {
  readonly name: string;
  readonly checksum: string;
  readonly applied_at: Date | string;
  readonly execution_ms: number | string;
  readonly stamped: boolean;
  /** Absent in tables made by earlier versions. */
  readonly finished?: boolean;
}

/** What a version table says: the applied migrations, and the ones started but never finished. */
export interface VersionTableState {
  readonly applied: AppliedMigration[];
  /** No-transaction migrations whose start was recorded and whose end never was (see interrupted.ts). */
  readonly interrupted: InterruptedMigration[];
}

/** Postgres SQLSTATEs meaning "that table (or its schema) is not there". */
const UNDEFINED_TABLE = '42P01';
const INVALID_SCHEMA = '3F000';

/**
 * Reads the version table: the one query of a "nothing pending" run. Rows come in the order they
 * were applied (`applied_at`, then name by code point, the same on every server). Returns null when the table (or its schema) does not
 * exist — nothing is created here, so read-only commands leave a fresh database untouched.
 *
 * Must not run inside a transaction: a missing table is detected by the query failing.
 */
export async function readVersionTable(session: Queryable, ref: VersionTableRef): Promise<AppliedMigration[] | null> {
  return (await readVersionState(session, ref))?.applied ?? null;
}

/**
 * {@link readVersionTable}, with the interrupted migrations as well (still one query): rows whose
 * `finished` is false are not applied. `SELECT *` so that it reads tables with or without that column.
 */
export async function readVersionState(session: Queryable, ref: VersionTableRef): Promise<VersionTableState | null> {
  let rows: RawVersionRow[];
  try {
    const result = await session.query<RawVersionRow>(`SELECT * FROM ${versionTableName(ref)} ORDER BY applied_at, name COLLATE "C"`);
    rows = result.rows;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === UNDEFINED_TABLE || code === INVALID_SCHEMA) return null;
    throw new WorlddbError(`cannot read version table ${versionTableName(ref)}: ${describeCause(error)}`, ExitCode.failed, {
      hint: 'the table must have the columns name, checksum, applied_at, execution_ms and stamped; is it a worlddb version table?',
      cause: error,
    });
  }
  return stateOf(rows);
}

/** Applied and interrupted migrations from version table rows, in the order given. */
function stateOf(rows: readonly RawVersionRow[]): VersionTableState {
  const state: VersionTableState = { applied: [], interrupted: [] };
  for (const row of rows) {
    const at = row.applied_at instanceof Date ? row.applied_at : new Date(row.applied_at);
    if (row.finished === false) state.interrupted.push({ name: row.name, checksum: row.checksum, startedAt: at });
    else state.applied.push({ name: row.name, checksum: row.checksum, appliedAt: at, executionMs: Number(row.execution_ms), stamped: row.stamped });
  }
  return state;
}

/** Which of the given version tables exist, in one catalog query (names as two array parameters). */
const EXISTING_TABLES_QUERY = `
SELECT r.i::int AS i
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(s, t, i)
JOIN pg_catalog.pg_namespace n ON n.nspname = r.s
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.t AND c.relkind IN ('r', 'p')`;

/** Version tables read by one UNION ALL query at most. */
const TABLES_PER_QUERY = 1000;

/**
 * {@link readVersionState} of many version tables in a fixed number of queries, whatever their
 * number: one catalog query for which exist, then one `UNION ALL` over the existing ones per 1,000
 * tables (each row as `to_jsonb`, so tables with and without the `finished` column read alike).
 * One entry per ref, in the same order; null for a table that does not exist.
 *
 * @example
 * const states = await readVersionStates(session, members.map((t) => t.versionTable));
 * states.filter((s) => s === null).length // => members without a version table
 */
export async function readVersionStates(session: Queryable, refs: readonly VersionTableRef[]): Promise<(VersionTableState | null)[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readStates(session, refs);
    } catch (error) {
      // A table dropped between the two queries: look again once.
      const code = (error as { code?: unknown }).code;
      if (attempt < 2 && (code === UNDEFINED_TABLE || code === INVALID_SCHEMA)) continue;
      throw new WorlddbError(`cannot read the version tables of ${refs.length} schemas: ${describeCause(error)}`, ExitCode.failed, {
        hint: 'each must have the columns name, checksum, applied_at, execution_ms and stamped; is each a worlddb version table?',
        cause: error,
      });
    }
  }
}

async function readStates(session: Queryable, refs: readonly VersionTableRef[]): Promise<(VersionTableState | null)[]> {
  const rowsOf: (RawVersionRow[] | null)[] = refs.map(() => null);
  if (refs.length === 0) return [];
  const { rows: found } = await session.query<{ i: number }>(EXISTING_TABLES_QUERY, [refs.map((r) => r.schema), refs.map((r) => r.table)]);
  const existing = found.map((row) => Number(row.i) - 1).sort((a, b) => a - b);
  for (const index of existing) rowsOf[index] = [];
  for (let start = 0; start < existing.length; start += TABLES_PER_QUERY) {
    const parts = existing
      .slice(start, start + TABLES_PER_QUERY)
      .map((index) => `SELECT ${index} AS k, to_jsonb(v) AS r FROM ${versionTableName(refs[index] as VersionTableRef)} v`);
    const { rows } = await session.query<{ k: number; r: RawVersionRow }>(
      `SELECT k, r FROM (${parts.join('\nUNION ALL\n')}) u ORDER BY k, (r->>'applied_at')::timestamptz, r->>'name' COLLATE "C"`,
    );
    for (const row of rows) rowsOf[Number(row.k)]?.push(row.r);
  }
  return rowsOf.map((rows) => (rows === null ? null : stateOf(rows)));
}
