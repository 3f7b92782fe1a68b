import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../connection/types.js';
import { RefusedQueryError } from './access-errors.js';
import type { WorldModels } from './access-types.js';
import { toDataError } from './database-errors.js';
import { SchemaAccess } from './schema-access.js';
import type { UntypedDatabase } from './table-access.js';
import type { WorldCatalog } from './world-catalog.js';

/** What a world and its transactions share. */
interface WorldCore {
  readonly catalog: WorldCatalog;
  readonly kysely: Kysely<UntypedDatabase>;
}

/**
 * The schemas of a world, typed from their models: what a {@link World} and a transaction's
 * `tx` both offer.
 */
export class WorldScope<M extends WorldModels> {
  readonly #core: WorldCore;
  readonly #kysely: Kysely<UntypedDatabase>;
  readonly #beforeEach: () => void;

  /** @internal */
  constructor(core: WorldCore, kysely: Kysely<UntypedDatabase>, beforeEach: () => void) {
    this.#core = core;
    this.#kysely = kysely;
    this.#beforeEach = beforeEach;
  }

  /** The schema names, in the order the world was opened with. */
  get schemaNames(): readonly (keyof M & string)[] {
    return this.#core.catalog.schemaNames;
  }

  /**
   * True when the world has a schema of that name; narrows a run-time name to the known ones.
   *
   * @example
   * if (world.hasSchema(arg)) await world.schema(arg).table('countries').count();
   */
  hasSchema(name: string): name is keyof M & string {
    return this.#core.catalog.has(name);
  }

  /**
   * A schema of the world. With a literal name, its tables and rows are typed from its model; a
   * literal name the world does not have is a compile error. With a name known only at run time
   * (`string`), the rows are the union of the schemas' rows, and every column is checked against
   * the chosen schema's model before any SQL is sent; an unknown name throws an
   * {@link UnknownSchemaError} listing the known ones.
   *
   * @example
   * world.schema('asia').table('countries');          // rows with signature_dish
   * world.schema(process.argv[2]).table('countries'); // checked at run time
   */
  schema<K extends keyof M & string>(name: K): SchemaAccess<M[K]>;
  schema<N extends string>(name: string extends N ? N : never): SchemaAccess<M[keyof M & string]>;
  schema(name: string): SchemaAccess<M[keyof M & string]> {
    return new SchemaAccess<M[keyof M & string]>({
      kysely: this.#kysely,
      catalog: this.#core.catalog,
      schema: this.#core.catalog.schema(name),
      beforeEach: this.#beforeEach,
    });
  }
}

/**
 * The handle a `world.transaction` callback gets: the same schemas and tables, in the transaction.
 *
 * @example
 * await world.transaction(async (tx) => {
 *   await tx.schema('europe').table('countries').insert({ name: 'Switzerland' });
 *   await tx.schema('europe').table('capitals').insert({ name: 'Bern', country: 'Switzerland' });
 * });
 */
export type WorldTransaction<M extends WorldModels> = WorldScope<M>;

export interface WorldProps {
  readonly catalog: WorldCatalog;
  readonly kysely: Kysely<UntypedDatabase>;
  readonly database: Database;
  /** Close the database with the world (false when the caller gave the database). */
  readonly ownsDatabase: boolean;
}

/**
 * A database opened for typed data access, made by {@link openWorld}: `schema(name)`,
 * `transaction(fn)` and `close()`.
 *
 * @example
 * const world = await openWorld({ schemas: { asia, europe } });
 * try {
 *   await world.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'Ramen' });
 * } finally {
 *   await world.close();
 * }
 */
export class World<M extends WorldModels> extends WorldScope<M> {
  readonly #props: WorldProps;
  /** Set while this world's transaction callbacks run, to refuse the world itself in them. */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  #closed = false;

  /** @internal Use {@link openWorld}. */
  constructor(props: WorldProps) {
    super(props, props.kysely, () => this.#check('world.schema(...)'));
    this.#props = props;
  }

  /** Where the data is, for messages: a URL with its password masked, or `pglite:<folder>`. */
  get description(): string {
    return this.#props.database.description;
  }

  /** `postgres` (a server) or `pglite` (the embedded database). */
  get kind(): Database['kind'] {
    return this.#props.database.kind;
  }

  /**
   * The underlying Kysely instance (tables unchecked and untyped), for queries the table
   * operations do not cover. Values still go as parameters; use `withSchema(name)`.
   *
   * @example
   * const rows = await world.kysely.withSchema('asia').selectFrom('countries').select('name').execute();
   */
  get kysely(): Kysely<UntypedDatabase> {
    return this.#props.kysely;
  }

  /**
   * Runs `fn` in one transaction: committed when it returns, rolled back when it throws (the
   * error is rethrown). Use `tx` inside, not the world: the world refuses to be used there, as on
   * the embedded database it would wait for the transaction to end.
   *
   * @throws TransactionAbortedError when a statement failed inside and `fn` caught the error.
   * @example
   * const capital = await world.transaction(async (tx) => {
   *   await tx.schema('asia').table('countries').insert({ name: 'Japan' });
   *   return tx.schema('asia').table('capitals').insert({ name: 'Tokyo', country: 'Japan' });
   * });
   */
  async transaction<R>(fn: (tx: WorldTransaction<M>) => Promise<R>): Promise<R> {
    this.#check('world.transaction(...)');
    try {
      return await this.#props.kysely.transaction().execute((trx) =>
        this.#inTransaction.run(true, () => fn(new WorldScope<M>(this.#props, trx, () => this.#checkOpen()))),
      );
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** Ends the world's sessions, and closes the database if the world opened it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#props.kysely.destroy();
    } finally {
      if (this.#props.ownsDatabase) await this.#props.database.close();
    }
  }

  #checkOpen(): void {
    if (this.#closed) {
      throw new RefusedQueryError(`the world on ${this.description} is closed`, { hint: 'open a new one with openWorld()' });
    }
  }

  #check(what: string): void {
    this.#checkOpen();
    if (this.#inTransaction.getStore() === true) {
      throw new RefusedQueryError(`${what} was used inside world.transaction(...)`, {
        hint: 'use the transaction\'s tx (tx.schema(...)) inside the callback',
      });
    }
  }
}
