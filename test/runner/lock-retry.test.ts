import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/errors.js';
import { migrate } from '../../src/runner/index.js';
import type { RunnerEvent } from '../../src/runner/index.js';
import { isLockTimeout, withLockRetries } from '../../src/runner/lock-retry.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, targetOf, versionRows } from './support.js';

const lockTimeout = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });

describe('withLockRetries', () => {
  it('runs again after each lock timeout, at most once per delay, and then says how many attempts it made', async () => {
    let attempts = 0;
    const retries: number[] = [];
    const error = await withLockRetries({ lockTimeoutMs: 100, delaysMs: [0, 0], onRetry: (n) => retries.push(n), describeHolders: async () => '"s"."t" AccessShareLock by pid 7' }, async () => {
      attempts += 1;
      throw new MigrationError('s', 'm', 'up', 'schema "s": migration failed (up) at m.sql: canceling statement due to lock timeout [55P03]', { cause: lockTimeout });
    }).catch((e: unknown) => e);
    expect(attempts).toBe(3);
    expect(retries).toEqual([1, 2]);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('(gave up after 3 attempts, each waiting at most 100 ms for a lock)');
    expect((error as MigrationError).hint).toContain('locks held by other sessions: "s"."t" AccessShareLock by pid 7');
    expect(isLockTimeout(error)).toBe(true);
  });

  it('does not retry other failures, and returns what a later attempt returns', async () => {
    let attempts = 0;
    await expect(withLockRetries({ lockTimeoutMs: 1, delaysMs: [0] }, async () => {
      attempts += 1;
      throw new Error('syntax error');
    })).rejects.toThrow('syntax error');
    expect(attempts).toBe(1);
    let n = 0;
    expect(await withLockRetries({ lockTimeoutMs: 1, delaysMs: [0] }, async () => {
      n += 1;
      if (n === 1) throw lockTimeout;
      return 'done';
    })).toBe('done');
  });
});

describeEachDatabase('lock_timeout while migrating', (database) => {
  it('defaults to 5 s, and 0 leaves the server default', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration("CREATE TABLE a AS SELECT current_setting('lock_timeout') AS lt;"));
    await project.write('20260102000000_b.sql', sqlMigration("CREATE TABLE b AS SELECT current_setting('lock_timeout') AS lt;"));
    await migrate(db, target, { to: '20260101000000_a' });
    await migrate(db, target, { lockTimeoutMs: 0 });
    expect(await query(db, `SELECT (SELECT lt FROM "${schema}".a) AS a, (SELECT lt FROM "${schema}".b) AS b`)).toEqual([{ a: '5s', b: '0' }]);
  });

  it("retries a migration that waits for an application's lock, never blocks the application longer than lock_timeout, then fails naming the lock", async () => {
    const { db, kind } = database();
    if (kind === 'pglite') return; // one backend: no other session can hold a lock
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x int); INSERT INTO t VALUES (1);'));
    await migrate(db, target);
    await project.write('20260102000000_alter.sql', sqlMigration('ALTER TABLE t ADD COLUMN y int;'));

    const holder = await db.connect(); // an application transaction reading t, left open
    const reader = await db.connect(); // the application, reading t all the time
    try {
      await holder.exec(`BEGIN; SELECT * FROM "${schema}".t;`);
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const events: RunnerEvent[] = [];
      let done = false;
      const longest = (async () => {
        let max = 0;
        while (!done) {
          const started = performance.now();
          await reader.query(`SELECT count(*) FROM "${schema}".t`);
          max = Math.max(max, performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return max;
      })();
      const started = performance.now();
      const error = await migrate(db, target, { lockTimeoutMs: 300, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
      const took = performance.now() - started;
      done = true;
      expect(await longest).toBeLessThan(300 + 400);
      expect(error).toBeInstanceOf(MigrationError);
      const failure = error as MigrationError;
      expect(failure.message).toContain('lock timeout');
      expect(failure.message).toContain('gave up after 4 attempts, each waiting at most 300 ms for a lock');
      expect(failure.hint).toContain(`locks held by other sessions: "${schema}"."t" AccessShareLock by pid ${holderPid} (worlddb, idle in transaction)`);
      expect(events.filter((e) => e.kind === 'lock-retry').map((e) => e.kind === 'lock-retry' && [e.retry, e.delayMs])).toEqual([
        [1, 500],
        [2, 1000],
        [3, 2000],
      ]);
      expect(took).toBeGreaterThan(4 * 300 + 3500 - 100);
      expect(await versionRows(db, target)).toEqual(['20260101000000_t']);

      // A no-transaction migration is never retried.
      await project.write('20260102000000_alter.sql', sqlMigration('ALTER TABLE t ADD COLUMN y int;', undefined, { noTransaction: true }));
      events.length = 0;
      const once = await migrate(db, target, { lockTimeoutMs: 200, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
      expect(String(once)).toContain('lock timeout');
      expect(String(once)).not.toContain('gave up');
      expect(events.filter((e) => e.kind === 'lock-retry')).toEqual([]);

      await holder.exec('COMMIT');
      expect((await migrate(db, target, { lockTimeoutMs: 300 })).applied.map((run) => run.name)).toEqual(['20260102000000_alter']);
    } finally {
      await holder.release();
      await reader.release();
    }
  });

  it('asks the server to end the session of a client that is gone (Postgres 14+)', async () => {
    const { db, kind } = database();
    if (kind === 'pglite') return; // no client connection
    const rows = await query<{ interval: string | null; version: number }>(
      db,
      "SELECT current_setting('client_connection_check_interval', true) AS interval, current_setting('server_version_num')::int AS version",
    );
    if ((rows[0]?.version ?? 0) < 140000) return;
    expect(rows[0]?.interval).toBe('1s');
  });
});
