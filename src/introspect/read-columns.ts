import type { Queryable } from '../connection/types.js';
import { identityOptionsOf } from '../schema/identity-options.js';
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
  /** The collation as DDL names it (`"C"`), only when it is not the type's default; else null. */
  readonly collation: string | null;
  /** Identity columns only: the options of their sequence (`pg_sequence`), as text; else null. */
  readonly seq_start: string | null;
  readonly seq_increment: string | null;
  readonly seq_min: string | null;
  readonly seq_max: string | null;
  readonly seq_cache: string | null;
  readonly seq_cycle: boolean | null;
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
  d.description AS comment,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN
    CASE WHEN pg_catalog.pg_collation_is_visible(co.oid) THEN pg_catalog.quote_ident(co.collname)
    ELSE pg_catalog.quote_ident(con.nspname) || '.' || pg_catalog.quote_ident(co.collname) END
  END AS collation,
  seq.seqstart::text AS seq_start,
  seq.seqincrement::text AS seq_increment,
  seq.seqmin::text AS seq_min,
  seq.seqmax::text AS seq_max,
  seq.seqcache::text AS seq_cache,
  seq.seqcycle AS seq_cycle
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_depend sd
  ON a.attidentity <> '' AND sd.classid = 'pg_catalog.pg_class'::regclass
  AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum
  AND sd.deptype = 'i'
LEFT JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = sd.objid
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
 * A generated column (`GENERATED ALWAYS AS (...) STORED`) keeps its expression in `generated`, not
 * in `default`. The optional fields (`generated`, `identityOptions`, `collation`) are present only
 * when they say something, so that a plain column reads exactly as before.
 *
 * @example
 * parseColumnRow({ table_name: 't', attnum: 1, name: 'id', type: 'bigint', not_null: true,
 *   default_expression: null, identity: 'd', generated: '', comment: null })
 * // => { name: 'id', type: 'bigint', notNull: true, default: null, identity: 'by default', comment: null }
 */
export function parseColumnRow(row: RawColumnRow): ColumnState {
  const where = `${row.table_name}.${row.name}`;
  const identity = parseIdentity(row.identity, where);
  const column: ColumnState = {
    name: row.name,
    type: row.type,
    notNull: row.not_null,
    default: row.generated === '' ? row.default_expression : null,
    identity,
    comment: row.comment,
  };
  const extra: { -readonly [K in 'generated' | 'identityOptions' | 'collation']?: ColumnState[K] } = {};
  if (row.generated === 's') extra.generated = required(row.default_expression, where, 'generation expression');
  else if (row.generated !== '') throw new Error(`unsupported attgenerated ${JSON.stringify(row.generated)} on column ${where}`);
  if (identity !== null && row.seq_start !== null) {
    const options = identityOptionsOf(row.type, {
      start: BigInt(row.seq_start),
      increment: BigInt(required(row.seq_increment, where, 'seqincrement')),
      minValue: BigInt(required(row.seq_min, where, 'seqmin')),
      maxValue: BigInt(required(row.seq_max, where, 'seqmax')),
      cache: BigInt(required(row.seq_cache, where, 'seqcache')),
      cycle: row.seq_cycle === true,
    });
    if (options !== undefined) extra.identityOptions = options;
  }
  if (row.collation !== null) extra.collation = row.collation;
  return { ...column, ...extra };
}

function required<T>(value: T | null, where: string, what: string): T {
  if (value === null) throw new Error(`column ${where} has no ${what} in the catalog`);
  return value;
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
