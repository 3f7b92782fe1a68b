import { basename, extname } from 'node:path';
import { managedVersionTables } from '../../config/managed-version-tables.js';
import type { ResolvedConfig, SchemaTarget } from '../../config/types.js';
import { RefusedError } from '../../errors.js';
import { createMigrationFile } from '../../revision/create-migration-file.js';
import { displayPath } from '../../revision/display-path.js';
import { listMigrationFiles } from '../../revision/list-migration-files.js';
import type { SchemaState } from '../../schema/types.js';
import { type CliEnv, withSession } from '../cli-env.js';
import { folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

/** The same schema with nothing in it: every list of objects empty, whatever kinds the state knows. */
function emptyState(live: SchemaState): SchemaState {
  return Object.fromEntries(Object.entries(live).map(([key, entry]) => [key, Array.isArray(entry) ? [] : entry])) as unknown as SchemaState;
}

/**
 * `revision --baseline`: for each schema, a first migration whose up part creates what the
 * schema holds now (the difference from an empty schema, in dependency order) and whose down
 * part drops it, recorded as applied (stamped) on the database it came from, which is not changed.
 *
 * @throws RefusedError when the schema's migration folder already has a migration.
 */
export async function baselineRevisions(
  env: CliEnv,
  config: ResolvedConfig,
  targets: readonly SchemaTarget[],
  flags: TimeoutFlags & { readonly message: string },
  now: () => Date,
): Promise<void> {
  for (const target of targets) {
    const existing = await listMigrationFiles(target.source.migrationsDir);
    if (existing.length > 0) {
      throw new RefusedError(`${target.schema}: ${displayPath(target.source.migrationsDir, env.cwd)} already has ${existing.length} migration${existing.length === 1 ? '' : 's'}; a baseline is the first one`, {
        hint: `use revision --autogenerate for a change, or move the folder's migrations away to start from a baseline`,
      });
    }
  }
  const { introspectSchema } = await import('../../introspect/introspect-schema.js');
  const { compareSchemas } = await import('../../diff/index.js');
  const { revisionScript } = await import('../../autogenerate/revision-script.js');
  const { stamp } = await import('../../runner/index.js');
  await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
    for (const target of targets) {
      const live = await introspectSchema(session, target.schema, { exclude: managedVersionTables(config) });
      const operations = compareSchemas(emptyState(live), live);
      const script = revisionScript(target.schema, operations);
      const header = `-- Baseline of schema ${target.schema} as it was on ${now().toISOString()}: recorded as applied there (stamped); run on a new database, it creates the schema's objects.\n`;
      const file = await createMigrationFile(target.source.migrationsDir, { message: flags.message, now: now(), up: `${header}${script.up}`, down: script.down });
      const name = basename(file, extname(file));
      await stamp(session, target, name, runOptionsFrom(flags, config));
      env.output.out(`${target.schema}: created ${displayPath(file, env.cwd)} (${operations.length} operation${operations.length === 1 ? '' : 's'}), stamped as applied`);
    }
  });
}
