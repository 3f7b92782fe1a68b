/**
 * The schema-level objects of a model besides tables and enums: custom column types, domains,
 * sequences, views and materialized views, functions and procedures, triggers and extensions.
 * Each is plain, frozen data made by one function; `defineSchema` lists them and turns them into
 * their states (see object-states.ts).
 *
 * Bodies (view queries, function bodies, checks) are SQL text as the user writes it; autogenerate
 * lets Postgres normalise them (in a scratch schema) before comparing them with the catalog.
 */
import { builtinType, type TypeFamily } from './column-type.js';
import { Column, columnData, type BaseConfig, type ColumnConfig } from './column.js';
import type { IndexDefinition } from './constraints.js';
import type { SqlExpression } from './sql-expression.js';
import { printIdentifier, printQualifiedIdentifier } from '../sql/print-identifier.js';

/**
 * A column of any type Postgres knows, written as Postgres names it: types of extensions
 * (`citext`, `geometry(Point,4326)`), or built-in types the model has no function for
 * (`tsvector`, `point`, `cidr`). TypeScript: `T` (default `string`). Arrays with `.array()`.
 *
 * @example
 * fulltext: customType('tsvector').notNull(),
 * email: customType('citext').unique(),
 * tags: customType('citext').array(),
 */
export function customType<T = string>(name: string): Column<BaseConfig<T>> {
  return new Column<BaseConfig<T>>(columnData(builtinType(name.trim(), 'string')));
}

export interface DomainOptions {
  /** `CHECK (...)` on `VALUE`. */
  readonly check?: SqlExpression;
  /** Name of the check; default `<domain>_check`, as Postgres names it. */
  readonly checkName?: string;
  readonly notNull?: boolean;
  readonly default?: SqlExpression;
  /** Schema that owns the domain when it is not the schema using it: referenced, never created. */
  readonly schema?: string;
}

/** A domain declared in a model. */
export interface DomainType<C extends ColumnConfig = ColumnConfig> {
  readonly kind: 'domain';
  readonly name: string;
  readonly schema: string | null;
  readonly base: Column<C>;
  readonly check: SqlExpression | null;
  readonly checkName: string | null;
  readonly notNull: boolean;
  readonly default: SqlExpression | null;
}

/**
 * Declares a domain: a base type with a check, NOT NULL or default. A schema creates the
 * domains its columns use (see {@link domainColumn}) and those it lists in `domains`.
 *
 * @example
 * export const year = domain('year', integer(), { check: sql`VALUE >= 1901 AND VALUE <= 2155` });
 * // in a table: release_year: domainColumn(year)
 */
export function domain<C extends ColumnConfig>(name: string, base: Column<C>, options: DomainOptions = {}): DomainType<C> {
  return Object.freeze({
    kind: 'domain' as const,
    name,
    schema: options.schema ?? null,
    base,
    check: options.check ?? null,
    checkName: options.checkName ?? null,
    notNull: options.notNull ?? false,
    default: options.default ?? null,
  });
}

/**
 * A column whose type is a domain. TypeScript: the base column's type.
 *
 * @example
 * release_year: domainColumn(year),
 */
export function domainColumn<C extends ColumnConfig>(type: DomainType<C>): Column<BaseConfig<C['type'], C['literal']>> {
  const base = type.base.data.type;
  const family: TypeFamily = base.kind === 'builtin' ? base.family : 'string';
  const name = type.schema === null ? printIdentifier(type.name) : printQualifiedIdentifier(type.schema, type.name);
  return new Column<BaseConfig<C['type'], C['literal']>>(columnData(Object.freeze({ ...builtinType(name, family), domain: type })));
}

export interface SequenceOptions {
  /** `smallint`, `integer` or `bigint` (default). */
  readonly as?: 'smallint' | 'integer' | 'bigint';
  readonly start?: number | bigint;
  readonly increment?: number | bigint;
  readonly minValue?: number | bigint;
  readonly maxValue?: number | bigint;
  readonly cache?: number | bigint;
  readonly cycle?: boolean;
  /** The column owning the sequence, `'table.column'`: dropping the column drops the sequence. */
  readonly ownedBy?: string;
}

/** A sequence declared in a model. */
export interface SequenceDefinition {
  readonly kind: 'sequence';
  readonly name: string;
  readonly options: SequenceOptions;
}

/**
 * Declares a free-standing sequence. A default that uses it
 * (``default(sql`nextval('customer_customer_id_seq'::regclass)`)``) compares clean.
 *
 * @example
 * sequence('customer_customer_id_seq', { ownedBy: 'customer.customer_id' })
 */
export function sequence(name: string, options: SequenceOptions = {}): SequenceDefinition {
  return Object.freeze({ kind: 'sequence' as const, name, options: Object.freeze({ ...options }) });
}

export interface MaterializedViewOptions {
  /** Indexes of the materialized view (`index([...])`, as for tables). */
  readonly indexes?: readonly IndexDefinition[];
}

/** A view or materialized view declared in a model. */
export interface ViewDefinition {
  readonly kind: 'view';
  readonly name: string;
  readonly query: SqlExpression;
  readonly materialized: boolean;
  readonly indexes: readonly IndexDefinition[];
}

/**
 * Declares a view. Compared by Postgres' normalised text of the query (`pg_get_viewdef`), so
 * spacing, case and qualification as written do not matter.
 *
 * @example
 * view('film_list', sql`SELECT film_id, title FROM film`)
 */
export function view(name: string, query: SqlExpression): ViewDefinition {
  return Object.freeze({ kind: 'view' as const, name, query, materialized: false, indexes: Object.freeze([]) });
}

/**
 * Declares a materialized view (created `WITH DATA`), with its indexes.
 *
 * @example
 * materializedView('rental_by_category', sql`SELECT ...`, { indexes: [index(['category'], { unique: true })] })
 */
export function materializedView(name: string, query: SqlExpression, options: MaterializedViewOptions = {}): ViewDefinition {
  return Object.freeze({
    kind: 'view' as const,
    name,
    query,
    materialized: true,
    indexes: Object.freeze([...(options.indexes ?? [])]),
  });
}

export interface FunctionOptions {
  /** The argument list as SQL: `p_film_id integer, p_store_id integer`. Default none. */
  readonly args?: string;
  /** The result type (`trigger`, `integer`, `SETOF integer`, `TABLE (...)`); not for a procedure. */
  readonly returns?: string;
  /** `sql` (default), `plpgsql`, ... */
  readonly language?: string;
  /** The body: SQL text, written as the function's language wants it. */
  readonly body: string | SqlExpression;
  readonly volatility?: 'volatile' | 'stable' | 'immutable';
  readonly strict?: boolean;
  readonly securityDefiner?: boolean;
}

/** A function or procedure declared in a model. */
export interface FunctionDefinition {
  readonly kind: 'function' | 'procedure';
  readonly name: string;
  readonly options: FunctionOptions;
}

/**
 * Declares a function, with its body as SQL text. Compared by Postgres' own definition
 * (`pg_get_functiondef`).
 *
 * @example
 * fn('last_updated', {
 *   returns: 'trigger',
 *   language: 'plpgsql',
 *   body: `BEGIN NEW.last_update = CURRENT_TIMESTAMP; RETURN NEW; END`,
 * })
 */
export function fn(name: string, options: FunctionOptions): FunctionDefinition {
  return Object.freeze({ kind: 'function' as const, name, options: Object.freeze({ ...options }) });
}

/**
 * Declares a procedure (`CALL name(...)`).
 *
 * @example
 * procedure('archive_rentals', { args: 'before date', language: 'sql', body: 'DELETE FROM rental WHERE rental_date < before' })
 */
export function procedure(name: string, options: Omit<FunctionOptions, 'returns' | 'volatility' | 'strict'>): FunctionDefinition {
  return Object.freeze({ kind: 'procedure' as const, name, options: Object.freeze({ ...options }) });
}

export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate';

export interface TriggerOptions {
  /** The table of the schema the trigger is on. */
  readonly table: string;
  readonly timing: 'before' | 'after' | 'instead of';
  readonly events: readonly TriggerEvent[];
  /** For an `update` trigger: only when these columns are updated (`UPDATE OF a, b`). */
  readonly of?: readonly string[];
  /** Default `'row'`. */
  readonly forEach?: 'row' | 'statement';
  /** The trigger function: a function of the model or its name. */
  readonly fn: FunctionDefinition | string;
  /** `WHEN (...)` condition. */
  readonly when?: SqlExpression;
}

/** A trigger declared in a model. */
export interface TriggerDefinition {
  readonly kind: 'trigger';
  readonly name: string;
  readonly options: TriggerOptions;
}

/**
 * Declares a trigger. Compared by Postgres' own definition (`pg_get_triggerdef`).
 *
 * @example
 * trigger('last_updated', { table: 'customer', timing: 'before', events: ['update'], forEach: 'row', fn: lastUpdated })
 */
export function trigger(name: string, options: TriggerOptions): TriggerDefinition {
  return Object.freeze({ kind: 'trigger' as const, name, options: Object.freeze({ ...options }) });
}
