import { createHash } from 'node:crypto';
import { LockTimeoutError } from '../errors.js';
import type { Queryable } from './types.js';

/**
 * The advisory lock key of a name: the first 8 bytes of its sha256, as a signed bigint in decimal
 * (sent as a parameter and cast to `bigint`). Stable across processes and versions.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

export interface AdvisoryLockProps {
  /** What is being locked, hashed into the key (e.g. the qualified version table name). */
  readonly name: string;
  /** Give up after this many ms. */
  readonly timeoutMs: number;
  /** For the message when the wait times out (e.g. `schema asia`). */
  readonly label: string;
}

/**
 * Runs `fn` while holding a session-level advisory lock on `session`. Polls with
 * `pg_try_advisory_lock` so that the wait is bounded and works the same on PGlite and on a server.
 */
export async function withAdvisoryLock<T>(session: Queryable, props: AdvisoryLockProps, fn: () => Promise<T>): Promise<T> {
  const key = advisoryLockKey(props.name);
  const deadline = Date.now() + props.timeoutMs;
  let delay = 20;
  for (;;) {
    const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
    if (rows[0]?.locked === true) break;
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(
        `${props.label} is being migrated by another process (waited ${(props.timeoutMs / 1000).toFixed(1)} s for its lock)`,
        { hint: 'try again when it is done, or wait longer with --lock-timeout' },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 250);
  }
  try {
    return await fn();
  } finally {
    await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
  }
}
