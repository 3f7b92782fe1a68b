/**
 * The read-only commands: `status`, `history` and `current`. They read the folder and the version
 * table (one query), take no lock and create nothing: on a fresh database they report that there
 * is no version table.
 */
import type { SchemaTarget } from '../config/types.js';
import { compareMigrationNames } from '../revision/file-name.js';
import { analyseFolder, problemsOf } from './plan.js';
import type { FolderAnalysis } from './plan.js';
import type {
  DatabaseOrSession,
  HistoryEntry,
  InterruptedReport,
  MigrationProblem,
  SchemaCurrent,
  SchemaHistory,
  SchemaStatus,
} from './types.js';
import { reportInterrupted } from './interrupted.js';
import { fileLoader, loaderOf, type MigrationSources, readFolder, withSession } from './run-context.js';
import { readVersionState, type VersionTableState } from './version-table.js';

interface Inspection {
  readonly exists: boolean;
  readonly analysis: FolderAnalysis;
  /** Interrupted migrations, with what they left (read only when there are some). */
  readonly interrupted: readonly InterruptedReport[];
}

/** Options of the read-only commands. */
export interface InspectOptions {
  /** Folders shared by the calls of one run (see `MigrationSources`). */
  readonly sources?: MigrationSources;
  /** The version table, already read (see `readVersionStates`): it is not read again. */
  readonly state?: VersionTableState | null;
}

async function inspect(where: DatabaseOrSession, target: SchemaTarget, options: InspectOptions): Promise<Inspection> {
  const filesRead = readFolder(target, options);
  return withSession(where, async (session) => {
    const state = options.state !== undefined ? options.state : await readVersionState(session, target.versionTable);
    const files = await filesRead;
    const interrupted = await reportInterrupted(session, target, state?.interrupted ?? [], fileLoader(files, loaderOf(options)));
    return { exists: state !== null, analysis: analyseFolder(files, state?.applied ?? []), interrupted };
  });
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
export async function status(where: DatabaseOrSession, target: SchemaTarget, options: InspectOptions = {}): Promise<SchemaStatus> {
  const { exists, analysis, interrupted } = await inspect(where, target, options);
  return {
    schema: target.schema,
    versionTable: target.versionTable,
    versionTableExists: exists,
    migrationsDir: target.source.migrationsDir,
    applied: analysis.applied.length,
    pending: analysis.pending.map((file) => file.name),
    last: lastOf(analysis),
    problems: [
      ...problemsOf(analysis),
      ...interrupted.map((run): MigrationProblem => ({ kind: 'interrupted', name: run.name, startedAt: run.startedAt })),
    ],
    interrupted,
  };
}

/**
 * Every migration file and every version-table row of one schema, in name order, with its state.
 *
 * @example
 * const h = await history(db, target);
 * h.entries.filter((e) => e.state === 'pending').map((e) => e.name)
 */
export async function history(where: DatabaseOrSession, target: SchemaTarget, options: InspectOptions = {}): Promise<SchemaHistory> {
  const { exists, analysis, interrupted } = await inspect(where, target, options);
  const interruptedByName = new Map(interrupted.map((run) => [run.name, run]));
  const names = [...new Set([...analysis.files.map((file) => file.name), ...analysis.applied.map((row) => row.name), ...interruptedByName.keys()])];
  names.sort(compareMigrationNames);
  const outOfOrder = new Set(analysis.outOfOrder.map((file) => file.name));
  const changed = new Set(analysis.changed.map((file) => file.name));
  const entries = names.map((name): HistoryEntry => {
    const file = analysis.fileByName.get(name);
    const row = analysis.appliedByName.get(name);
    const started = interruptedByName.get(name);
    const state: HistoryEntry['state'] =
      started !== undefined ? 'interrupted' : row === undefined ? 'pending' : file === undefined ? 'missing' : changed.has(name) ? 'changed' : 'applied';
    return {
      name,
      state,
      path: file?.path ?? null,
      appliedAt: row?.appliedAt ?? started?.startedAt ?? null,
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
export async function current(where: DatabaseOrSession, target: SchemaTarget, options: InspectOptions = {}): Promise<SchemaCurrent> {
  const { exists, analysis } = await inspect(where, target, options);
  return {
    schema: target.schema,
    versionTable: target.versionTable,
    versionTableExists: exists,
    current: lastOf(analysis),
    pending: analysis.pending.length,
  };
}
