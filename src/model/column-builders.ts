/**
 * The type functions that start a column: one per Postgres type the model supports.
 *
 * TypeScript types follow what the drivers return: `bigint` and `numeric` come back as strings
 * (they do not fit a JavaScript number without loss), `date` and the timestamps as `Date`, `time`
 * and `interval` as strings, `json`/`jsonb` as parsed values, `bytea` as bytes.
 */
import { builtinType } from './column-type.js';
import { Column, columnData, type BaseConfig } from './column.js';
import type { EnumType } from './enum-type.js';

function column<T, L = T>(name: string, family: Parameters<typeof builtinType>[1], castName?: string): Column<BaseConfig<T, L>> {
  return new Column<BaseConfig<T, L>>(columnData(builtinType(name, family, castName)));
}

function precision(p: number | undefined): string {
  return p === undefined ? '' : `(${p})`;
}

/**
 * `smallint` (int2). TypeScript: `number`.
 * @example level: smallint().notNull().default(1)
 */
export function smallint(): Column<BaseConfig<number>> {
  return column('smallint', 'integer');
}

/**
 * `integer` (int4). TypeScript: `number`.
 * @example country_id: integer().primaryKey()
 */
export function integer(): Column<BaseConfig<number>> {
  return column('integer', 'integer');
}

/**
 * `bigint` (int8). TypeScript: `string`, as node-postgres and PGlite return int8 as text so that
 * no precision is lost. A default may be given as a number or a string.
 * @example id: bigint().identity('always').primaryKey()
 */
export function bigint(): Column<BaseConfig<string, string | number>> {
  return column('bigint', 'integer');
}

/**
 * `numeric`, `numeric(p)` or `numeric(p,s)`. TypeScript: `string` (exact decimal text).
 * @example price: numeric(10, 2).notNull().default(0)
 */
export function numeric(p?: number, s?: number): Column<BaseConfig<string, string | number>> {
  const name = p === undefined ? 'numeric' : `numeric(${p},${s ?? 0})`;
  return column(name, 'numeric', 'numeric');
}

/**
 * `real` (float4). TypeScript: `number`.
 * @example ratio: real()
 */
export function real(): Column<BaseConfig<number>> {
  return column('real', 'float');
}

/**
 * `double precision` (float8). TypeScript: `number`.
 * @example latitude: doublePrecision()
 */
export function doublePrecision(): Column<BaseConfig<number>> {
  return column('double precision', 'float');
}

/**
 * `boolean`. TypeScript: `boolean`.
 * @example eu_member: boolean()
 */
export function boolean(): Column<BaseConfig<boolean>> {
  return column('boolean', 'boolean');
}

/**
 * `text`. TypeScript: `string`.
 * @example motto: text()
 */
export function text(): Column<BaseConfig<string>> {
  return column('text', 'string');
}

/**
 * `varchar(n)` (`character varying(n)`), or unbounded without `n`. TypeScript: `string`.
 * @example name: varchar(100).notNull()
 */
export function varchar(n?: number): Column<BaseConfig<string>> {
  return column(`character varying${precision(n)}`, 'string', 'character varying');
}

/**
 * `char(n)` (`character(n)`, `character(1)` without `n`). TypeScript: `string`.
 * @example iso_code: char(2).notNull().unique()
 */
export function char(n?: number): Column<BaseConfig<string>> {
  return column(`character(${n ?? 1})`, 'string', 'bpchar');
}

/**
 * `date`. TypeScript: `Date`. A default may be a `Date` (its UTC day) or a string.
 * @example founded: date()
 */
export function date(): Column<BaseConfig<Date, Date | string>> {
  return column('date', 'date');
}

/**
 * `time` (`time without time zone`), optionally with a fractional-seconds precision.
 * TypeScript: `string`.
 * @example opens_at: time()
 */
export function time(p?: number): Column<BaseConfig<string>> {
  return column(`time${precision(p)} without time zone`, 'string', 'time without time zone');
}

/**
 * `timestamp` (`timestamp without time zone`). TypeScript: `Date`.
 * @example recorded_at: timestamp(3)
 */
export function timestamp(p?: number): Column<BaseConfig<Date, Date | string>> {
  return column(`timestamp${precision(p)} without time zone`, 'timestamp', 'timestamp without time zone');
}

/**
 * `timestamptz` (`timestamp with time zone`). TypeScript: `Date`. A `Date` default is written in
 * UTC (`+00`), as Postgres prints it when the server's TimeZone is UTC.
 * @example created_at: timestamptz().notNull().default(sql`now()`)
 */
export function timestamptz(p?: number): Column<BaseConfig<Date, Date | string>> {
  return column(`timestamp${precision(p)} with time zone`, 'timestamptz', 'timestamp with time zone');
}

/**
 * `interval`. TypeScript: `string`.
 * @example term: interval().default('1 year')
 */
export function interval(): Column<BaseConfig<string>> {
  return column('interval', 'string');
}

/**
 * `uuid`. TypeScript: `string`.
 * @example id: uuid().primaryKey().default(sql`gen_random_uuid()`)
 */
export function uuid(): Column<BaseConfig<string>> {
  return column('uuid', 'string');
}

/**
 * `json`. TypeScript: `T` (default `unknown`). A default is any JSON value, serialised as is.
 * @example raw: json<{ source: string }>()
 */
export function json<T = unknown>(): Column<BaseConfig<T>> {
  return column('json', 'json');
}

/**
 * `jsonb`. TypeScript: `T` (default `unknown`). A default is any JSON value, printed as jsonb
 * prints it (keys sorted, `", "` and `": "` separators).
 * @example settings: jsonb<{ theme: string }>().notNull().default({ theme: 'light' })
 */
export function jsonb<T = unknown>(): Column<BaseConfig<T>> {
  return column('jsonb', 'jsonb');
}

/**
 * `bytea`. TypeScript: `Uint8Array` (node-postgres returns a Buffer, which is one).
 * @example flag_png: bytea()
 */
export function bytea(): Column<BaseConfig<Uint8Array>> {
  return column('bytea', 'bytea');
}

/**
 * `inet`. TypeScript: `string`.
 * @example last_ip: inet()
 */
export function inet(): Column<BaseConfig<string>> {
  return column('inet', 'string');
}

/**
 * A column of an enum type. TypeScript: the union of its labels.
 * @example
 * const continent = enumType('continent', ['Asia', 'Europe']);
 * continent: enumColumn(continent).notNull().default('Asia')   // 'Asia' | 'Europe'
 */
export function enumColumn<V extends string>(type: EnumType<V>): Column<BaseConfig<V>> {
  return new Column<BaseConfig<V>>(columnData(Object.freeze({ kind: 'enum' as const, enum: type })));
}
