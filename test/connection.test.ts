import { describe, expect, it } from 'vitest';
import { withAdvisoryLock } from '../src/connection/advisory-lock.js';
import { maskUrl } from '../src/connection/mask-url.js';
import { createPgDatabase } from '../src/connection/pg-database.js';
import { ConnectionError, LockTimeoutError } from '../src/errors.js';
import { describeEachDatabase } from './support/databases.js';

describe('maskUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskUrl('postgres://app:s3cret@db.example:5432/world')).toBe('postgres://app:***@db.example:5432/world');
    expect(maskUrl('postgres://app@db/world')).toBe('postgres://app@db/world');
    expect(maskUrl('postgres://db/world?password=s3cret&sslmode=require')).toBe('postgres://db/world?password=***&sslmode=require');
  });
});

describe('unreachable server', () => {
  it('fails with one line naming the masked URL and the reason', async () => {
    const db = createPgDatabase({ url: 'postgres://me:hunter2@127.0.0.1:1/nowhere', connectTimeoutMs: 2000 });
    const error = await db.connect().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const message = (error as ConnectionError).message;
    expect(message).toContain('postgres://me:***@127.0.0.1:1/nowhere');
    expect(message).toContain('connection refused');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });
});

describeEachDatabase('connection', (target) => {
  it('sends values as parameters and reads them back', async () => {
    const session = await target().db.connect();
    try {
      const { rows } = await session.query<{ v: string; n: string }>("SELECT $1::text AS v, '9007199254740993'::int8 AS n", [
        "it's; DROP TABLE x",
      ]);
      expect(rows).toEqual([{ v: "it's; DROP TABLE x", n: '9007199254740993' }]);
    } finally {
      await session.release();
    }
  });

  it('rolls a failed transaction back', async () => {
    const session = await target().db.connect();
    try {
      await session.exec('CREATE TEMP TABLE t (x int)');
      await expect(
        session.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1)', [1]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const { rows } = await session.query<{ c: number }>('SELECT count(*)::int AS c FROM t');
      expect(rows[0]?.c).toBe(0);
    } finally {
      await session.release();
    }
  });

  it('gives up on an advisory lock held by another session after the timeout', async () => {
    const { db, kind } = target();
    if (kind === 'pglite') {
      // One backend: PGlite sessions take turns (a second one waits for the first to be released).
      const first = await db.connect();
      let secondConnected = false;
      const second = db.connect().then((s) => {
        secondConnected = true;
        return s;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(secondConnected).toBe(false);
      await first.release();
      await (await second).release();
      expect(secondConnected).toBe(true);
      return;
    }
    const holder = await db.connect();
    const waiter = await db.connect();
    try {
      let ran = false;
      await withAdvisoryLock(holder, { name: 'lock-test', timeoutMs: 5000, label: 'schema x' }, async () => {
        const error = await withAdvisoryLock(waiter, { name: 'lock-test', timeoutMs: 300, label: 'schema x' }, async () => {
          ran = true;
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LockTimeoutError);
        expect((error as Error).message).toContain('schema x');
      });
      expect(ran).toBe(false);
      // Released: the waiter gets it now.
      await withAdvisoryLock(waiter, { name: 'lock-test', timeoutMs: 300, label: 'schema x' }, async () => {
        ran = true;
      });
      expect(ran).toBe(true);
    } finally {
      await holder.release();
      await waiter.release();
    }
  });
});
