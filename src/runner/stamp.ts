/**
 * `worlddb stamp`: sets what the version table says is applied, without running any SQL.
 */
import type { SchemaTarget } from '../config/types.js';
import { analyseFolder, planStamp } from './plan.js';
import { execBookkeeping, migrationSettings, prepareVersionTable, readFolder, withMigrationLock, withSession } from './run-context.js';
import type { DatabaseOrSession, RunOptions, StampResult, StampTarget } from './types.js';
import { clearStartedSql } from './interrupted.js';
import { deleteRowSql, insertRowSql, readVersionState, readVersionTable } from './version-table.js';

/**
 * Makes the version table of `target` say that exactly the migrations up to `to` are applied —
 * `'head'`: every file, `'base'`: none, or a migration name — by inserting rows (marked stamped,
 * with the file's checksum) and deleting rows, in one transaction, without running migrations.
 * For a database whose schema was made by other means, or to forget a migration deliberately.
 * Creates the schema and the version table when missing (except for `'base'`, which has nothing to do then).
 *
 * @throws UsageError when `to` names no migration file.
 * @example
 * await stamp(db, target, 'head') // => { added: ['20261126154200_create_countries'], removed: [], ... }
 */
export async function stamp(
  where: DatabaseOrSession,
  target: SchemaTarget,
  to: StampTarget,
  options: RunOptions = {},
): Promise<StampResult> {
  const settings = migrationSettings(target, options);
  const ref = target.versionTable;
  const files = await readFolder(target, options);
  return withSession(where, async (session) => {
    const before = await readVersionTable(session, ref);
    planStamp(analyseFolder(files, before ?? []), target.schema, to); // refuse a bad name before locking
    const nothing: StampResult = { schema: target.schema, versionTable: ref, added: [], removed: [] };
    if (before === null && to === 'base') return nothing;
    return withMigrationLock(session, target, options, async () => {
      const state = await readVersionState(session, ref);
      const applied = state?.applied ?? null;
      const interrupted = state?.interrupted ?? [];
      const plan = planStamp(analyseFolder(files, applied ?? []), target.schema, to);
      if (applied !== null && plan.add.length === 0 && plan.remove.length === 0 && interrupted.length === 0) return nothing;
      const setup = applied === null ? [await prepareVersionTable(session, target, settings, options.createSchema ?? true)] : [];
      // Interrupted starts go: stamped as applied when up to `to`, forgotten otherwise.
      const forgotten = interrupted.filter((run) => !plan.add.some((file) => file.name === run.name)).map((run) => run.name);
      const statements = [
        ...setup,
        ...(interrupted.length > 0 ? [clearStartedSql(ref)] : []),
        ...plan.remove.map((row) => deleteRowSql(ref, row.name)),
        ...plan.add.map((file) => insertRowSql(ref, { name: file.name, checksum: file.checksum, executionMs: 0, stamped: true })),
      ];
      await execBookkeeping(session, target, settings, statements, `stamping ${to}`);
      if (applied === null) options.onEvent?.({ kind: 'version-table-created', schema: target.schema, versionTable: ref });
      return { ...nothing, added: plan.add.map((file) => file.name), removed: [...plan.remove.map((row) => row.name), ...forgotten] };
    });
  });
}
