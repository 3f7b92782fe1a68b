/**
 * A migration waiting for a lock must not block the application behind it: Postgres queues every
 * later request for the table behind a waiting `ACCESS EXCLUSIVE` request. So migrations run with
 * a short `lock_timeout`, and a transactional migration that times out waiting for a lock is
 * retried a few times with a growing pause, the strong_migrations practice (its rollback made the
 * retry safe). A no-transaction migration is never retried: what it did before failing stays.
 */
import type { Queryable } from '../connection/types.js';
import { MigrationError } from '../errors.js';
import { qualify } from '../sql/quote.js';

/**
 * Postgres `lock_timeout` of migrations when neither the config (`pgLockTimeout`) nor the command
 * line (`--pg-lock-timeout`) says otherwise. `0` there turns worlddb's lock_timeout and its
 * retries off (the server's own setting applies).
 */
export const DEFAULT_PG_LOCK_TIMEOUT_MS = 5_000;

/** Pauses before the retries of a migration that timed out waiting for a lock: 3 retries. */
export const LOCK_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000];

/** SQLSTATE `lock_not_available`: `lock_timeout` expired (or `NOWAIT` found the lock taken). */
const LOCK_NOT_AVAILABLE = '55P03';

/** Whether `error` (or its cause) is Postgres' lock timeout. */
export function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth += 1) {
    if ((e as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface LockRetryProps {
  /** The `lock_timeout` each attempt ran with, for the message. */
  readonly lockTimeoutMs: number;
  /** Pauses between attempts (default {@link LOCK_RETRY_DELAYS_MS}); their count is the number of retries. */
  readonly delaysMs?: readonly number[];
  /** Told before each retry. */
  readonly onRetry?: (retry: number, delayMs: number) => void;
  /** Who holds locks the migration may have waited for, asked after the last attempt failed. */
  readonly describeHolders?: () => Promise<string | null>;
}

/**
 * Runs `attempt` (one transactional migration, rolled back when it fails) and runs it again after a
 * pause when it failed on a lock timeout, up to the number of delays. The last lock timeout is
 * rethrown as a {@link MigrationError} that says how many attempts were made and, when known, who
 * holds the locks.
 */
export async function withLockRetries<T>(props: LockRetryProps, attempt: () => Promise<T>): Promise<T> {
  const delays = props.delaysMs ?? LOCK_RETRY_DELAYS_MS;
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      const delay = delays[retry];
      if (delay === undefined) throw await gaveUp(error, retry + 1, props);
      props.onRetry?.(retry + 1, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function gaveUp(error: unknown, attempts: number, props: LockRetryProps): Promise<unknown> {
  if (!(error instanceof MigrationError)) return error;
  const holders = await props.describeHolders?.().catch(() => null);
  const message = `${error.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}, each waiting at most ${props.lockTimeoutMs} ms for a lock)`;
  const hint = [
    holders === null || holders === undefined ? 'another session holds a lock the migration needs' : `locks held by other sessions: ${holders}`,
    'the migration was rolled back each time; run it again when the application is quieter, or raise --pg-lock-timeout (pgLockTimeout; 0 turns it off)',
  ].join('; ');
  return new MigrationError(error.schema, error.migration, error.direction, message, { hint, cause: error.cause ?? error });
}

interface RawLockHolder {
  readonly nspname: string;
  readonly relname: string;
  readonly mode: string;
  readonly pid: number;
  readonly application_name: string | null;
  readonly state: string | null;
}

/**
 * Locks that other sessions hold on relations of `schemas` right now, described in one line
 * (`"asia"."countries" AccessShareLock by pid 123 (psql, idle in transaction)`), or null when there
 * are none. What the migration waited for is gone once it failed; this names the likely culprits.
 */
export async function describeLockHolders(session: Queryable, schemas: readonly string[]): Promise<string | null> {
  const { rows } = await session.query<RawLockHolder>(
    `SELECT n.nspname, c.relname, l.mode, l.pid, a.application_name, a.state
       FROM pg_catalog.pg_locks l
       JOIN pg_catalog.pg_class c ON c.oid = l.relation
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
      WHERE l.granted AND l.locktype = 'relation' AND l.pid <> pg_backend_pid() AND n.nspname = ANY($1::text[])
      ORDER BY n.nspname, c.relname, l.pid
      LIMIT 5`,
    [schemas],
  );
  if (rows.length === 0) return null;
  return rows
    .map((row) => {
      const who = [row.application_name === null || row.application_name === '' ? null : row.application_name, row.state].filter((x) => x !== null);
      return `${qualify(row.nspname, row.relname)} ${row.mode} by pid ${row.pid}${who.length === 0 ? '' : ` (${who.join(', ')})`}`;
    })
    .join(', ');
}
