import { stat } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { ConnectionError, WorlddbError, describeCause } from '../errors.js';
import { lockFolder, type LockHolder } from './folder-lock.js';
import type { Database, QueryResult, Queryable, Session } from './types.js';

export interface PgliteDatabaseProps {
  /** Absolute data folder; created on first use. */
  readonly dataDir: string;
  /** Shown in messages instead of the absolute folder (e.g. a path relative to the project). */
  readonly label?: string;
  /** How long to wait when another process has the folder open. */
  readonly lockTimeoutMs: number;
  /** Called before a new data folder is created (it takes a few seconds). */
  readonly onCreate?: (dataDir: string) => void;
  /** Called once when another process holds the folder and this one starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
}

/** int8 and numeric come back as strings, as they do from `pg`, so both databases give the same values. */
const asText = (value: string): string => value;
const PARSERS = { 20: asText, 1700: asText };

/**
 * The embedded database: a PGlite data folder, opened by one process at a time (folder lock).
 * PGlite has a single backend, so sessions take turns: {@link Database.connect} waits until the
 * previous session is released, and each release resets session state (`DISCARD ALL`).
 */
export async function openPgliteDatabase(props: PgliteDatabaseProps): Promise<Database> {
  const label = props.label ?? props.dataDir;
  const releaseLock = await lockFolder({
    folder: props.dataDir,
    timeoutMs: props.lockTimeoutMs,
    label: `embedded database ${label}`,
    ...(props.onWait === undefined ? {} : { onWait: props.onWait }),
  });
  let db: PGlite;
  try {
    const found = await stat(props.dataDir).catch(() => null);
    if (found !== null && !found.isDirectory()) {
      throw new ConnectionError(`cannot open embedded database ${label}: it is not a folder`, {
        hint: 'set "database.dataDir" in the config to a folder (default .worlddb/pglite)',
      });
    }
    if (found === null) props.onCreate?.(props.dataDir);
    const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
    db = await PGliteClass.create(props.dataDir, { parsers: PARSERS });
  } catch (cause) {
    await releaseLock();
    if (cause instanceof WorlddbError) throw cause;
    throw new ConnectionError(`cannot open embedded database ${label}: ${describeCause(cause)}`, {
      hint: 'the folder may be damaged or from another PGlite version; move it away to start afresh',
      cause,
    });
  }

  let turn: Promise<void> = Promise.resolve();
  let closed = false;
  const queryable = pgliteQueryable(db);
  return {
    kind: 'pglite',
    description: `pglite:${label}`,
    async connect(): Promise<Session> {
      if (closed) throw new ConnectionError(`embedded database ${label} is closed`);
      let leave!: () => void;
      const previous = turn;
      turn = new Promise<void>((resolve) => (leave = resolve));
      await previous;
      let released = false;
      return {
        ...queryable,
        async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
          await db.exec('BEGIN');
          try {
            const result = await fn(queryable);
            await db.exec('COMMIT');
            return result;
          } catch (error) {
            await db.exec('ROLLBACK').catch(() => undefined);
            throw error;
          }
        },
        async release(): Promise<void> {
          if (released) return;
          released = true;
          await resetSession(db);
          leave();
        },
      };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await turn;
      try {
        await db.close();
      } finally {
        await releaseLock();
      }
    },
  };
}

function pgliteQueryable(db: PGlite): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await db.query<R>(sql, params as unknown[]);
      return {
        rows: result.rows,
        rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
      };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}

/** Leaves the single backend as a new session would find it: no open transaction, no settings, no advisory locks. */
async function resetSession(db: PGlite): Promise<void> {
  try {
    await db.exec('DISCARD ALL');
  } catch {
    await db.exec('ROLLBACK').catch(() => undefined);
    await db.exec('DISCARD ALL').catch(() => undefined);
  }
}
