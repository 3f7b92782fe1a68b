/**
 * One small connection interface over `pg` and PGlite.
 *
 * A {@link Database} is where the data lives (a server URL or a PGlite folder); a {@link Session}
 * is one database session taken from it, with its own transaction state and session settings.
 * Work that issues BEGIN/COMMIT itself (the runner) holds one session for its whole run.
 */

export interface QueryResult<R> {
  readonly rows: R[];
  /** Rows affected by INSERT/UPDATE/DELETE, or rows returned by SELECT. */
  readonly rowCount: number;
}

/** Anything that runs SQL: a session, or a transaction inside one. */
export interface Queryable {
  /** One statement, with values as parameters (`$1`, `$2`, ...). */
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** Several statements separated by semicolons, no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
}

export interface Session extends Queryable {
  /**
   * Runs `fn` inside BEGIN ... COMMIT; rolls back and rethrows if it throws.
   * @example
   * await session.transaction(async (tx) => { await tx.query('insert ...', [1]); });
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Gives the session back (closes the pg client; frees the PGlite instance for the next session). */
  release(): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly kind: DatabaseKind;
  /** Where the data is, for messages: a URL with its password masked, or `pglite:<folder>`. */
  readonly description: string;
  /** A new session. On PGlite, sessions take turns: the next one waits until the previous is released. */
  connect(): Promise<Session>;
  /** Closes everything; releases the PGlite folder lock. */
  close(): Promise<void>;
}
