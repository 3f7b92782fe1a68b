/**
 * The schema-level objects besides tables and enums, in the canonical state (see types.ts):
 * sequences, domains, views and materialized views, functions and procedures, triggers and
 * extensions. Bodies are held as Postgres prints them (`pg_get_viewdef`, `pg_get_functiondef`,
 * `pg_get_triggerdef`, `pg_get_constraintdef`) with `search_path` set to the schema, never as the
 * user typed them: both sides are normalised by Postgres before they are compared.
 */
import type { CheckState, IndexState } from './types.js';

/** The column a sequence belongs to (`OWNED BY table.column`). */
export interface SequenceOwner {
  readonly table: string;
  readonly column: string;
}

/** A free-standing sequence (identity sequences belong to their column and are not listed). */
export interface SequenceState {
  readonly name: string;
  /** `smallint`, `integer` or `bigint`. */
  readonly type: string;
  /** Numbers as decimal text: they may not fit a JavaScript number. */
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly ownedBy: SequenceOwner | null;
}

/** A domain: a base type with an optional default, NOT NULL and checks. */
export interface DomainState {
  readonly name: string;
  /** The base type as `format_type` prints it. */
  readonly type: string;
  readonly notNull: boolean;
  readonly default: string | null;
  /** Check constraints sorted by name; `expression` as in {@link CheckState} (`(VALUE >= 1901)`). */
  readonly checks: readonly CheckState[];
}

/** A view or a materialized view. */
export interface ViewState {
  readonly name: string;
  readonly materialized: boolean;
  /** The query as `pg_get_viewdef(oid, true)` prints it, without the trailing `;`. */
  readonly definition: string;
  /** Indexes of a materialized view, sorted by name (always empty for a plain view). */
  readonly indexes: readonly IndexState[];
}

/** A function or a procedure, one per signature. */
export interface FunctionState {
  /** `name(identity arguments)`: the key of an overload, e.g. `film_in_stock(integer, integer)`. */
  readonly name: string;
  /** The bare function name. */
  readonly functionName: string;
  readonly kind: 'function' | 'procedure';
  /** `pg_get_function_identity_arguments`: what `DROP FUNCTION` needs. */
  readonly identityArguments: string;
  /** `pg_get_function_result` (null for a procedure): a change needs a drop and a create. */
  readonly result: string | null;
  /**
   * `pg_get_functiondef` with the schema qualification of the function's own name removed, so
   * that it runs in any schema: `CREATE OR REPLACE FUNCTION last_updated() RETURNS trigger ...`.
   */
  readonly definition: string;
}

/** A trigger of a table of the schema. */
export interface TriggerState {
  /** `table.trigger`: trigger names are unique per table only. */
  readonly name: string;
  readonly table: string;
  readonly triggerName: string;
  /** `pg_get_triggerdef(oid, true)`: a whole `CREATE TRIGGER` statement, names unqualified. */
  readonly definition: string;
}

/** An installed extension. */
export interface ExtensionState {
  readonly name: string;
  /** The schema its objects live in. */
  readonly schema: string;
}

/**
 * That a view or trigger (of this schema or another) uses a table, view or column of the schema,
 * as `pg_depend` records it: what must be dropped and created again around a change of what it
 * uses (Postgres refuses to change a column's type while a view or trigger uses it).
 */
export interface DependencyState {
  /** Schema of the dependent object. */
  readonly schema: string;
  readonly kind: 'view' | 'trigger';
  /** The view's name, or the trigger's `table.trigger` key. */
  readonly name: string;
  /** The table or view of the schema it uses. */
  readonly table: string;
  /** The column it uses, or null for the relation as a whole. */
  readonly column: string | null;
}

/** The schema-level objects of a {@link SchemaState}, each list sorted by name. */
export interface SchemaObjects {
  readonly sequences?: readonly SequenceState[];
  readonly domains?: readonly DomainState[];
  readonly views?: readonly ViewState[];
  readonly functions?: readonly FunctionState[];
  readonly triggers?: readonly TriggerState[];
  /**
   * Extensions installed in the schema (live), or needed by the model (with the schema itself as
   * `schema`; those installed in another schema already are left out when comparing).
   */
  readonly extensions?: readonly ExtensionState[];
  /**
   * What depends on the schema's tables, views and columns (live side; on the model's side as its
   * scratch copy has them). Compared by nobody: used to drop and create dependents around a change.
   */
  readonly dependencies?: readonly DependencyState[];
}
