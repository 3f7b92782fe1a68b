/**
 * Table sizes and column types of some schemas, for `worlddb lint`: the planner's row estimate and
 * the size on disk of every table, and the type of every column. Two queries whatever the number
 * of tables.
 */
import type { Queryable } from '../connection/types.js';

/** One row of {@link TABLE_SIZES_QUERY}. */
export interface RawTableSizeRow {
  readonly schema: string;
  readonly name: string;
  /** `pg_class.reltuples`: -1 when the table was never analysed (Postgres 14+). */
  readonly reltuples: number | string;
  readonly total_bytes: number | string;
  readonly heap_bytes: number | string;
}

/** One row of {@link COLUMN_TYPES_QUERY}. */
export interface RawColumnTypeRow {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** `format_type(atttypid, atttypmod)`, e.g. `character varying(20)`. */
  readonly type: string;
}

export interface TableSize {
  readonly schema: string;
  readonly name: string;
  /** Estimated rows, or null when never analysed. */
  readonly rows: number | null;
  /** `pg_total_relation_size`: table, indexes and TOAST. */
  readonly bytes: number;
  /** True when the table's heap has no page at all. */
  readonly empty: boolean;
}

export interface ColumnTypeRecord {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly type: string;
}

export const TABLE_SIZES_QUERY = `
SELECT n.nspname AS schema, c.relname AS name, c.reltuples,
       pg_catalog.pg_total_relation_size(c.oid) AS total_bytes,
       pg_catalog.pg_relation_size(c.oid) AS heap_bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY($1::text[])`;

export const COLUMN_TYPES_QUERY = `
SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column",
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1::text[])`;

/**
 * Reads the sizes of every table of `schemas`.
 *
 * @example
 * await readTableSizes(session, ['asia']) // => [{ schema: 'asia', name: 'countries', rows: 195, bytes: 57344, empty: false }]
 */
export async function readTableSizes(db: Queryable, schemas: readonly string[]): Promise<TableSize[]> {
  const { rows } = await db.query<RawTableSizeRow>(TABLE_SIZES_QUERY, [schemas]);
  return rows.map(parseTableSizeRow);
}

/** Turns a catalog row into a {@link TableSize}. */
export function parseTableSizeRow(row: RawTableSizeRow): TableSize {
  const tuples = Number(row.reltuples);
  return {
    schema: row.schema,
    name: row.name,
    rows: tuples < 0 ? null : tuples,
    bytes: Number(row.total_bytes),
    empty: Number(row.heap_bytes) === 0,
  };
}

/** Reads the type of every column of every table of `schemas`. */
export async function readColumnTypes(db: Queryable, schemas: readonly string[]): Promise<ColumnTypeRecord[]> {
  const { rows } = await db.query<RawColumnTypeRow>(COLUMN_TYPES_QUERY, [schemas]);
  return rows.map((row) => ({ schema: row.schema, table: row.table, column: row.column, type: row.type }));
}
