/**
 * `worlddb show NAME`: one migration's up and down, as the runner would send them (transaction,
 * settings, the SQL, the version-table row), without touching the database.
 */
import type { SchemaTarget } from '../config/types.js';
import { UsageError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';
import { listMigrationFiles } from '../revision/list-migration-files.js';
import { loadMigration } from '../revision/load-migration.js';
import type { MigrationFileEntry } from '../revision/types.js';
import { renderPreview } from './preview.js';
import { migrationSettings } from './run-context.js';
import { resolveMigrationName, shortList } from './target.js';
import type { RunOptions } from './types.js';

/** A migration file found by name in one of the searched schemas. */
export interface FoundMigration {
  readonly target: SchemaTarget;
  readonly file: MigrationFileEntry;
}

/**
 * Finds the migration `query` (a name, file name or unique prefix) in the folders of `targets`.
 *
 * @throws UsageError when no schema has it (naming the candidates of a one-schema search), or more
 *   than one does.
 */
export async function findMigration(targets: readonly SchemaTarget[], query: string): Promise<FoundMigration> {
  const found: FoundMigration[] = [];
  const errors: unknown[] = [];
  for (const target of targets) {
    const files = await listMigrationFiles(target.source.migrationsDir);
    try {
      const name = resolveMigrationName(query, files.map((file) => file.name), `schema ${JSON.stringify(target.schema)}`, 'migration file');
      const file = files.find((entry) => entry.name === name);
      if (file !== undefined) found.push({ target, file });
    } catch (error) {
      errors.push(error);
    }
  }
  const [first, second] = found;
  if (first !== undefined && second === undefined) return first;
  if (first !== undefined) {
    throw new UsageError(`${JSON.stringify(query)} names a migration in ${found.length} schemas: ${shortList(found.map((f) => `${f.target.schema} (${f.file.name})`), 10)}`, {
      hint: `choose one with --schema ${first.target.schema}`,
    });
  }
  if (targets.length === 1 && errors[0] !== undefined) throw errors[0];
  throw new UsageError(`no migration named ${JSON.stringify(query)} in schemas ${targets.map((t) => t.schema).join(', ')}`, {
    hint: 'worlddb history lists the migrations of each schema',
  });
}

/**
 * The text `show` prints for one migration: for a `.sql` file, its up and its down as they would
 * run; for a code migration, that it is code and where it is (its code is not run to show it).
 *
 * @throws MigrationFileError when the `.sql` file's markers are wrong.
 * @example
 * await showMigration({ target, file }, { searchPath: [] })
 * // => '-- 20261126154200_create_countries (migrations/asia/20261126154200_create_countries.sql), schema "asia"\n\n-- up ...'
 */
export async function showMigration(found: FoundMigration, options: RunOptions = {}): Promise<string> {
  const { target, file } = found;
  const title = `-- ${file.name} (${displayPath(file.path)}), schema ${JSON.stringify(target.schema)}`;
  if (file.extension !== '.sql') {
    return `${title}\n-- a code migration (${file.extension}): its up and down are TypeScript/JavaScript functions, not SQL; read ${displayPath(file.path)}\n`;
  }
  const migration = await loadMigration(file);
  const settings = migrationSettings(target, options);
  const part = (direction: 'up' | 'down'): string =>
    renderPreview({ target, settings, direction, createVersionTable: false, accept: [], migrations: [migration] });
  return [title, '', '-- up', part('up'), '-- down', migration.down === null ? '-- no down part: downgrade refuses this migration\n' : part('down')].join('\n');
}
