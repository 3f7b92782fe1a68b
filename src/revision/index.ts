/**
 * Migration files: naming, listing, parsing and creating them.
 */
export { createMigrationFile } from './create-migration-file.js';
export type { CreateMigrationFileProps } from './create-migration-file.js';
export { listMigrationFiles } from './list-migration-files.js';
export { loadMigration, loadMigrations } from './load-migration.js';
export { parseSqlMigration, SQL_MARKERS } from './parse-sql-migration.js';
export { compareMigrationNames, FILE_NAME_FORMAT, formatTimestamp, MIGRATION_EXTENSIONS } from './file-name.js';
export type * from './types.js';
