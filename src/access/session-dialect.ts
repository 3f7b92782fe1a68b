import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  type QueryCompiler,
} from 'kysely';
import type { Database } from '../connection/types.js';
import { QuotingQueryCompiler } from './quoting-query-compiler.js';
import { SessionDriver } from './session-driver.js';
import { SessionPool } from '../connection/session-pool.js';

export interface SessionDialectProps {
  /** The database to run on: a Postgres server or the embedded PGlite. */
  readonly database: Database;
  /** Most sessions open at once on a server (PGlite: always 1). Default 10. */
  readonly maxSessions?: number;
}

/**
 * A Kysely dialect over a worlddb {@link Database}: Kysely's Postgres compiler (identifiers
 * through `quoteIdent`), adapter and introspector, with a driver on worlddb's sessions. One
 * Kysely instance then works on pg and on PGlite alike.
 *
 * @example
 * const kysely = new Kysely<MyDatabase>({ dialect: new SessionDialect({ database }) });
 * await kysely.withSchema('asia').selectFrom('countries').selectAll().execute();
 */
export class SessionDialect implements Dialect {
  readonly #props: SessionDialectProps;

  constructor(props: SessionDialectProps) {
    this.#props = props;
  }

  createDriver(): Driver {
    const pool = new SessionPool({
      database: this.#props.database,
      ...(this.#props.maxSessions === undefined ? {} : { maxSessions: this.#props.maxSessions }),
    });
    return new SessionDriver(pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new QuotingQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  // Kysely's own signature takes a Kysely of any database.
  createIntrospector(db: Kysely<Record<string, never>>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
