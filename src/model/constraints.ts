/**
 * Table-level constraints and indexes, for what one column cannot say: composite keys, checks
 * over several columns, indexes. Column names are checked by the compiler against the table.
 */
import {
  deferrableSetting,
  type CheckOptions,
  type DeferrableOptions,
  type DeferrableSetting,
  type KeyOptions,
  type NameOption,
  type ReferenceOptions,
  type ReferentialActionName,
  type TableTarget,
} from './column.js';
import type { SqlExpression } from './sql-expression.js';

export interface PrimaryKeyConstraint<K extends string = string> {
  readonly kind: 'primaryKey';
  readonly columns: readonly K[];
  readonly name: string | null;
  readonly deferrable: DeferrableSetting;
}

export interface UniqueConstraint<K extends string = string> {
  readonly kind: 'unique';
  readonly columns: readonly K[];
  readonly name: string | null;
  readonly deferrable: DeferrableSetting;
}

export interface ForeignKeyConstraint<K extends string = string> {
  readonly kind: 'foreignKey';
  readonly columns: readonly K[];
  readonly target: TableTarget;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialActionName;
  readonly onUpdate: ReferentialActionName;
  readonly name: string | null;
  readonly match: 'simple' | 'full';
  readonly deferrable: DeferrableSetting;
  readonly notValid: boolean;
}

export interface CheckConstraint {
  readonly kind: 'check';
  readonly expression: SqlExpression;
  readonly name: string | null;
  readonly notValid: boolean;
}

export interface ExclusionOptions extends NameOption, DeferrableOptions {
  /** Access method of the index behind the constraint: `gist` (default), `btree`, `hash`, `spgist`. */
  readonly using?: string;
  /** Predicate: only rows matching it are constrained. */
  readonly where?: SqlExpression;
}

export interface ExclusionConstraint {
  readonly kind: 'exclude';
  /** Exclusion elements as `EXCLUDE` takes them: `during WITH &&`, `lower(name) WITH =`. */
  readonly elements: readonly SqlExpression[];
  readonly using: string;
  readonly where: SqlExpression | null;
  readonly name: string | null;
  readonly deferrable: DeferrableSetting;
}

export type TableConstraint<K extends string = string> =
  | PrimaryKeyConstraint<K>
  | UniqueConstraint<K>
  | ForeignKeyConstraint<K>
  | CheckConstraint
  | ExclusionConstraint;

export interface IndexOptions<K extends string = string> extends NameOption {
  /** `CREATE UNIQUE INDEX`. Default false. */
  readonly unique?: boolean;
  /** Access method: `btree` (default), `gin`, `gist`, `hash`, `brin`, ... */
  readonly using?: string;
  /** Predicate of a partial index. */
  readonly where?: SqlExpression;
  /** `INCLUDE (...)`: columns stored in the index but not part of its key. */
  readonly include?: readonly K[];
  /** `WITH (...)`: storage parameters of the index, e.g. `{ fillfactor: 70 }`. */
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  /** `NULLS NOT DISTINCT` (Postgres 15+): a unique index treats nulls as equal. Default false. */
  readonly nullsNotDistinct?: boolean;
}

export interface IndexDefinition<K extends string = string> {
  readonly kind: 'index';
  /**
   * Column names, or index elements written with `sql`: an expression (`lower(name)`), or a
   * column or expression with options (`name DESC`, `data jsonb_path_ops`, `name COLLATE "C"`).
   */
  readonly keys: readonly (K | SqlExpression)[];
  readonly unique: boolean;
  readonly using: string;
  readonly where: SqlExpression | null;
  readonly name: string | null;
  readonly include: readonly K[];
  readonly with: Readonly<Record<string, string | number | boolean>>;
  readonly nullsNotDistinct: boolean;
}

/**
 * A primary key over one or more columns (`<table>_pkey`); its columns become NOT NULL.
 *
 * @example
 * table({ country: varchar(100), language: varchar(100) }, {
 *   constraints: [primaryKey(['country', 'language'])],
 * })
 */
export function primaryKey<const K extends string>(columns: readonly K[], options: KeyOptions = {}): PrimaryKeyConstraint<K> {
  return Object.freeze({
    kind: 'primaryKey' as const,
    columns: Object.freeze([...columns]),
    name: options.name ?? null,
    deferrable: deferrableSetting(options),
  });
}

/**
 * A unique constraint over one or more columns (`<table>_<col>_<col>_key`).
 *
 * @example
 * constraints: [unique(['country', 'name'])]
 * constraints: [unique(['position'], { deferrable: true, initiallyDeferred: true })]
 */
export function unique<const K extends string>(columns: readonly K[], options: KeyOptions = {}): UniqueConstraint<K> {
  return Object.freeze({
    kind: 'unique' as const,
    columns: Object.freeze([...columns]),
    name: options.name ?? null,
    deferrable: deferrableSetting(options),
  });
}

/**
 * A foreign key over one or more columns (`<table>_<col>_<col>_fkey`). The target table is
 * looked up in the schema using the table, or given as `{ schema, table }` for another schema.
 *
 * @example
 * constraints: [foreignKey(['country', 'city'], 'cities', ['country', 'name'], { onDelete: 'cascade' })]
 */
export function foreignKey<const K extends string>(
  columns: readonly K[],
  target: TableTarget,
  refColumns: readonly string[],
  options: ReferenceOptions = {},
): ForeignKeyConstraint<K> {
  return Object.freeze({
    kind: 'foreignKey' as const,
    columns: Object.freeze([...columns]),
    target: typeof target === 'string' ? target : Object.freeze({ schema: target.schema, table: target.table }),
    refColumns: Object.freeze([...refColumns]),
    onDelete: options.onDelete ?? 'no action',
    onUpdate: options.onUpdate ?? 'no action',
    name: options.name ?? null,
    match: options.match ?? 'simple',
    deferrable: deferrableSetting(options),
    notValid: options.notValid === true,
  });
}

/**
 * A check constraint (`<table>_<col>_check` when the expression uses one column, else
 * `<table>_check`).
 *
 * @example
 * constraints: [check(sql`founded <= dissolved`)]
 * constraints: [check(sql`amount > 0`, { notValid: true })]   // existing rows not checked
 */
export function check(expression: SqlExpression, options: CheckOptions = {}): CheckConstraint {
  return Object.freeze({ kind: 'check' as const, expression, name: options.name ?? null, notValid: options.notValid === true });
}

/**
 * An exclusion constraint (`<table>_<col>_excl`): no two rows may have all elements' operators
 * return true. Each element is written with `sql` as `EXCLUDE` takes it. Compared by Postgres'
 * own definition of the constraint.
 *
 * @example
 * constraints: [exclude([sql`room WITH =`, sql`during WITH &&`], { using: 'gist' })]
 * constraints: [exclude([sql`during WITH &&`], { where: sql`NOT cancelled`, deferrable: true })]
 */
export function exclude(elements: readonly SqlExpression[], options: ExclusionOptions = {}): ExclusionConstraint {
  return Object.freeze({
    kind: 'exclude' as const,
    elements: Object.freeze([...elements]),
    using: options.using ?? 'gist',
    where: options.where ?? null,
    name: options.name ?? null,
    deferrable: deferrableSetting(options),
  });
}

/**
 * An index (`<table>_<col>_<col>_idx`, named as Postgres names it: a column with options keeps
 * its name, an expression key is `lower`, `expr`, ...). A key written with `sql` is an index
 * element as `CREATE INDEX` takes it, options included.
 *
 * @example
 * indexes: [
 *   index(['name']),
 *   index(['country', 'name'], { unique: true }),
 *   index(['tags'], { using: 'gin' }),
 *   index([sql`lower(name)`], { where: sql`deleted_at IS NULL` }),
 *   index([sql`population DESC NULLS LAST`]),           // countries_population_idx
 *   index([sql`metadata jsonb_path_ops`], { using: 'gin' }),
 *   index(['email'], { unique: true, include: ['name'], nullsNotDistinct: true, with: { fillfactor: 70 } }),
 * ]
 */
export function index<const K extends string | SqlExpression, const I extends string = never>(
  keys: readonly K[],
  options: IndexOptions<I> = {},
): IndexDefinition<Extract<K, string> | I> {
  return Object.freeze({
    kind: 'index' as const,
    keys: Object.freeze([...keys]) as readonly (Extract<K, string> | SqlExpression)[],
    unique: options.unique ?? false,
    using: options.using ?? 'btree',
    where: options.where ?? null,
    name: options.name ?? null,
    include: Object.freeze([...(options.include ?? [])]),
    with: Object.freeze({ ...(options.with ?? {}) }),
    nullsNotDistinct: options.nullsNotDistinct === true,
  });
}
