import type { Queryable } from '../connection/types.js';
import type { IndexState } from '../schema/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';
import { byName } from './compare-names.js';
import { groupByTable } from './group-by-table.js';

/** One row of {@link INDEXES_QUERY}. */
export interface RawIndexRow {
  readonly table_name: string;
  readonly name: string;
  readonly unique: boolean;
  /** Access method (`pg_am.amname`). */
  readonly method: string;
  /** `pg_get_indexdef(indexrelid, k, false)` for each key column k, in order. */
  readonly keys: readonly string[];
  /** `pg_get_expr(indpred, indrelid)`, or null for an index that is not partial. */
  readonly predicate: string | null;
}

/**
 * Indexes of every table in scope that do not back a primary key, unique or exclusion
 * constraint (those are reported as constraints).
 *
 * Each key is printed by `pg_get_indexdef(index, k, false)` as an index element, ready to go
 * between the parentheses of `CREATE INDEX`: a column as its name (quoted only when needed), a
 * function call as is (`lower(name)`), any other expression in parentheses (`((a + b))`).
 * The non-pretty form is used, as for every other expression here and as pg_dump does, because
 * Postgres promises that it reads back the same way. Only key columns are read (`indnkeyatts`),
 * not `INCLUDE` columns; operator classes, collations and `DESC` / `NULLS FIRST` are not part of
 * the state. The predicate of a partial index is `pg_get_expr(indpred, indrelid)`.
 */
export const INDEXES_QUERY = `
SELECT
  c.relname AS table_name,
  ic.relname AS name,
  i.indisunique AS unique,
  am.amname AS method,
  (SELECT pg_catalog.json_agg(pg_catalog.pg_get_indexdef(i.indexrelid, k, false) ORDER BY k)
     FROM pg_catalog.generate_series(1, i.indnkeyatts::integer) AS k) AS keys,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_index i ON i.indrelid = c.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE ${TABLES_IN_SCOPE}
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_constraint con
    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
  )`;

/**
 * Reads the indexes of every table of one schema, grouped by table name and sorted by name.
 *
 * @example
 * const indexes = await readIndexes(tx, { schema: 'asia', excludedTables: [] });
 * indexes.get('countries')
 * // => [{ name: 'countries_tags_idx', unique: false, method: 'gin', keys: ['tags'], where: null }]
 */
export async function readIndexes(db: Queryable, scope: CatalogScope): Promise<Map<string, IndexState[]>> {
  const { rows } = await db.query<RawIndexRow>(INDEXES_QUERY, scopeParameters(scope));
  const groups = groupByTable(rows, parseIndexRow);
  for (const [table, indexes] of groups) groups.set(table, byName(indexes));
  return groups;
}

/**
 * Turns a catalog row into an {@link IndexState}.
 *
 * @example
 * parseIndexRow({ table_name: 't', name: 't_lower_idx', unique: false, method: 'btree',
 *   keys: ['lower(name)'], predicate: '(active = true)' })
 * // => { name: 't_lower_idx', unique: false, method: 'btree', keys: ['lower(name)'], where: '(active = true)' }
 */
export function parseIndexRow(row: RawIndexRow): IndexState {
  return { name: row.name, unique: row.unique, method: row.method, keys: row.keys, where: row.predicate };
}
