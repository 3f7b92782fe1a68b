import type { Kysely } from 'kysely';
import type { SchemaModel, TableNameOf } from '../model/index.js';
import { TableAccess, type UntypedDatabase } from './table-access.js';
import type { SchemaInfo, WorldCatalog } from './world-catalog.js';

export interface SchemaAccessProps {
  readonly kysely: Kysely<UntypedDatabase>;
  readonly catalog: WorldCatalog;
  readonly schema: SchemaInfo;
  readonly beforeEach: () => void;
}

/**
 * One schema of a world, as `world.schema('asia')` gives it: its tables, typed from its model. For
 * a schema name known only at run time, `S` is the union of the world's models and only the
 * tables every schema has (`countries`, `capitals`) are offered.
 *
 * @example
 * const asia = world.schema('asia');
 * await asia.table('languages').insert({ country: 'Japan' });
 */
export class SchemaAccess<S extends SchemaModel> {
  readonly #props: SchemaAccessProps;

  /** @internal Use `world.schema(name)`. */
  constructor(props: SchemaAccessProps) {
    this.#props = props;
  }

  /** The schema's name in the world (`asia`). */
  get name(): string {
    return this.#props.schema.name;
  }

  /** The Postgres schema its tables live in: the model's name, unless bound to another one. */
  get databaseSchema(): string {
    return this.#props.schema.dbSchema;
  }

  /** The model's table names, in declaration order. */
  get tableNames(): readonly string[] {
    return [...this.#props.schema.tables.keys()];
  }

  /**
   * A table of the schema. A name the model does not have is a compile error when written
   * literally, and an {@link UnknownTableError} (naming `schema.table`) when known only at run time.
   *
   * @example
   * world.schema('asia').table('countries');   // TableAccess with signature_dish
   * world.schema('europe').table(tableName);   // checked at run time
   */
  table<T extends TableNameOf<S>>(name: T): TableAccess<S, T>;
  table<N extends string>(name: string extends N ? N : never): TableAccess<S, TableNameOf<S>>;
  table(name: string): TableAccess<S, TableNameOf<S>> {
    const table = this.#props.catalog.table(this.#props.schema.name, name);
    return new TableAccess<S, TableNameOf<S>>({ kysely: this.#props.kysely, table, beforeEach: this.#props.beforeEach });
  }
}
