/**
 * Runs the same tests against the embedded PGlite and the real Postgres server.
 *
 * Each test file gets its own database per target (a copy of a prepared PGlite folder; a new
 * database on the server), and each test makes its own schemas with {@link freshName}, so files
 * run in parallel and tests never see each other's objects.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createPgDatabase } from '../../src/connection/pg-database.js';
import { openPgliteDatabase } from '../../src/connection/pglite-database.js';
import type { Database, DatabaseKind } from '../../src/connection/types.js';
import { ADMIN_URL, PGLITE_TEMPLATE_DIR } from './env.js';

export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly db: Database;
  /** The server URL of this file's database, or null for PGlite. */
  readonly url: string | null;
  /** The PGlite data folder of this file, or null for the server. */
  readonly dataDir: string | null;
}

/** A name no other test uses, safe as a schema name (`prefix_` + random hex). */
export function freshName(prefix = 's'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Makes a fresh PGlite folder (copied from the prepared template) and returns its path. */
export async function copyPgliteTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'worlddb-test-'));
  const dataDir = join(dir, 'pglite');
  await cp(PGLITE_TEMPLATE_DIR, dataDir, { recursive: true });
  return dataDir;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a new database on the real server and returns its URL. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = freshName('worlddb_test');
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * `describe` once per database target. Inside, call the getter in a test (not at collection time).
 *
 * @example
 * describeEachDatabase('runner', (target) => {
 *   it('migrates', async () => { const { db } = target(); ... });
 * });
 */
export function describeEachDatabase(title: string, body: (target: () => TestDatabase) => void): void {
  const serverProblem = inject('serverProblem');
  for (const kind of ['pglite', 'postgres'] as const) {
    // Skipped only outside CI, and global-setup prints that the real-server tests did not run.
    const skip = kind === 'postgres' && serverProblem !== null;
    describe.skipIf(skip)(`${title} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (kind === 'pglite') {
          const dataDir = await copyPgliteTemplate();
          const db = await openPgliteDatabase({ dataDir, lockTimeoutMs: 5_000 });
          current = { kind, db, url: null, dataDir };
          cleanup = async () => {
            await db.close();
            await rm(join(dataDir, '..'), { recursive: true, force: true });
          };
        } else {
          const created = await createServerDatabase();
          const db = createPgDatabase({ url: created.url });
          current = { kind, db, url: created.url, dataDir: null };
          cleanup = async () => {
            await db.close();
            await created.drop();
          };
        }
      });
      afterAll(async () => {
        await cleanup?.();
      });
      body(() => {
        if (current === undefined) throw new Error('test database not ready: use the getter inside a test');
        return current;
      });
    });
  }
}

/**
 * The database kinds to run a CLI-level suite on: `describe.skipIf(skip)` for each. The real server
 * is skipped only outside CI (global-setup fails the run in CI and says so otherwise).
 */
export function databaseKinds(): { kind: DatabaseKind; skip: boolean }[] {
  const serverProblem = inject('serverProblem');
  return [
    { kind: 'pglite', skip: false },
    { kind: 'postgres', skip: serverProblem !== null },
  ];
}
