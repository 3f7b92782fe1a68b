/**
 * The canonical, frozen description of one schema's objects.
 *
 * Both sides of autogenerate are normalised into this shape: the declared model (src/model) and
 * the live catalog (src/introspect). The comparison (src/diff) works on two of these and never on
 * anything else. Names are the exact Postgres names (unquoted, case kept). Types and expressions
 * are written the way Postgres prints them (`format_type`, `pg_get_expr`, `pg_get_constraintdef`)
 * with `search_path` set to the schema itself, so objects of the schema itself are unqualified and
 * objects of other schemas are qualified.
 */

import type { SchemaObjects } from './object-types.js';

export type * from './object-types.js';

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ColumnState {
  readonly name: string;
  /** e.g. `integer`, `character varying(100)`, `numeric(10,2)`, `text[]`, `continent`, `public.currency`. */
  readonly type: string;
  readonly notNull: boolean;
  /** Default expression as Postgres prints it, or null. Identity columns have null here. */
  readonly default: string | null;
  readonly identity: 'always' | 'by default' | null;
  readonly comment: string | null;
  /**
   * The expression of a generated column (`GENERATED ALWAYS AS (expr) STORED`), as Postgres
   * prints it. Absent for an ordinary column.
   */
  readonly generated?: string;
  /**
   * The options of an identity column's sequence that differ from Postgres' defaults (see
   * `src/schema/identity-options.ts`). Absent when all are the defaults or the column is no identity.
   */
  readonly identityOptions?: IdentityOptions;
  /**
   * The column's collation when it is not its type's default, as Postgres prints it in DDL
   * (`"C"`, `"POSIX"`, `other_schema."de_DE"`). Absent otherwise.
   */
  readonly collation?: string;
}

/**
 * Sequence options of an identity column, as decimal text (they may exceed 2^53). Only options
 * that differ from Postgres' defaults for the column's type are present.
 */
export interface IdentityOptions {
  readonly start?: string;
  readonly increment?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly cache?: string;
  readonly cycle?: true;
}

/**
 * When a deferrable constraint is checked: `'immediate'` (`DEFERRABLE INITIALLY IMMEDIATE`) or
 * `'deferred'` (`DEFERRABLE INITIALLY DEFERRED`). A constraint that is not deferrable has no
 * `deferrable` field.
 */
export type Deferrable = 'immediate' | 'deferred';

export interface PrimaryKeyState {
  readonly name: string;
  readonly columns: readonly string[];
  readonly deferrable?: Deferrable;
}

export interface UniqueState {
  readonly name: string;
  readonly columns: readonly string[];
  readonly deferrable?: Deferrable;
}

export interface ForeignKeyState {
  readonly name: string;
  readonly columns: readonly string[];
  /** Schema of the referenced table; equal to the schema itself for references inside it. */
  readonly refSchema: string;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** `MATCH FULL`; absent for the default `MATCH SIMPLE`. */
  readonly match?: 'FULL';
  readonly deferrable?: Deferrable;
  /** Added `NOT VALID` and not validated since; absent once validated. */
  readonly notValid?: true;
}

export interface CheckState {
  readonly name: string;
  /** The boolean expression, without the `CHECK (...)` wrapper, as Postgres prints it. */
  readonly expression: string;
  /** Added `NOT VALID` and not validated since; absent once validated. */
  readonly notValid?: true;
}

/**
 * An exclusion constraint, by its definition as `pg_get_constraintdef` prints it:
 * `EXCLUDE USING gist (during WITH &&) WHERE ((room > 0)) DEFERRABLE`.
 */
export interface ExclusionState {
  readonly name: string;
  readonly definition: string;
}

export interface IndexState {
  readonly name: string;
  readonly unique: boolean;
  /** Access method: `btree`, `gin`, `gist`, `hash`, `brin`, ... */
  readonly method: string;
  /**
   * Key columns or expressions, each as Postgres prints it in the index definition, with the
   * options that are not the default (columns are quoted only when needed): `name`,
   * `lower(name) DESC`, `data jsonb_path_ops`, `name COLLATE "C" NULLS FIRST`.
   */
  readonly keys: readonly string[];
  /** Predicate of a partial index, or null. */
  readonly where: string | null;
  /** `INCLUDE` columns (as Postgres prints them: quoted only when needed); absent when none. */
  readonly include?: readonly string[];
  /** Storage parameters (`WITH (fillfactor=70)`) as `name=value`, sorted; absent when none. */
  readonly with?: readonly string[];
  /** `NULLS NOT DISTINCT` (Postgres 15+); absent for the default `NULLS DISTINCT`. */
  readonly nullsNotDistinct?: true;
}

export interface TableState {
  readonly name: string;
  readonly columns: readonly ColumnState[];
  readonly primaryKey: PrimaryKeyState | null;
  readonly uniques: readonly UniqueState[];
  readonly foreignKeys: readonly ForeignKeyState[];
  readonly checks: readonly CheckState[];
  /** Exclusion constraints, sorted by name; absent when there are none. */
  readonly exclusions?: readonly ExclusionState[];
  /** Indexes that do not back a primary key or unique constraint. */
  readonly indexes: readonly IndexState[];
  readonly comment: string | null;
  /** `UNLOGGED`; absent for an ordinary (logged) table. */
  readonly unlogged?: true;
  /** Storage parameters (`WITH (fillfactor=70)`) as `name=value`, sorted; absent when none. */
  readonly with?: readonly string[];
  /** `ENABLE ROW LEVEL SECURITY`; absent when disabled. */
  readonly rowSecurity?: true;
  /** `FORCE ROW LEVEL SECURITY` (the owner is subject to the policies too); absent otherwise. */
  readonly forceRowSecurity?: true;
  /** Row-level security policies, sorted by name; absent when none. */
  readonly policies?: readonly PolicyState[];
}

/** A row-level security policy of a table. */
export interface PolicyState {
  readonly name: string;
  /** The command it applies to. */
  readonly command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  /** `AS RESTRICTIVE`; absent for the default `AS PERMISSIVE`. */
  readonly restrictive?: true;
  /** Roles, as Postgres prints them (`public` for PUBLIC), sorted. */
  readonly roles: readonly string[];
  /** `USING (...)` expression as Postgres prints it, or null. */
  readonly using: string | null;
  /** `WITH CHECK (...)` expression as Postgres prints it, or null. */
  readonly withCheck: string | null;
}

export interface EnumState {
  readonly name: string;
  /** Labels in their sort order. */
  readonly values: readonly string[];
}

export interface SchemaState extends SchemaObjects {
  readonly name: string;
  /** Sorted by name. */
  readonly tables: readonly TableState[];
  /** Sorted by name. */
  readonly enums: readonly EnumState[];
}
