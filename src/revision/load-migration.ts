/**
 * Turns a listed migration file into a runnable {@link MigrationFile}.
 */
import { loadCodeMigration } from './load-code-migration.js';
import { listMigrationFiles } from './list-migration-files.js';
import { parseSqlMigration } from './parse-sql-migration.js';
import type { MigrationFile, MigrationFileEntry } from './types.js';

/**
 * Parses a `.sql` file, or imports a `.ts`/`.js` module, into its up and down steps.
 *
 * @throws MigrationFileError naming the file when its markers or exports are wrong.
 * @example
 * const [entry] = await listMigrationFiles(dir);
 * const migration = await loadMigration(entry);
 * migration.down === null // => the file has no down part
 */
export async function loadMigration(entry: MigrationFileEntry): Promise<MigrationFile> {
  const parts =
    entry.extension === '.sql'
      ? parseSqlMigration(entry.path, entry.text)
      : await loadCodeMigration(entry.path, entry.checksum);
  return {
    name: entry.name,
    path: entry.path,
    checksum: entry.checksum,
    transactional: parts.transactional,
    up: parts.up,
    down: parts.down,
  };
}

/**
 * Lists and loads every migration of a folder, in order: a full check of the folder.
 * Commands that run migrations load only those they run; this is for tools that check them all.
 */
export async function loadMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await listMigrationFiles(dir);
  const loaded: MigrationFile[] = [];
  for (const entry of entries) loaded.push(await loadMigration(entry));
  return loaded;
}
