import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import type { Session } from '../connection/types.js';
import { postgresFields, TransactionAbortedError } from './database-errors.js';
import type { SessionPool } from '../connection/session-pool.js';

/**
 * A Kysely connection on one worlddb {@link Session}. It remembers a failed statement inside a
 * transaction: Postgres has then aborted the transaction, and COMMIT would quietly roll it back.
 */
class SessionConnection implements DatabaseConnection {
  readonly session: Session;
  inTransaction = false;
  /** The first error of the current transaction, if a statement failed. */
  failure: unknown = undefined;
  /** True when the connection itself failed (not a Postgres error): the session is not reused. */
  broken = false;

  constructor(session: Session) {
    this.session = session;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.session.query<R & object>(compiledQuery.sql, compiledQuery.parameters);
      const changes = compiledQuery.query.kind !== 'SelectQueryNode' && compiledQuery.query.kind !== 'RawNode';
      return changes ? { rows: result.rows, numAffectedRows: BigInt(result.rowCount) } : { rows: result.rows };
    } catch (error) {
      if (postgresFields(error) === null) this.broken = true;
      if (this.inTransaction && this.failure === undefined) this.failure = error;
      throw error;
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the worlddb driver');
  }
}

/**
 * A Kysely {@link Driver} that runs on worlddb's own connection interface, so the same queries run
 * on a Postgres server (pg) and on the embedded PGlite. Sessions come from a {@link SessionPool}.
 *
 * @example
 * const driver = new SessionDriver(new SessionPool({ database }));
 */
export class SessionDriver implements Driver {
  readonly #pool: SessionPool;

  constructor(pool: SessionPool) {
    this.#pool = pool;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SessionConnection(await this.#pool.acquire());
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = 'begin';
    if (settings.isolationLevel !== undefined || settings.accessMode !== undefined) {
      statement = 'start transaction';
      if (settings.isolationLevel !== undefined) statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode !== undefined) statement += ` ${settings.accessMode}`;
    }
    await connection.executeQuery(CompiledQuery.raw(statement));
    const conn = connection as SessionConnection;
    conn.inTransaction = true;
    conn.failure = undefined;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const conn = connection as SessionConnection;
    const failure = conn.failure;
    conn.inTransaction = false;
    conn.failure = undefined;
    if (failure !== undefined) {
      // COMMIT of an aborted transaction succeeds as a ROLLBACK: say so instead.
      await this.rollbackTransaction(connection);
      throw new TransactionAbortedError(failure);
    }
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const conn = connection as SessionConnection;
    conn.inTransaction = false;
    conn.failure = undefined;
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      conn.broken = true;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const conn = connection as SessionConnection;
    await this.#pool.release(conn.session, conn.broken);
  }

  async destroy(): Promise<void> {
    await this.#pool.close();
  }
}
