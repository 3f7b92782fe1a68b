/**
 * `worlddb migrate`: applies the pending migrations of one schema.
 */
import type { SchemaTarget } from '../config/types.js';
import { executeMigrations } from './execute-migrations.js';
import { ensureFinishedColumn, settleInterrupted } from './interrupted.js';
import { analyseFolder, planMigrate } from './plan.js';
import { requireUpStatements } from './require-parts.js';
import {
  fileLoader,
  createVersionTable,
  execBookkeeping,
  loaderOf,
  migrationSettings,
  prepareVersionTable,
  readFolder,
  withMigrationLock,
  withSession,
} from './run-context.js';
import type { DatabaseOrSession, MigrateOptions, MigrateResult } from './types.js';
import { readVersionState, readVersionTable, updateChecksumSql } from './version-table.js';

/**
 * Applies the pending migrations of `target` (up to `options.to`), each in its own transaction
 * together with its version-table row. Creates the schema and the version table on first use.
 *
 * With nothing pending this is one query (the version table), with no lock taken and umzug not
 * loaded. Otherwise it takes the schema's migration lock, reads the version table again (another
 * process may have migrated meanwhile), and runs what is still pending.
 *
 * @throws RefusedError for a changed or missing applied file or an out-of-order migration;
 *   MigrationFileError for a broken file (before anything runs); MigrationError when a migration
 *   fails (the ones before it stay applied); LockTimeoutError when another process holds the lock.
 * @example
 * const result = await migrate(db, config.targets[0], { lockTimeoutMs: config.lockTimeoutMs });
 * for (const run of result.applied) console.log(`${run.name} ${run.durationMs.toFixed(0)} ms`);
 */
export async function migrate(
  where: DatabaseOrSession,
  target: SchemaTarget,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const settings = migrationSettings(target, options);
  const ref = target.versionTable;
  const filesRead = readFolder(target, options);
  return withSession(where, async (session) => {
    const [files, before] = await Promise.all([filesRead, readVersionTable(session, ref)]);
    const first = planMigrate(analyseFolder(files, before ?? []), target.schema, options);
    const nothing: MigrateResult = {
      schema: target.schema,
      versionTable: ref,
      applied: [],
      acceptedChecksums: [],
      createdVersionTable: false,
    };
    if (before !== null && first.run.length === 0 && first.accept.length === 0) return nothing;

    if (first.run.length > 0) await options.beforeRun?.(first.run, session, target);
    // Refuse a broken file before taking the lock or changing anything.
    const loader = loaderOf(options);
    requireUpStatements(target.schema, await loader.load(first.run));

    return withMigrationLock(session, target, options, async () => {
      const state = await readVersionState(session, ref);
      const applied = state?.applied ?? null;
      const retrying = await settleInterrupted(session, target, state?.interrupted ?? [], fileLoader(files, loader), options);
      const plan = planMigrate(analyseFolder(files, applied ?? []), target.schema, options);
      if (plan.accept.length > 0) {
        const updates = plan.accept.map((file) => updateChecksumSql(ref, file.name, file.checksum));
        await execBookkeeping(session, target, settings, updates, 'storing the accepted checksums');
        for (const file of plan.accept) options.onEvent?.({ kind: 'checksum-accepted', schema: target.schema, name: file.name });
      }
      const migrations = await loader.load(plan.run);
      requireUpStatements(target.schema, migrations);
      // First use: the version table (and the schema) are created in the first migration's
      // transaction when it has one, so that a failing first migration leaves nothing behind.
      let setupSql: string | undefined;
      if (applied === null) {
        const setup = await prepareVersionTable(session, target, settings, options.createSchema ?? true);
        if (migrations[0]?.transactional === true) setupSql = setup;
        else await createVersionTable(session, target, settings, setup);
      }
      if (applied !== null && migrations.some((migration) => !migration.transactional)) await ensureFinishedColumn(session, ref);
      const runs = await executeMigrations(
        {
          session,
          target,
          settings,
          retrying,
          appliedNames: (applied ?? []).map((row) => row.name),
          ...(setupSql === undefined ? {} : { setupSql }),
          ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
        },
        'up',
        migrations,
      );
      const createdVersionTable = applied === null;
      if (createdVersionTable) options.onEvent?.({ kind: 'version-table-created', schema: target.schema, versionTable: ref });
      return {
        ...nothing,
        applied: runs,
        acceptedChecksums: plan.accept.map((file) => file.name),
        createdVersionTable,
      };
    });
  });
}
