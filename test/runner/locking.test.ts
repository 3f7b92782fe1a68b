import { expect, it } from 'vitest';
import { advisoryLockKey } from '../../src/connection/advisory-lock.js';
import { LockTimeoutError } from '../../src/errors.js';
import { migrate, status } from '../../src/runner/index.js';
import type { RunnerEvent } from '../../src/runner/index.js';
import { versionTableName } from '../../src/runner/version-table.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, sqlMigration, targetOf, versionRows } from './support.js';

describeEachDatabase('migration lock', (database) => {
  it('serialises two runs on the same schema: each migration is applied exactly once', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    const names: string[] = [];
    for (let i = 10; i < 30; i += 1) {
      const name = `202601010000${i}_t${i}`;
      names.push(name);
      await project.write(`${name}.sql`, sqlMigration(`CREATE TABLE t${i} (); SELECT pg_sleep(0.01);`));
    }
    const [a, b] = await Promise.all([migrate(db, target), migrate(db, target)]);
    const applied = [...(a?.applied ?? []), ...(b?.applied ?? [])].map((run) => run.name).sort();
    expect(applied).toEqual(names);
    expect(await versionRows(db, target)).toEqual(names);
  });

  it('gives up after the lock timeout, naming the schema; other schemas do not wait', async () => {
    const { db, kind } = database();
    if (kind === 'pglite') return; // one backend: sessions take turns, the folder lock guards processes
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    const other = targetOf(freshName('o'), project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    const holder = await db.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [advisoryLockKey(versionTableName(target.versionTable))]);
      const events: RunnerEvent[] = [];
      const started = Date.now();
      const error = await migrate(db, target, { migrationLockTimeoutMs: 300, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockTimeoutError);
      expect((error as LockTimeoutError).message).toContain(`schema "${schema}"`);
      expect((error as LockTimeoutError).hint).toContain('--lock-timeout');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(events).toEqual([{ kind: 'lock-wait', schema }]);
      expect(await versionRows(db, target)).toBeNull();

      // Another schema (another version table) is not held up.
      expect((await migrate(db, other, { migrationLockTimeoutMs: 300 })).applied).toHaveLength(1);
    } finally {
      await holder.release();
    }
    expect((await migrate(db, target)).applied).toHaveLength(1);
  });

  it('works on a session held by the caller and leaves it usable', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x int);'));
    const session = await db.connect();
    try {
      expect((await migrate(session, target)).applied).toHaveLength(1);
      expect((await status(session, target)).applied).toBe(1);
      const { rows } = await session.query<{ n: number; locks: number }>(
        "SELECT 1 AS n, (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks",
      );
      expect(rows[0]).toEqual({ n: 1, locks: 0 });
      await session.query(`INSERT INTO "${schema}".a VALUES (1)`); // not left inside a transaction
    } finally {
      await session.release();
    }
  });
});
