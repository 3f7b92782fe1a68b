/**
 * The column builder. Each call returns a new frozen column; the type parameter records what the
 * row types need (TypeScript type, nullability, default, identity), the `data` field what the
 * schema state needs.
 */
import type { ColumnType } from './column-type.js';
import type { SqlExpression } from './sql-expression.js';

export type IdentityKind = 'always' | 'by default';

/**
 * Sequence options of an identity column; each left out takes Postgres' default (start at 1,
 * increment 1, the type's range, cache 1, no cycle). Numbers or decimal strings (for values
 * beyond 2^53).
 */
export interface IdentityOptionsInput {
  readonly start?: number | bigint | string;
  readonly increment?: number | bigint | string;
  readonly minValue?: number | bigint | string;
  readonly maxValue?: number | bigint | string;
  readonly cache?: number | bigint | string;
  readonly cycle?: boolean;
}

/** Foreign key actions, as in SQL (`ON DELETE CASCADE` is `onDelete: 'cascade'`). */
export type ReferentialActionName = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

/**
 * The table a foreign key points at: a table name, looked up in the schema that USES the table
 * (so a reference written in an abstract base resolves per schema), or `{ schema, table }` for a
 * table of another schema, which stays cross-schema.
 */
export type TableTarget = string | { readonly schema: string; readonly table: string };

export interface NameOption {
  /** Constraint or index name; Postgres' default name when omitted. */
  readonly name?: string;
}

/** When a primary key, unique, foreign key or exclusion constraint is checked. */
export interface DeferrableOptions {
  /** `DEFERRABLE`: the check may be put off to the end of the transaction. Default false. */
  readonly deferrable?: boolean;
  /** `INITIALLY DEFERRED` (implies `deferrable`). Default false. */
  readonly initiallyDeferred?: boolean;
}

/** Options of a primary key or unique constraint. */
export interface KeyOptions extends NameOption, DeferrableOptions {}

/** Options of a check constraint. */
export interface CheckOptions extends NameOption {
  /** Added `NOT VALID`: existing rows are not checked. Default false. */
  readonly notValid?: boolean;
}

export interface ReferenceOptions extends NameOption, DeferrableOptions {
  /** Default `'no action'`. */
  readonly onDelete?: ReferentialActionName;
  /** Default `'no action'`. */
  readonly onUpdate?: ReferentialActionName;
  /** `MATCH FULL` (a multi-column key is either all null or all checked). Default `'simple'`. */
  readonly match?: 'simple' | 'full';
  /** Added `NOT VALID`: existing rows are not checked. Default false. */
  readonly notValid?: boolean;
}

/** `'immediate'` / `'deferred'` for a deferrable constraint, null for one that is not. */
export type DeferrableSetting = 'immediate' | 'deferred' | null;

/** The deferrable setting of `options`. */
export function deferrableSetting(options: DeferrableOptions): DeferrableSetting {
  if (options.initiallyDeferred === true) return 'deferred';
  return options.deferrable === true ? 'immediate' : null;
}

export interface ColumnReference {
  readonly target: TableTarget;
  readonly column: string;
  readonly onDelete: ReferentialActionName;
  readonly onUpdate: ReferentialActionName;
  readonly name: string | null;
  readonly match: 'simple' | 'full';
  readonly deferrable: DeferrableSetting;
  readonly notValid: boolean;
}

export interface ColumnCheck {
  readonly expression: SqlExpression;
  readonly name: string | null;
  readonly notValid: boolean;
}

/** A default: a literal value (printed as Postgres would store it) or SQL kept as written. */
export type ColumnDefault =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'sql'; readonly expression: SqlExpression };

/** Everything the model knows about one column, as plain frozen data. */
export interface ColumnData {
  readonly type: ColumnType;
  /** 0 for a scalar, 1 for `T[]`, ... (Postgres stores no dimension count: all print as `T[]`). */
  readonly arrayDimensions: number;
  readonly notNull: boolean;
  readonly default: ColumnDefault | null;
  readonly identity: IdentityKind | null;
  /** Sequence options given with `identity(kind, options)`, or null. */
  readonly identityOptions: IdentityOptionsInput | null;
  /** Expression of a stored generated column, or null. */
  readonly generated: SqlExpression | null;
  /** `COLLATE` name, or null for the type's default collation. */
  readonly collation: string | null;
  readonly primaryKey: { readonly name: string | null; readonly deferrable: DeferrableSetting } | null;
  readonly unique: { readonly name: string | null; readonly deferrable: DeferrableSetting } | null;
  readonly references: ColumnReference | null;
  readonly checks: readonly ColumnCheck[];
  readonly comment: string | null;
  /** Builder misuse found while chaining; reported as a ModelError when the schema is defined. */
  readonly misuse: readonly string[];
}

/** What the row types know about a column. */
export interface ColumnConfig {
  /** TypeScript type of a value read from the column (without `null`). */
  readonly type: unknown;
  /** What `.default()` accepts as a literal. */
  readonly literal: unknown;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  readonly identity: IdentityKind | null;
  /** A generated column: read-only, left out of the insert and update types. */
  readonly generated: boolean;
}

/** `C` with the fields of `P` replaced. */
export type WithConfig<C extends ColumnConfig, P extends Partial<ColumnConfig>> = {
  readonly [K in keyof ColumnConfig]: K extends keyof P ? P[K] : C[K];
};

/** The config a fresh column of TypeScript type `T` starts with. */
export interface BaseConfig<T, L = T> {
  readonly type: T;
  readonly literal: L;
  readonly notNull: false;
  readonly hasDefault: false;
  readonly identity: null;
  readonly generated: false;
}

export function columnData(type: ColumnType): ColumnData {
  return Object.freeze({
    type,
    arrayDimensions: 0,
    notNull: false,
    default: null,
    identity: null,
    identityOptions: null,
    generated: null,
    collation: null,
    primaryKey: null,
    unique: null,
    references: null,
    checks: Object.freeze([]),
    comment: null,
    misuse: Object.freeze([]),
  });
}

/**
 * A column of a table. Made by the type functions (`integer()`, `varchar(100)`, ...), refined by
 * chaining; every method returns a new column.
 *
 * @example
 * name: varchar(100).notNull().unique(),
 * created_at: timestamptz().notNull().default(sql`now()`),
 * country: varchar(100).references('countries', 'name', { onDelete: 'cascade' }),
 */
export class Column<C extends ColumnConfig = ColumnConfig> {
  /** Type-level only: the row types read it, it never exists at run time. */
  declare readonly '~config': C;
  readonly kind = 'column' as const;
  readonly data: ColumnData;

  /** @internal Use the type functions (`integer()`, ...) instead. */
  constructor(data: ColumnData) {
    this.data = data;
  }

  private with<N extends ColumnConfig>(patch: Partial<ColumnData>): Column<N> {
    return new Column<N>(Object.freeze({ ...this.data, ...patch }));
  }

  private misused(problem: string): readonly string[] {
    return Object.freeze([...this.data.misuse, problem]);
  }

  /**
   * `NOT NULL`.
   *
   * @example
   * name: varchar(100).notNull()   // row type: string
   */
  notNull(): Column<WithConfig<C, { notNull: true }>> {
    return this.with({ notNull: true });
  }

  /**
   * `DEFAULT`: a literal of the column's type, stored as Postgres would store it
   * (`'x'::character varying`, `0`, `true`), or SQL written with `sql`.
   * Makes the column optional in the insert type.
   *
   * @example
   * active: boolean().notNull().default(true),
   * created_at: timestamptz().notNull().default(sql`now()`),
   */
  default(value: C['literal'] | SqlExpression): Column<WithConfig<C, { hasDefault: true }>> {
    const isSql =
      typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sql';
    return this.with({
      default: isSql
        ? Object.freeze({ kind: 'sql' as const, expression: value as SqlExpression })
        : Object.freeze({ kind: 'literal' as const, value }),
    });
  }

  /**
   * A single-column primary key (implies NOT NULL). Use `primaryKey([...])` in the table options
   * for a composite key.
   *
   * @example
   * country_id: integer().primaryKey(),               // countries_pkey
   * country_id: integer().primaryKey({ name: 'pk' }),
   */
  primaryKey(options: KeyOptions = {}): Column<WithConfig<C, { notNull: true }>> {
    return this.with({ primaryKey: Object.freeze({ name: options.name ?? null, deferrable: deferrableSetting(options) }) });
  }

  /**
   * A single-column unique constraint (`<table>_<column>_key`).
   *
   * @example
   * name: varchar(100).notNull().unique(),
   */
  unique(options: KeyOptions = {}): Column<C> {
    return this.with({ unique: Object.freeze({ name: options.name ?? null, deferrable: deferrableSetting(options) }) });
  }

  /**
   * A foreign key to `table(column)`. A table name is looked up in the schema using the table;
   * `{ schema, table }` points at another schema.
   *
   * @example
   * country: varchar(100).notNull().references('countries', 'name'),
   * currency: char(3).references({ schema: 'public', table: 'currencies' }, 'code', { onDelete: 'restrict' }),
   */
  references(table: TableTarget, column: string, options: ReferenceOptions = {}): Column<C> {
    const target = typeof table === 'string' ? table : Object.freeze({ schema: table.schema, table: table.table });
    return this.with({
      references: Object.freeze({
        target,
        column,
        onDelete: options.onDelete ?? 'no action',
        onUpdate: options.onUpdate ?? 'no action',
        name: options.name ?? null,
        match: options.match ?? 'simple',
        deferrable: deferrableSetting(options),
        notValid: options.notValid === true,
      }),
    });
  }

  /**
   * A check constraint. Named like Postgres does: `<table>_<column>_check` when the expression
   * uses exactly one column, `<table>_check` otherwise.
   *
   * @example
   * population: integer().check(sql`population >= 0`),
   */
  check(expression: SqlExpression, options: CheckOptions = {}): Column<C> {
    return this.with({
      checks: Object.freeze([
        ...this.data.checks,
        Object.freeze({ expression, name: options.name ?? null, notValid: options.notValid === true }),
      ]),
    });
  }

  /**
   * `COMMENT ON COLUMN`.
   *
   * @example
   * population: integer().comment('inhabitants, last census'),
   */
  comment(text: string): Column<C> {
    return this.with({ comment: text });
  }

  /**
   * An array of the type so far (`text[]`). Call it right after the type function: a default,
   * reference or identity given before it would be meant for the element.
   *
   * @example
   * tags: text().array().notNull().default([]),   // row type: string[]
   */
  array(): Column<{
    readonly type: C['type'][];
    readonly literal: C['literal'][];
    readonly notNull: C['notNull'];
    readonly hasDefault: C['hasDefault'];
    readonly identity: C['identity'];
    readonly generated: C['generated'];
  }> {
    const d = this.data;
    const early = d.default !== null || d.references !== null || d.identity !== null;
    return this.with({
      arrayDimensions: d.arrayDimensions + 1,
      misuse: early ? this.misused('array() must come right after the type, before default(), references() or identity()') : d.misuse,
    });
  }

  /**
   * An identity column (`GENERATED ALWAYS AS IDENTITY` or `GENERATED BY DEFAULT AS IDENTITY`);
   * smallint, integer or bigint only. Implies NOT NULL. In the insert type an `'always'` column
   * is left out (Postgres refuses a value for it) and a `'by default'` one is optional.
   *
   * @example
   * id: bigint().identity('always').primaryKey(),
   */
  identity<K extends IdentityKind>(
    kind: K,
    options?: IdentityOptionsInput,
  ): Column<WithConfig<C, { notNull: true; identity: K }>> {
    return this.with({ identity: kind, identityOptions: options === undefined ? null : Object.freeze({ ...options }) });
  }

  /**
   * A stored generated column (`GENERATED ALWAYS AS (expr) STORED`): Postgres computes its value
   * from the other columns of the row. Left out of the insert and update types. Compared by the
   * expression as Postgres stores it, so `length / 60.0` and `(length / 60.0)` are the same.
   *
   * @example
   * length: integer().notNull(),
   * hours: numeric().generatedAlwaysAs(sql`length / 60.0`),
   */
  generatedAlwaysAs(expression: SqlExpression): Column<WithConfig<C, { generated: true; hasDefault: true }>> {
    return this.with({ generated: expression });
  }

  /**
   * The column's collation (`COLLATE "C"`), for text types.
   *
   * @example
   * code: text().collate('C'),
   */
  collate(collation: string): Column<C> {
    return this.with({ collation });
  }

  /**
   * Narrows the TypeScript type of the column without changing the SQL type.
   *
   * @example
   * settings: jsonb().$type<{ theme: 'dark' | 'light' }>(),
   * code: char(3).$type<'EUR' | 'JPY'>(),
   */
  $type<T extends C['type']>(): Column<WithConfig<C, { type: T; literal: T }>> {
    return this.with({});
  }
}
