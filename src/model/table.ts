/**
 * Tables and abstract base tables.
 *
 * A table has no name of its own: it gets the key it is given in `defineSchema(..., { tables })`,
 * so one abstract base (`countries`) becomes `asia.countries` and `europe.countries`, as the
 * seed's `__abstract__` SQLAlchemy classes do.
 */
import type { Column, ColumnConfig } from './column.js';
import type { IndexDefinition, PrimaryKeyConstraint, TableConstraint } from './constraints.js';
import type { PolicyDefinition } from './policy.js';

/** The columns of a table, by name, in declaration order. */
export type ColumnsShape = Readonly<Record<string, Column<ColumnConfig>>>;

export interface TableOptions<K extends string = string> {
  /** Table-level constraints: `primaryKey([...])`, `unique([...])`, `foreignKey(...)`, `check(...)`. */
  readonly constraints?: readonly TableConstraint<K>[];
  /** `index([...], { unique, using, where, name })`. */
  readonly indexes?: readonly IndexDefinition<K>[];
  /** `COMMENT ON TABLE`. */
  readonly comment?: string;
  /** `CREATE UNLOGGED TABLE`: not written to the WAL, emptied after a crash. Default false. */
  readonly unlogged?: boolean;
  /** Storage parameters: `WITH (fillfactor = 70, autovacuum_enabled = false)`. */
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  /** Row-level security: `true` enables it, `'force'` also applies it to the table's owner. */
  readonly rowSecurity?: boolean | 'force';
  /** Row-level security policies: `policy(name, { for, to, using, withCheck })`. */
  readonly policies?: readonly PolicyDefinition[];
}

/** A table's kind and settings, as its options give them. */
export interface TableSettings {
  readonly unlogged: boolean;
  readonly with: Readonly<Record<string, string | number | boolean>>;
  readonly rowSecurity: boolean | 'force';
  readonly policies: readonly PolicyDefinition[];
}

/** Columns of the table-level primary key in options `O` (type level). */
export type PrimaryKeyOf<O> = O extends { readonly constraints: readonly (infer X)[] }
  ? X extends PrimaryKeyConstraint<infer K>
    ? K
    : never
  : never;

/** `A` with the columns of `B` added, a column of `B` replacing the one of `A` with the same name. */
export type MergeColumns<A extends ColumnsShape, B extends ColumnsShape> = {
  readonly [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never;
};

interface TableParts<Cols extends ColumnsShape> {
  readonly columns: Cols;
  readonly constraints: readonly TableConstraint[];
  readonly indexes: readonly IndexDefinition[];
  readonly comment: string | null;
  readonly settings: TableSettings;
}

function settingsOf(options: TableOptions | undefined): Partial<TableSettings> {
  const settings: { -readonly [K in keyof TableSettings]?: TableSettings[K] } = {};
  if (options?.unlogged !== undefined) settings.unlogged = options.unlogged;
  if (options?.with !== undefined) settings.with = Object.freeze({ ...options.with });
  if (options?.rowSecurity !== undefined) settings.rowSecurity = options.rowSecurity;
  if (options?.policies !== undefined) settings.policies = Object.freeze([...options.policies]);
  return settings;
}

const DEFAULT_SETTINGS: TableSettings = Object.freeze({ unlogged: false, with: Object.freeze({}), rowSecurity: false, policies: Object.freeze([]) });

function parts<Cols extends ColumnsShape>(columns: Cols, options: TableOptions | undefined): TableParts<Cols> {
  return {
    columns: Object.freeze({ ...columns }),
    constraints: Object.freeze([...(options?.constraints ?? [])]),
    indexes: Object.freeze([...(options?.indexes ?? [])]),
    comment: options?.comment ?? null,
    settings: Object.freeze({ ...DEFAULT_SETTINGS, ...settingsOf(options) }),
  };
}

/**
 * A concrete table, ready to be placed in a schema. `Pk` holds the columns of its table-level
 * primary key, which the row types treat as NOT NULL.
 */
export class Table<Cols extends ColumnsShape = ColumnsShape, Pk extends string = string> {
  /** Type-level only. */
  declare readonly '~primaryKey': Pk;
  readonly kind = 'table' as const;
  readonly columns: Cols;
  readonly constraints: readonly TableConstraint[];
  readonly indexes: readonly IndexDefinition[];
  readonly comment: string | null;
  readonly settings: TableSettings;

  /** @internal Use {@link table} or {@link AbstractTable.extend}. */
  constructor(p: TableParts<Cols>) {
    this.columns = p.columns;
    this.constraints = p.constraints;
    this.indexes = p.indexes;
    this.comment = p.comment;
    this.settings = p.settings;
    Object.freeze(this);
  }
}

/**
 * A base table that concrete tables in several schemas extend. It cannot be placed in a schema
 * itself; `extend()` makes a concrete table of it.
 */
export class AbstractTable<Cols extends ColumnsShape = ColumnsShape, Pk extends string = string> {
  /** Type-level only. */
  declare readonly '~primaryKey': Pk;
  readonly kind = 'abstractTable' as const;
  readonly columns: Cols;
  readonly constraints: readonly TableConstraint[];
  readonly indexes: readonly IndexDefinition[];
  readonly comment: string | null;
  readonly settings: TableSettings;

  /** @internal Use {@link abstractTable}. */
  constructor(p: TableParts<Cols>) {
    this.columns = p.columns;
    this.constraints = p.constraints;
    this.indexes = p.indexes;
    this.comment = p.comment;
    this.settings = p.settings;
    Object.freeze(this);
  }

  /**
   * A concrete table: the base's columns in their order (a column given here with the same name
   * replaces the base's in place), then the new columns; the base's constraints and indexes plus
   * the ones given here. A comment given here replaces the base's.
   *
   * @example
   * countries: countries.extend({ signature_dish: varchar(100) }),
   * capitals: capitals.extend({}),
   * countries: countries.extend({ population: bigint() }),   // override
   */
  extend<Add extends ColumnsShape, const O extends TableOptions<(keyof Cols | keyof Add) & string> = {}>(
    columns: Add,
    options?: O,
  ): Table<MergeColumns<Cols, Add>, Pk | PrimaryKeyOf<O>> {
    const merged: Record<string, Column<ColumnConfig>> = {};
    for (const [name, column] of Object.entries(this.columns)) {
      merged[name] = Object.hasOwn(columns, name) ? (columns[name] as Column<ColumnConfig>) : column;
    }
    for (const [name, column] of Object.entries(columns)) {
      if (!Object.hasOwn(merged, name)) merged[name] = column;
    }
    const own = parts(columns, options);
    return new Table<MergeColumns<Cols, Add>, Pk | PrimaryKeyOf<O>>({
      columns: Object.freeze(merged) as MergeColumns<Cols, Add>,
      constraints: Object.freeze([...this.constraints, ...own.constraints]),
      indexes: Object.freeze([...this.indexes, ...own.indexes]),
      comment: own.comment ?? this.comment,
      // Settings given here replace the base's one by one; policies add to the base's.
      settings: Object.freeze({
        ...this.settings,
        ...settingsOf(options),
        policies: Object.freeze([...this.settings.policies, ...(options?.policies ?? [])]),
      }),
    });
  }
}

/**
 * A table of one schema.
 *
 * @example
 * languages: table({
 *   language_id: integer().primaryKey(),
 *   country: varchar(100).references('countries', 'name'),
 * }),
 *
 * table(
 *   { country: varchar(100), language: varchar(100), share: numeric(5, 2) },
 *   {
 *     constraints: [primaryKey(['country', 'language']), check(sql`share <= 100`)],
 *     indexes: [index(['language'])],
 *     comment: 'languages spoken per country',
 *   },
 * )
 */
export function table<Cols extends ColumnsShape, const O extends TableOptions<keyof Cols & string> = {}>(
  columns: Cols,
  options?: O,
): Table<Cols, PrimaryKeyOf<O>> {
  return new Table<Cols, PrimaryKeyOf<O>>(parts(columns, options));
}

/**
 * An abstract base table: columns, constraints and indexes shared by same-named tables of
 * several schemas. References written in it (`references('countries', 'name')`) resolve in each
 * schema that uses it.
 *
 * @example
 * export const capitals = abstractTable({
 *   capital_id: integer().primaryKey(),
 *   name: varchar(100).notNull(),
 *   country: varchar(100).notNull().references('countries', 'name'),
 * });
 */
export function abstractTable<Cols extends ColumnsShape, const O extends TableOptions<keyof Cols & string> = {}>(
  columns: Cols,
  options?: O,
): AbstractTable<Cols, PrimaryKeyOf<O>> {
  return new AbstractTable<Cols, PrimaryKeyOf<O>>(parts(columns, options));
}
