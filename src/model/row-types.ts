/**
 * Row types derived from a model, for typed data access (`db.schema('asia').table('countries')`).
 *
 * - select row: every column; `T | null` unless NOT NULL, primary key or identity;
 * - insert row: NOT NULL columns without default are required; nullable, defaulted and
 *   `identity('by default')` columns are optional; `identity('always')` and generated columns are
 *   left out;
 * - update row: every column optional, `identity('always')` and generated columns left out.
 *
 * TypeScript types per SQL type are listed in `column-builders.ts` (`bigint` and `numeric` are
 * strings).
 */
import type { ColumnConfig } from './column.js';
import type { SchemaModel, TablesShape } from './schema.js';
import type { ColumnsShape, Table } from './table.js';

/** Flattens an intersection for readable hovers. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ConfigOf<C> = C extends { readonly '~config': infer X extends ColumnConfig } ? X : never;

type IsNotNull<X extends ColumnConfig, InPk extends boolean> = X['notNull'] extends true ? true : InPk;

type SelectValue<X extends ColumnConfig, InPk extends boolean> = IsNotNull<X, InPk> extends true ? X['type'] : X['type'] | null;

type InPk<K, Pk extends string> = [K] extends [Pk] ? true : false;

type Omitted<X extends ColumnConfig> = X['identity'] extends 'always' ? true : X['generated'] extends true ? true : false;

type OptionalOnInsert<X extends ColumnConfig, P extends boolean> = X['hasDefault'] extends true
  ? true
  : X['identity'] extends 'by default'
    ? true
    : IsNotNull<X, P> extends true
      ? false
      : true;

type RowOfColumns<Cols extends ColumnsShape, Pk extends string> = {
  -readonly [K in keyof Cols & string]: SelectValue<ConfigOf<Cols[K]>, InPk<K, Pk>>;
};

type InsertOfColumns<Cols extends ColumnsShape, Pk extends string> = {
  -readonly [K in keyof Cols & string as Omitted<ConfigOf<Cols[K]>> extends true
    ? never
    : OptionalOnInsert<ConfigOf<Cols[K]>, InPk<K, Pk>> extends true
      ? never
      : K]: SelectValue<ConfigOf<Cols[K]>, InPk<K, Pk>>;
} & {
  -readonly [K in keyof Cols & string as Omitted<ConfigOf<Cols[K]>> extends true
    ? never
    : OptionalOnInsert<ConfigOf<Cols[K]>, InPk<K, Pk>> extends true
      ? K
      : never]?: SelectValue<ConfigOf<Cols[K]>, InPk<K, Pk>>;
};

type UpdateOfColumns<Cols extends ColumnsShape, Pk extends string> = {
  -readonly [K in keyof Cols & string as Omitted<ConfigOf<Cols[K]>> extends true ? never : K]?: SelectValue<
    ConfigOf<Cols[K]>,
    InPk<K, Pk>
  >;
};

/**
 * The row read from a table.
 *
 * @example
 * type CountryRow = TableRow<typeof asia.tables.countries>;
 */
export type TableRow<T> = T extends Table<infer Cols, infer Pk> ? Simplify<RowOfColumns<Cols, Pk>> : never;

/**
 * The row given to an insert into a table.
 *
 * @example
 * type NewCountry = TableInsert<typeof asia.tables.countries>;
 */
export type TableInsert<T> = T extends Table<infer Cols, infer Pk> ? Simplify<InsertOfColumns<Cols, Pk>> : never;

/**
 * The changes given to an update of a table.
 *
 * @example
 * type CountryChanges = TableUpdate<typeof asia.tables.countries>;
 */
export type TableUpdate<T> = T extends Table<infer Cols, infer Pk> ? Simplify<UpdateOfColumns<Cols, Pk>> : never;

/** The tables of a schema model, by name. */
export type TablesOf<S extends SchemaModel> = S extends SchemaModel<string, infer T extends TablesShape> ? T : never;

/** The table names of a schema model, as a union of literals. */
export type TableNameOf<S extends SchemaModel> = keyof TablesOf<S> & string;

/** The schema name of a model, as a literal (`'asia'`). */
export type SchemaNameOf<S extends SchemaModel> = S['name'];

/** The column names of a table of a schema model. */
export type ColumnNameOf<S extends SchemaModel, T extends TableNameOf<S>> = keyof TablesOf<S>[T]['columns'] & string;

/**
 * The row read from table `T` of schema model `S`.
 *
 * @example
 * import asia from './db/asia.js';
 * type CountryRow = RowOf<typeof asia, 'countries'>;
 * // { country_id: number; name: string; population: number | null; signature_dish: string | null }
 */
export type RowOf<S extends SchemaModel, T extends TableNameOf<S>> = TableRow<TablesOf<S>[T]>;

/**
 * The row given to an insert into table `T` of schema model `S`.
 *
 * @example
 * type NewCountry = InsertOf<typeof asia, 'countries'>;
 * // { country_id: number; name: string; population?: number | null; signature_dish?: string | null }
 */
export type InsertOf<S extends SchemaModel, T extends TableNameOf<S>> = TableInsert<TablesOf<S>[T]>;

/**
 * The changes given to an update of table `T` of schema model `S`.
 *
 * @example
 * type CountryChanges = UpdateOf<typeof asia, 'countries'>;   // every column optional
 */
export type UpdateOf<S extends SchemaModel, T extends TableNameOf<S>> = TableUpdate<TablesOf<S>[T]>;
