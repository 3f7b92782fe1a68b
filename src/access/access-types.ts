/**
 * The types of typed data access, derived from the models: which schemas a world has, which
 * tables a schema has, and the filters and orders a table takes. Rows, inserts and updates are
 * the model's own `RowOf`, `InsertOf` and `UpdateOf`; for a union of schemas (a schema name known
 * only at run time) they are the union of each schema's types.
 */
import type { RowOf, SchemaModel, TableNameOf } from '../model/index.js';

/**
 * Where a schema of a world lives: its model alone (the Postgres schema is the model's name, the
 * one given to `defineSchema`), or the model and another Postgres schema, e.g. one model for many
 * tenant schemas. The key of the binding is only the schema's name in the world.
 *
 * @example
 * openWorld({ schemas: { asia, europe } });
 * openWorld({ schemas: { continent: asia } });   // world.schema('continent'), Postgres schema asia
 * openWorld({ schemas: { acme: { model: tenants, schema: 'tenant_acme' } } });
 */
export type SchemaBinding = SchemaModel | { readonly model: SchemaModel; readonly schema: string };

/** The schemas a world is opened with, by the name `world.schema(name)` takes. */
export type SchemaBindings = { readonly [name: string]: SchemaBinding };

/** The model of a binding. */
export type ModelOf<B> = B extends { readonly model: infer M extends SchemaModel } ? M : B extends SchemaModel ? B : never;

/** The models of a world's bindings, by schema name. */
export type ModelsOf<B extends SchemaBindings> = { readonly [K in keyof B & string]: ModelOf<B[K]> };

/** A world's models by schema name. */
export type WorldModels = { readonly [name: string]: SchemaModel };

/** The name of a column of table `T` (common to every schema of a union `S`). */
export type ColumnOf<S extends SchemaModel, T extends TableNameOf<S>> = keyof RowOf<S, T> & string;

/**
 * An equality filter: each given column must equal its value (`null` matches NULL).
 *
 * @example
 * const filter: Filter<typeof asia, 'countries'> = { name: 'Japan', signature_dish: null };
 */
export type Filter<S extends SchemaModel, T extends TableNameOf<S>> = Partial<RowOf<S, T>>;

/** One term of an order: a column (ascending), or a column and a direction. */
export type OrderTerm<C extends string> = C | { readonly column: C; readonly direction: 'asc' | 'desc' };

/**
 * Options of `select`.
 *
 * @example
 * await countries.select({ where: { eu_member: true }, orderBy: [{ column: 'population', direction: 'desc' }, 'name'], limit: 10 });
 */
export interface SelectOptions<S extends SchemaModel, T extends TableNameOf<S>> {
  /** Equality filter; every row when omitted. */
  readonly where?: Filter<S, T>;
  /** A column, or terms in order of precedence. */
  readonly orderBy?: OrderTerm<ColumnOf<S, T>> | readonly OrderTerm<ColumnOf<S, T>>[];
  /** At most this many rows. */
  readonly limit?: number;
  /** Skip this many rows first (use with `orderBy`). */
  readonly offset?: number;
}

/**
 * Options of `update` and `delete`.
 *
 * @example
 * await countries.delete({}, { allRows: true }); // every row, on purpose
 */
export interface ChangeOptions {
  /** Allow an empty filter, which changes every row of the table. Default false: refused. */
  readonly allRows?: boolean;
}

