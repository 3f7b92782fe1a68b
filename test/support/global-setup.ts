import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ADMIN_URL, PGLITE_TEMPLATE_DIR, REQUIRE_SERVER } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when the real server answers; otherwise why not. */
    serverProblem: string | null;
  }
}

async function probeServer(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String((error as NodeJS.ErrnoException).code) : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function prepareTemplate(): Promise<void> {
  const marker = `${PGLITE_TEMPLATE_DIR}/PG_VERSION`;
  if (await access(marker).then(() => true, () => false)) return;
  await rm(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
  await mkdir(dirname(PGLITE_TEMPLATE_DIR), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(PGLITE_TEMPLATE_DIR);
  await db.close();
}

/**
 * Every temporary file and folder of this run (test projects, PGlite copies, the processes tests
 * start) goes under one folder of its own, removed when the run ends, even when a test fails
 * before its own clean-up. Workers and child processes inherit TMPDIR, which `os.tmpdir()` reads.
 */
async function runTempDir(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'worlddb-run-'));
  process.env['TMPDIR'] = dir;
  return () => rm(dir, { recursive: true, force: true });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const removeTemp = await runTempDir();
  await prepareTemplate();
  const problem = await probeServer();
  if (problem !== null) {
    if (REQUIRE_SERVER) {
      throw new Error(`the real Postgres server at ${ADMIN_URL} cannot be reached (${problem}); CI requires it`);
    }
    console.warn(
      `\n[worlddb] real-server tests did NOT run: ${ADMIN_URL} cannot be reached (${problem}). ` +
        'Only the embedded PGlite tests ran. Set WORLDDB_TEST_ADMIN_URL or start the server.\n',
    );
  }
  project.provide('serverProblem', problem);
  return removeTemp;
}
