/**
 * Helpers of the data-access tests: migrate the world example into a test database, count the
 * statements a world sends, and run the example script as a real process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaTarget } from '../../src/config/types.js';
import type { Database, QueryResult, Queryable, Session } from '../../src/connection/types.js';
import { migrate } from '../../src/runner/migrate.js';
import { REPO_ROOT } from '../support/cli-project.js';

/** The runner's target for a schema of the world example, with the repository's migration folder. */
export function worldTarget(schema: 'asia' | 'europe'): SchemaTarget {
  return {
    schema,
    source: { model: join(REPO_ROOT, 'src', 'db', `${schema}.ts`), migrationsDir: join(REPO_ROOT, 'migrations', schema) },
    versionTable: { schema, table: `${schema}_migration_version` },
  };
}

/** Creates the world tables (asia and europe, through their migrations) in `db`. */
export async function migrateWorld(db: Database): Promise<void> {
  await migrate(db, worldTarget('asia'));
  await migrate(db, worldTarget('europe'));
}

export interface CountingDatabase extends Database {
  /** Statements sent so far, through any session. */
  readonly statements: () => number;
  /** Their SQL text, in order. */
  readonly sent: readonly string[];
}

/**
 * Wraps `db` so that every statement sent through any of its sessions is counted; `close` leaves
 * `db` open (the test harness owns it).
 *
 * @example
 * const counted = countingDatabase(db);
 * const world = await openWorld({ schemas, database: counted });
 * counted.statements(); // => 0
 */
export function countingDatabase(db: Database): CountingDatabase {
  const sent: string[] = [];
  const count = (q: Queryable): Queryable => ({
    query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      sent.push(sql);
      return q.query<R>(sql, params);
    },
    exec(sql: string): Promise<void> {
      sent.push(sql);
      return q.exec(sql);
    },
  });
  return {
    kind: db.kind,
    description: db.description,
    async connect(): Promise<Session> {
      const session = await db.connect();
      return {
        ...count(session),
        transaction: (fn) => session.transaction((tx) => fn(count(tx))),
        release: () => session.release(),
      };
    },
    close: async () => undefined,
    statements: () => sent.length,
    sent,
  };
}

export const EXAMPLE = fileURLToPath(new URL('../../examples/add-country.ts', import.meta.url));
const TSX_LOADER = import.meta.resolve('tsx');

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node --import tsx examples/add-country.ts` in `cwd`, as `npm run example` does, with
 * DATABASE_URL set to `url` (or removed for the embedded database).
 */
export function runExample(cwd: string, url: string | null): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (url === null) delete env['DATABASE_URL'];
  else env['DATABASE_URL'] = url;
  delete env['WORLDDB_EXAMPLE_SCHEMA'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, EXAMPLE], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
