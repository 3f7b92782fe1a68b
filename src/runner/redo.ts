/**
 * `worlddb redo`: reverts the last applied migration of one schema and applies it again — the
 * loop of writing a migration, trying it, fixing it.
 */
import type { SchemaTarget } from '../config/types.js';
import { RefusedError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';
import { listMigrationFiles } from '../revision/list-migration-files.js';
import type { MigrationFileEntry } from '../revision/types.js';
import { downgrade } from './downgrade.js';
import { migrate } from './migrate.js';
import { analyseFolder, checkAppliedFiles, type FolderAnalysis } from './plan.js';
import { MigrationLoader, withSession } from './run-context.js';
import { compareMigrationNames } from '../revision/file-name.js';
import type { DatabaseOrSession, MigrationRun, RunOptions, SafetyOptions } from './types.js';
import { readVersionTable } from './version-table.js';

export type RedoOptions = RunOptions & SafetyOptions;

export interface RedoResult {
  readonly schema: string;
  /** The migration reverted and applied again, or null when none is applied. */
  readonly name: string | null;
  readonly reverted: MigrationRun | null;
  readonly applied: MigrationRun | null;
}

/**
 * Which migration `redo` reverts and applies again: the last one applied. Pure.
 *
 * @throws RefusedError when its file is missing or changed (unless accepted), or when applying it
 *   again would also apply another pending migration that sorts before it.
 * @example
 * planRedo(analyseFolder(files, rows), 'asia', {})?.name // => '20261127090000_add_languages'
 */
export function planRedo(analysis: FolderAnalysis, schema: string, options: SafetyOptions): MigrationFileEntry | null {
  const last = analysis.applied.at(-1);
  if (last === undefined) return null;
  checkAppliedFiles(analysis, schema, options);
  const file = analysis.fileByName.get(last.name);
  if (file === undefined) {
    throw new RefusedError(`schema ${JSON.stringify(schema)}: cannot redo ${last.name}: its file is missing`, {
      hint: 'restore the file (e.g. from version control)',
    });
  }
  const before = analysis.pending.filter((pending) => compareMigrationNames(pending.name, last.name) < 0);
  if (before.length > 0) {
    throw new RefusedError(
      `schema ${JSON.stringify(schema)}: cannot redo ${last.name}: applying it again would also apply ${before.map((f) => f.name).join(', ')}, which sort${before.length > 1 ? '' : 's'} before it`,
      { hint: `run worlddb downgrade -1 and worlddb migrate --to ${last.name} --allow-out-of-order yourself` },
    );
  }
  return file;
}

/**
 * Checks, without changing anything, that `redo` can run for `target`: what {@link planRedo}
 * checks, and that the migration has a down part. Returns the migration's name, or null.
 *
 * @throws RefusedError (see {@link planRedo}), or when the migration has no down part.
 */
export async function checkRedo(where: DatabaseOrSession, target: SchemaTarget, options: RedoOptions = {}): Promise<string | null> {
  const files = await listMigrationFiles(target.source.migrationsDir);
  const applied = await withSession(where, (session) => readVersionTable(session, target.versionTable));
  const file = planRedo(analyseFolder(files, applied ?? []), target.schema, options);
  if (file === null) return null;
  const [migration] = await new MigrationLoader().load([file]);
  if (migration !== undefined && migration.down === null) {
    throw new RefusedError(`schema ${JSON.stringify(target.schema)}: cannot redo ${file.name}: ${displayPath(file.path)} has no down part`, {
      hint: file.extension === '.sql' ? 'add a "-- worlddb:down" line followed by the SQL that reverts it' : 'export a down function that reverts it',
    });
  }
  return file.name;
}

/**
 * Reverts the last applied migration of `target` and applies it again (two transactions, as
 * `downgrade -1` then `migrate --to NAME` would). Nothing applied is not an error.
 *
 * @throws RefusedError before anything runs (see {@link checkRedo}); MigrationError when the down
 *   or the up part fails (after a failed up, the migration stays reverted).
 * @example
 * const result = await redo(db, target);
 * result.name // => '20261127090000_add_languages'
 */
export async function redo(where: DatabaseOrSession, target: SchemaTarget, options: RedoOptions = {}): Promise<RedoResult> {
  return withSession(where, async (session) => {
    const name = await checkRedo(session, target, options);
    if (name === null) return { schema: target.schema, name: null, reverted: null, applied: null };
    const down = await downgrade(session, target, { ...options, steps: 1 });
    // The checks above make sure that `name` is the only pending migration up to itself; it may
    // sort before another applied one (it was applied out of order), hence allowOutOfOrder.
    const up = await migrate(session, target, { ...options, to: name, allowOutOfOrder: true });
    return { schema: target.schema, name, reverted: down.reverted[0] ?? null, applied: up.applied[0] ?? null };
  });
}
