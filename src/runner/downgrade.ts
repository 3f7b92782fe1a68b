/**
 * `worlddb downgrade`: reverts applied migrations of one schema.
 */
import type { SchemaTarget } from '../config/types.js';
import { executeMigrations } from './execute-migrations.js';
import { analyseFolder, planDowngrade } from './plan.js';
import { requireDownParts } from './require-parts.js';
import { execBookkeeping, loaderOf, migrationSettings, readFolder, withMigrationLock, withSession } from './run-context.js';
import type { DatabaseOrSession, DowngradeOptions, DowngradeResult } from './types.js';
import { readVersionTable, updateChecksumSql } from './version-table.js';

/**
 * Reverts the last applied migration of `target`, or the last `steps`, or all those applied after
 * `to` (`'base'`: all), newest first, each in its own transaction together with the removal of its
 * version-table row. Nothing to revert (no version table, nothing applied) is not an error.
 *
 * @throws RefusedError when a migration to revert has no down part (checked for all of them before
 *   anything runs) or its file is missing or changed; MigrationError when a down part fails.
 * @example
 * const result = await downgrade(db, target, { steps: 2 });
 * result.reverted.map((run) => run.name) // => ['20261127090000_add_languages', '20261126154200_create_countries']
 */
export async function downgrade(
  where: DatabaseOrSession,
  target: SchemaTarget,
  options: DowngradeOptions = {},
): Promise<DowngradeResult> {
  const settings = migrationSettings(target, options);
  const ref = target.versionTable;
  const filesRead = readFolder(target, options);
  return withSession(where, async (session) => {
    const [files, before] = await Promise.all([filesRead, readVersionTable(session, ref)]);
    const nothing: DowngradeResult = { schema: target.schema, versionTable: ref, reverted: [], acceptedChecksums: [] };
    if (before === null || before.length === 0) return nothing;
    const loader = loaderOf(options);
    const first = planDowngrade(analyseFolder(files, before), target.schema, options);
    requireDownParts(target.schema, await loader.load(first.revert.map((step) => step.file)));

    return withMigrationLock(session, target, options, async () => {
      const applied = (await readVersionTable(session, ref)) ?? [];
      const plan = planDowngrade(analyseFolder(files, applied), target.schema, options);
      const migrations = await loader.load(plan.revert.map((step) => step.file));
      requireDownParts(target.schema, migrations);
      if (plan.accept.length > 0) {
        const updates = plan.accept.map((file) => updateChecksumSql(ref, file.name, file.checksum));
        await execBookkeeping(session, target, settings, updates, 'storing the accepted checksums');
        for (const file of plan.accept) options.onEvent?.({ kind: 'checksum-accepted', schema: target.schema, name: file.name });
      }
      const runs = await executeMigrations(
        {
          session,
          target,
          settings,
          appliedNames: applied.map((row) => row.name),
          ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
        },
        'down',
        migrations,
      );
      return { ...nothing, reverted: runs, acceptedChecksums: plan.accept.map((file) => file.name) };
    });
  });
}
