/**
 * A worlddb process killed while its migration waits for an application's lock must not leave its
 * server session behind, still queued for the table (blocking the application) and holding the
 * migration lock. Real server only: PGlite has no client connection.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const server = databaseKinds().find((k) => k.kind === 'postgres');

describe.skipIf(server?.skip !== false)('a killed worlddb process [postgres]', () => {
  let project: CliProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
  });

  it('its session ends with it: the application is not blocked and the migration lock is free', async () => {
    project = await createCliProject({
      kind: 'postgres',
      config: { schemas: { asia: {} } },
      files: {
        'migrations/asia/20260101000000_t.sql': '-- worlddb:up\nCREATE TABLE t (x int);\n',
      },
    });
    expect((await project.spawn(['migrate', '--schema', 'asia'])).code).toBe(0);
    await project.write('migrations/asia/20260102000000_alter.sql', '-- worlddb:up\nALTER TABLE t ADD COLUMN y int;\n');
    const url = project.env['DATABASE_URL'] ?? '';
    const app = new pg.Client({ connectionString: url });
    const reader = new pg.Client({ connectionString: url, statement_timeout: 10_000 });
    await app.connect();
    await reader.connect();
    const child = spawn(process.execPath, [BIN, 'migrate', '--schema', 'asia', '--pg-lock-timeout', '0'], {
      cwd: project.dir,
      env: { ...process.env, ...project.env },
      stdio: 'ignore',
    });
    try {
      await app.query('BEGIN');
      await app.query('SELECT * FROM asia.t');
      // Wait until worlddb's ALTER TABLE is queued behind the application's lock.
      const waiting = async (): Promise<number> => {
        const { rows } = await reader.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'worlddb' AND wait_event_type = 'Lock' AND datname = current_database()",
        );
        return rows[0]?.n ?? 0;
      };
      for (let i = 0; i < 100 && (await waiting()) === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await waiting()).toBe(1);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));

      // The session ends within the check interval (1 s), although the application still holds its lock.
      const started = Date.now();
      const left = async (): Promise<number> => {
        const { rows } = await reader.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'worlddb' AND datname = current_database()",
        );
        return rows[0]?.n ?? 0;
      };
      while ((await left()) > 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await left()).toBe(0);
      expect(Date.now() - started).toBeLessThan(3_000);
      // Another reader is not queued behind a dead session's lock request.
      await reader.query('SELECT count(*) FROM asia.t');
      await app.query('COMMIT');
      // The migration lock is free: the next run applies the migration at once.
      const next = await project.spawn(['migrate', '--schema', 'asia', '--lock-timeout', '1s']);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).toContain('applied  20260102000000_alter');
    } finally {
      child.kill('SIGKILL');
      await app.end().catch(() => undefined);
      await reader.end().catch(() => undefined);
    }
  });
});
