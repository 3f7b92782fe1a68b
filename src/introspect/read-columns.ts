import type { Queryable } from '../connection/types.js';
import type { ColumnState } from '../schema/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';
import { groupByTable } from './group-by-table.js';

/** One row of {@link COLUMNS_QUERY}. */
export interface RawColumnRow {
  readonly table_name: string;
  /** Position of the column in its table (`attnum`); constraints name their columns by it. */
  readonly attnum: number;
  readonly name: string;
  /** `format_type(atttypid, atttypmod)`. */
  readonly type: string;
  readonly not_null: boolean;
  /** `pg_get_expr(adbin, adrelid)`, or null when the column has no default. */
  readonly default_expression: string | null;
  /** `attidentity`: `''`, `'a'` (always) or `'d'` (by default). */
  readonly identity: string;
  /** `attgenerated`: `''`, `'s'` (stored) or, from Postgres 18, `'v'` (virtual). */
  readonly generated: string;
  readonly comment: string | null;
}

/** The columns of one table, in position order, and their names by position. */
export interface TableColumns {
  readonly columns: readonly ColumnState[];
  /** `attnum` → column name, to resolve the `conkey` of the table's constraints. */
  readonly names: ReadonlyMap<number, string>;
}

/**
 * Columns of every table in scope, without system columns (`attnum <= 0`) and without dropped
 * ones (`attisdropped`). Rows come unordered (sorting 20,000 wide rows costs the server more than
 * it costs JavaScript); {@link readColumns} puts each table's columns in position order.
 *
 * Types come from `format_type` and defaults from `pg_get_expr`, both of which print names of
 * the schema itself unqualified and others qualified because they run with `search_path` set
 * to the schema alone (see `withSchemaSearchPath`).
 */
export const COLUMNS_QUERY = `
SELECT
  c.relname AS table_name,
  a.attnum AS attnum,
  a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS not_null,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expression,
  a.attidentity::text AS identity,
  a.attgenerated::text AS generated,
  d.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE ${TABLES_IN_SCOPE}`;

/**
 * Reads the columns of every table of one schema, grouped by table name.
 *
 * @example
 * const columns = await readColumns(tx, { schema: 'asia', excludedTables: [] });
 * columns.get('countries')?.columns[0]
 * // => { name: 'id', type: 'integer', notNull: true, default: null, identity: 'always', comment: null }
 * columns.get('countries')?.names.get(1) // => 'id'
 */
export async function readColumns(db: Queryable, scope: CatalogScope): Promise<Map<string, TableColumns>> {
  const { rows } = await db.query<RawColumnRow>(COLUMNS_QUERY, scopeParameters(scope));
  return parseColumnRows(rows);
}

/**
 * Groups catalog rows by table, each table's columns in position order.
 *
 * @example
 * parseColumnRows(rows).get('countries')?.columns.map((c) => c.name) // => ['id', 'name', ...]
 */
export function parseColumnRows(rows: readonly RawColumnRow[]): Map<string, TableColumns> {
  const result = new Map<string, TableColumns>();
  for (const [table, tableRows] of groupByTable(rows, (row) => row)) {
    tableRows.sort((a, b) => a.attnum - b.attnum);
    result.set(table, {
      columns: tableRows.map(parseColumnRow),
      names: new Map(tableRows.map((row) => [row.attnum, row.name])),
    });
  }
  return result;
}

/**
 * Turns a catalog row into a {@link ColumnState}.
 *
 * Identity columns have no default in the catalog (their values come from the identity
 * sequence), so `default` is null for them. A `serial` column is an ordinary column whose default
 * is `nextval('<table>_<column>_seq'::regclass)`, kept as printed.
 *
 * Generated columns (`GENERATED ALWAYS AS (...)`) have no place in {@link ColumnState} yet: their
 * expression is not a default, so it is not reported as one and `default` is null.
 *
 * @example
 * parseColumnRow({ table_name: 't', attnum: 1, name: 'id', type: 'bigint', not_null: true,
 *   default_expression: null, identity: 'd', generated: '', comment: null })
 * // => { name: 'id', type: 'bigint', notNull: true, default: null, identity: 'by default', comment: null }
 */
export function parseColumnRow(row: RawColumnRow): ColumnState {
  return {
    name: row.name,
    type: row.type,
    notNull: row.not_null,
    default: row.generated === '' ? row.default_expression : null,
    identity: parseIdentity(row.identity, `${row.table_name}.${row.name}`),
    comment: row.comment,
  };
}

function parseIdentity(letter: string, where: string): ColumnState['identity'] {
  switch (letter) {
    case '':
      return null;
    case 'a':
      return 'always';
    case 'd':
      return 'by default';
    default:
      throw new Error(`unexpected attidentity ${JSON.stringify(letter)} on column ${where}`);
  }
}
