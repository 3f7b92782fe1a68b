import pg from 'pg';
import { ConnectionError } from '../errors.js';
import { describeConnectFailure } from './connect-failure.js';
import { maskUrl } from './mask-url.js';
import type { Database, QueryResult, Queryable, Session } from './types.js';

export interface PgDatabaseProps {
  readonly url: string;
  /** How long to wait for a connection. Default 10 s. */
  readonly connectTimeoutMs?: number;
}

/**
 * A real Postgres server reached through `pg`. Every {@link Session} is its own connection, so
 * sessions run in parallel (e.g. two schemas migrating at once).
 */
export function createPgDatabase(props: PgDatabaseProps): Database {
  const description = maskUrl(props.url);
  const open = new Set<pg.Client>();
  return {
    kind: 'postgres',
    description,
    async connect(): Promise<Session> {
      const client = new pg.Client({
        connectionString: props.url,
        connectionTimeoutMillis: props.connectTimeoutMs ?? 10_000,
        application_name: 'worlddb',
      });
      // Without a listener, a server that goes away would crash the process with an unhandled 'error' event.
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (cause) {
        await client.end().catch(() => undefined);
        const failure = describeConnectFailure(cause, props.url);
        throw new ConnectionError(`cannot connect to ${description}: ${failure.reason}`, { hint: failure.hint, cause });
      }
      // A killed worlddb must not leave its session running: a statement waiting for a lock would
      // keep its locks (the migration's advisory lock, a queued ACCESS EXCLUSIVE request) and block
      // the application behind it. Postgres 14+ then checks the client every second while a
      // statement runs, and ends the session when it is gone. Older servers do not have it.
      await client.query(CLIENT_CHECK_SQL).catch(() => undefined);
      open.add(client);
      return pgSession(client, async () => {
        open.delete(client);
        await client.end();
      });
    },
    async close(): Promise<void> {
      await Promise.all([...open].map((client) => client.end().catch(() => undefined)));
      open.clear();
    },
  };
}

/** How often (ms) the server checks that worlddb is still connected while a statement runs. */
export const CLIENT_CONNECTION_CHECK_INTERVAL_MS = 1_000;

const CLIENT_CHECK_SQL = `SELECT pg_catalog.set_config('client_connection_check_interval', '${CLIENT_CONNECTION_CHECK_INTERVAL_MS}', false)
 WHERE pg_catalog.current_setting('server_version_num')::int >= 140000`;

function pgQueryable(client: pg.Client): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

function pgSession(client: pg.Client, release: () => Promise<void>): Session {
  const queryable = pgQueryable(client);
  return {
    ...queryable,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      await client.query('BEGIN');
      try {
        const result = await fn(queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    release,
  };
}
