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
  const state: VersionTableState = { applied: [], interrupted: [] };
  for (const row of rows) {
    const at = row.applied_at instanceof Date ? row.applied_at : new Date(row.applied_at);
    if (row.finished === false) state.interrupted.push({ name: row.name, checksum: row.checksum, startedAt: at });
    else state.applied.push({ name: row.name, checksum: row.checksum, appliedAt: at, executionMs: Number(row.execution_ms), stamped: row.stamped });
  }
  return state;
}
