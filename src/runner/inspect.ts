/**
 * The read-only commands: `status`, `history` and `current`. They read the folder and the version
 * table (one query), take no lock and create nothing: on a fresh database they report that there
 * is no version table.
 */
import type { SchemaTarget } from '../config/types.js';
import { compareMigrationNames } from '../revision/file-name.js';
import { listMigrationFiles } from '../revision/list-migration-files.js';
import { analyseFolder, problemsOf } from './plan.js';
import type { FolderAnalysis } from './plan.js';
import { withSession } from './run-context.js';
import type { DatabaseOrSession, HistoryEntry, SchemaCurrent, SchemaHistory, SchemaStatus } from './types.js';
import { readVersionTable } from './version-table.js';

interface Inspection {
  readonly exists: boolean;
  readonly analysis: FolderAnalysis;
}

async function inspect(where: DatabaseOrSession, target: SchemaTarget): Promise<Inspection> {
  const filesRead = listMigrationFiles(target.source.migrationsDir);
  filesRead.catch(() => undefined);
  const applied = await withSession(where, (session) => readVersionTable(session, target.versionTable));
  const files = await filesRead;
  return { exists: applied !== null, analysis: analyseFolder(files, applied ?? []) };
}

function lastOf(analysis: FolderAnalysis): { name: string; appliedAt: Date } | null {
  const last = analysis.applied.at(-1);
  return last === undefined ? null : { name: last.name, appliedAt: last.appliedAt };
}

/**
 * The state of one schema: version table, applied count, pending migrations, last applied, and
 * problems (changed or missing files, out-of-order pending migrations).
 *
 * @example
 * const s = await status(db, target);
 * if (!s.versionTableExists) console.log(`${s.schema}: no version table`);
 */
export async function status(where: DatabaseOrSession, target: SchemaTarget): Promise<SchemaStatus> {
  const { exists, analysis } = await inspect(where, target);
  return {
    schema: target.schema,
    versionTable: target.versionTable,
    versionTableExists: exists,
    migrationsDir: target.source.migrationsDir,
    applied: analysis.applied.length,
    pending: analysis.pending.map((file) => file.name),
    last: lastOf(analysis),
    problems: problemsOf(analysis),
  };
}

/**
 * Every migration file and every version-table row of one schema, in name order, with its state.
 *
 * @example
 * const h = await history(db, target);
 * h.entries.filter((e) => e.state === 'pending').map((e) => e.name)
 */
export async function history(where: DatabaseOrSession, target: SchemaTarget): Promise<SchemaHistory> {
  const { exists, analysis } = await inspect(where, target);
  const names = [...new Set([...analysis.files.map((file) => file.name), ...analysis.applied.map((row) => row.name)])];
  names.sort(compareMigrationNames);
  const outOfOrder = new Set(analysis.outOfOrder.map((file) => file.name));
  const changed = new Set(analysis.changed.map((file) => file.name));
  const entries = names.map((name): HistoryEntry => {
    const file = analysis.fileByName.get(name);
    const row = analysis.appliedByName.get(name);
    const state: HistoryEntry['state'] =
      row === undefined ? 'pending' : file === undefined ? 'missing' : changed.has(name) ? 'changed' : 'applied';
    return {
      name,
      state,
      path: file?.path ?? null,
      appliedAt: row?.appliedAt ?? null,
      executionMs: row?.executionMs ?? null,
      stamped: row?.stamped ?? false,
      outOfOrder: outOfOrder.has(name),
    };
  });
  return { schema: target.schema, versionTable: target.versionTable, versionTableExists: exists, entries };
}

/**
 * The most recently applied migration of one schema, and how many are pending.
 *
 * @example
 * const c = await current(db, target);
 * console.log(c.current?.name ?? '(none)', c.pending === 0 ? '(head)' : `${c.pending} pending`);
 */
export async function current(where: DatabaseOrSession, target: SchemaTarget): Promise<SchemaCurrent> {
  const { exists, analysis } = await inspect(where, target);
  return {
    schema: target.schema,
    versionTable: target.versionTable,
    versionTableExists: exists,
    current: lastOf(analysis),
    pending: analysis.pending.length,
  };
}
