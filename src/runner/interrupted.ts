/**
 * Interrupted no-transaction migrations. A migration that runs without a transaction (for
 * `CREATE INDEX CONCURRENTLY`) cannot be rolled back when worlddb is killed half-way, so its start
 * is recorded, committed, before it runs: a version-table row with `finished = false`, turned into
 * the ordinary row when it ends. A row still unfinished later means it was interrupted (killed, or
 * failed after changing something): `migrate` refuses to guess, and `status`/`history` show it,
 * each naming what the catalog shows it left (INVALID indexes, indexes it creates that exist) and
 * the exact way to finish: drop the invalid index and retry, or `worlddb stamp` it when complete.
 */
import type { SchemaTarget, VersionTableRef } from '../config/types.js';
import type { Queryable } from '../connection/types.js';
import { RefusedError } from '../errors.js';
import { splitStatements } from '../revision/split-sql.js';
import type { MigrationFile } from '../revision/types.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import type { InterruptedMigration, InterruptedReport, MigrateOptions } from './types.js';
import { versionTableName } from './version-table.js';

/**
 * Adds the `finished` column to a version table made by an earlier version, when it lacks it. Run
 * under the migration lock, before the first no-transaction migration of a run.
 */
export async function ensureFinishedColumn(session: Queryable, ref: VersionTableRef): Promise<void> {
  const { rows } = await session.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                     WHERE attrelid = to_regclass($1) AND attname = 'finished' AND NOT attisdropped) AS found`,
    [versionTableName(ref)],
  );
  if (rows[0]?.found === true) return;
  await session.exec(`ALTER TABLE ${versionTableName(ref)} ADD COLUMN IF NOT EXISTS finished boolean NOT NULL DEFAULT true;`);
}

/** Records that a no-transaction migration starts (run in autocommit: committed before it runs). */
export function startedRowSql(ref: VersionTableRef, migration: Pick<MigrationFile, 'name' | 'checksum'>): string {
  return `INSERT INTO ${versionTableName(ref)} (name, checksum, execution_ms, finished) VALUES (${quoteLiteral(migration.name)}, ${quoteLiteral(migration.checksum)}, 0, false);`;
}

/** Removes the record of an unfinished start: of one migration, or of all of them. */
export function clearStartedSql(ref: VersionTableRef, name?: string): string {
  const which = name === undefined ? '' : `name = ${quoteLiteral(name)} AND `;
  return `DELETE FROM ${versionTableName(ref)} WHERE ${which}NOT finished;`;
}

/**
 * Names of the indexes a migration's SQL creates (`CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT
 * EXISTS] name`), as Postgres stores them (unquoted names folded to lower case). Unnamed indexes
 * and code migrations give none.
 */
export function indexesCreatedBy(sql: string): string[] {
  const names: string[] = [];
  for (const statement of splitStatements(sql)) {
    const text = statement.text.replace(/--[^\n]*\n?/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
    const match = /^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\s|$)/i.exec(text);
    const name = match?.[1];
    if (name === undefined || /^on$/i.test(name)) continue;
    names.push(name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase());
  }
  return names;
}

/** Whether every statement of the migration is a CREATE INDEX that names its index. */
function onlyNamedIndexes(migration: MigrationFile | null): boolean {
  const up = migration?.up;
  if (up === undefined || up === null || up.kind !== 'sql') return false;
  const count = splitStatements(up.sql).length;
  return count > 0 && indexesCreatedBy(up.sql).length === count;
}

interface RawIndex {
  readonly relname: string;
  readonly indisvalid: boolean;
}

/**
 * What interrupted migrations left, as the catalog shows it, and how to finish each. `files` gives
 * the migrations' text (null when the file is gone or cannot be loaded).
 */
export async function reportInterrupted(
  session: Queryable,
  target: SchemaTarget,
  interrupted: readonly InterruptedMigration[],
  fileOf: (name: string) => Promise<MigrationFile | null>,
): Promise<InterruptedReport[]> {
  if (interrupted.length === 0) return [];
  const reports: InterruptedReport[] = [];
  for (const run of interrupted) {
    const migration = await fileOf(run.name);
    const up = migration?.up;
    const named = up !== undefined && up !== null && up.kind === 'sql' ? indexesCreatedBy(up.sql) : [];
    const { rows } = await session.query<RawIndex>(
      `SELECT c.relname, i.indisvalid
         FROM pg_catalog.pg_index i
         JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND (NOT i.indisvalid OR c.relname = ANY($2::text[]))
        ORDER BY c.relname COLLATE "C"`,
      [target.schema, named],
    );
    const found = new Map(rows.map((row) => [row.relname, row.indisvalid]));
    // Invalid indexes it names; when it names none, every invalid index of the schema is a suspect.
    const invalid = rows.filter((row) => !row.indisvalid && (named.length === 0 || named.includes(row.relname))).map((row) => row.relname);
    const complete = named.filter((name) => found.get(name) === true);
    const absent = named.filter((name) => !found.has(name));
    const advice = invalid.length === 0 && onlyNamedIndexes(migration) && absent.length === 0 ? 'stamp' : 'retry';
    const schemaFlag = `--schema ${shellWord(target.schema)}`;
    const steps =
      advice === 'stamp'
        ? [`worlddb stamp ${schemaFlag} ${run.name}`]
        : [
            ...invalid.map((name) => `DROP INDEX CONCURRENTLY IF EXISTS ${qualify(target.schema, name)};`),
            `worlddb migrate ${schemaFlag} --retry-interrupted`,
          ];
    reports.push({
      ...run,
      invalidIndexes: invalid.map((name) => qualify(target.schema, name)),
      completeIndexes: complete.map((name) => qualify(target.schema, name)),
      absentIndexes: absent.map((name) => qualify(target.schema, name)),
      advice,
      steps,
    });
  }
  return reports;
}

/** One line: what an interrupted migration left and how to finish it (for `status` and the refusal). */
export function describeInterrupted(report: InterruptedReport): string {
  const left: string[] = [];
  if (report.invalidIndexes.length > 0) left.push(`INVALID index${plural(report.invalidIndexes)} ${report.invalidIndexes.join(', ')}`);
  if (report.completeIndexes.length > 0) left.push(`complete index${plural(report.completeIndexes)} ${report.completeIndexes.join(', ')}`);
  if (report.absentIndexes.length > 0) left.push(`no index ${report.absentIndexes.join(', ')} yet`);
  const seen = left.length === 0 ? 'nothing it left is visible in the catalog' : `the catalog shows ${left.join('; ')}`;
  const how =
    report.advice === 'stamp'
      ? `it looks complete: record it with \`${report.steps.join('`, then `')}\``
      : `to run it again: ${report.steps.map((step) => `\`${step}\``).join(', then ')}; or, if its work is complete, \`worlddb stamp\` it`;
  return `${seen}; ${how}`;
}

/**
 * What `migrate` does, under the migration lock, about interrupted migrations: nothing when there
 * are none; with `retryInterrupted`, forgets their starts (they are pending again, run by this
 * run) and returns their names; otherwise refuses, naming what they left and how to finish.
 *
 * @throws RefusedError while a migration is interrupted and `retryInterrupted` is not given.
 */
export async function settleInterrupted(
  session: Queryable,
  target: SchemaTarget,
  interrupted: readonly InterruptedMigration[],
  fileOf: (name: string) => Promise<MigrationFile | null>,
  options: MigrateOptions,
): Promise<string[]> {
  if (interrupted.length === 0) return [];
  if (options.retryInterrupted !== true) throw interruptedError(target, await reportInterrupted(session, target, interrupted, fileOf));
  for (const run of interrupted) {
    await session.exec(clearStartedSql(target.versionTable, run.name));
    options.onEvent?.({ kind: 'interrupted-retry', schema: target.schema, name: run.name });
  }
  return interrupted.map((run) => run.name);
}

/** The refusal of `migrate` while a migration is interrupted. */
export function interruptedError(target: SchemaTarget, reports: readonly InterruptedReport[]): RefusedError {
  const first = reports[0];
  const names = reports.map((r) => `${r.name} (started ${r.startedAt.toISOString()})`).join(', ');
  return new RefusedError(
    `schema ${JSON.stringify(target.schema)}: migration ${names} was interrupted: it runs without a transaction and never finished, so part of it may be applied`,
    { hint: first === undefined ? 'see worlddb status' : describeInterrupted(first) },
  );
}

function plural(list: readonly unknown[]): string {
  return list.length === 1 ? '' : 'es';
}

/** A schema name as one shell word (quoted when it holds anything but safe characters). */
function shellWord(word: string): string {
  return /^[\w.-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
