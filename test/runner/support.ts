/**
 * Helpers for runner tests: a migration folder in a temporary project, and a target for it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SchemaTarget } from '../../src/config/types.js';
import type { Database } from '../../src/connection/types.js';
import { quoteIdent } from '../../src/sql/quote.js';

/** A temporary project (an ESM package) with a migration folder. */
export interface TestProject {
  readonly root: string;
  readonly migrationsDir: string;
  /** Writes (or overwrites) a file in the migration folder; returns its path. */
  write(name: string, text: string): Promise<string>;
  remove(name: string): Promise<void>;
}

export async function makeProject(): Promise<TestProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'worlddb-runner-'));
  await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
  const migrationsDir = path.join(root, 'migrations');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(migrationsDir);
  return {
    root,
    migrationsDir,
    async write(name, text) {
      const file = path.join(migrationsDir, name);
      await writeFile(file, text);
      return file;
    },
    async remove(name) {
      await rm(path.join(migrationsDir, name));
    },
  };
}

/** A target: schema `schema`, version table `<schema>_migration_version` in it (or in `versionTableSchema`). */
export function targetOf(schema: string, migrationsDir: string, versionTableSchema = schema, table = `${schema}_migration_version`): SchemaTarget {
  return {
    schema,
    source: { model: null, migrationsDir },
    versionTable: { schema: versionTableSchema, table },
  };
}

/** A `.sql` migration text. */
export function sqlMigration(up: string, down?: string, options: { noTransaction?: boolean } = {}): string {
  return [
    '-- test migration',
    ...(options.noTransaction === true ? ['-- worlddb:no-transaction'] : []),
    '-- worlddb:up',
    up,
    ...(down === undefined ? [] : ['-- worlddb:down', down]),
    '',
  ].join('\n');
}

/** One query on a new session. */
export async function query<R extends object = Record<string, unknown>>(db: Database, sql: string, params: unknown[] = []): Promise<R[]> {
  const session = await db.connect();
  try {
    return (await session.query<R>(sql, params)).rows;
  } finally {
    await session.release();
  }
}

/** Names of the tables of a schema, sorted. */
export async function tablesOf(db: Database, schema: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1",
    [schema],
  );
  return rows.map((row) => row.name).sort();
}

/** Names of the applied migrations in a version table, in applied order; null when it does not exist. */
export async function versionRows(db: Database, target: SchemaTarget): Promise<string[] | null> {
  const exists = await query<{ t: string | null }>(db, 'SELECT to_regclass($1)::text AS t', [
    `${quoteIdent(target.versionTable.schema)}.${quoteIdent(target.versionTable.table)}`,
  ]);
  if (exists[0]?.t === null || exists[0]?.t === undefined) return null;
  const rows = await query<{ name: string; finished?: boolean }>(
    db,
    `SELECT * FROM ${quoteIdent(target.versionTable.schema)}.${quoteIdent(target.versionTable.table)} ORDER BY applied_at, name`,
  );
  // A row whose `finished` is false records an interrupted start, not an applied migration.
  return rows.filter((row) => row.finished !== false).map((row) => row.name);
}
