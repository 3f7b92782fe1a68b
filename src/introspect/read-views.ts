import type { Queryable } from '../connection/types.js';
import { notOfExtension } from './catalog-scope.js';
import type { ViewState } from '../schema/object-types.js';
import { sortByName } from '../schema/compare-names.js';
import { parseIndexRow, type RawIndexRow } from './read-indexes.js';

/** One row of {@link VIEWS_QUERY}. */
export interface RawViewRow {
  readonly name: string;
  readonly materialized: boolean;
  readonly definition: string;
  /** Indexes of a materialized view, as {@link RawIndexRow}s without `table_name`. */
  readonly indexes: readonly Omit<RawIndexRow, 'table_name'>[];
}

/**
 * Views and materialized views of one schema (`$1`), each with its query as
 * `pg_get_viewdef(oid, true)` prints it, and, for a materialized view, its indexes (read as the
 * indexes of tables are, see read-indexes.ts) in the same query. Views of an extension are left out.
 */
export const VIEWS_QUERY = `
SELECT
  c.relname AS name,
  c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
  COALESCE((
    SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'name', ic.relname,
      'unique', i.indisunique,
      'method', am.amname,
      'definition', pg_catalog.pg_get_indexdef(i.indexrelid),
      'key_count', i.indnkeyatts,
      'predicate', pg_catalog.pg_get_expr(i.indpred, i.indrelid),
      'include', ARRAY(
        SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false)
        FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k
      ),
      'options', ic.reloptions,
      'nulls_not_distinct', i.indnullsnotdistinct))
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = c.oid
  ), '[]'::json) AS indexes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1
  AND c.relkind IN ('v', 'm')
  AND ${notOfExtension('pg_class', 'c.oid')}`;

/** A view's query as the state holds it: `pg_get_viewdef` without the trailing `;` and blanks. */
export function viewQueryText(definition: string): string {
  return definition.trim().replace(/;$/, '').trimEnd();
}

/**
 * Reads the views and materialized views of one schema, sorted by name.
 *
 * @example
 * await readViews(tx, 'film')
 * // => [{ name: 'film_list', materialized: false, definition: ' SELECT film.film_id ...', indexes: [] }]
 */
export async function readViews(db: Queryable, schema: string): Promise<ViewState[]> {
  const { rows } = await db.query<RawViewRow>(VIEWS_QUERY, [schema]);
  return sortByName(
    rows.map((row): ViewState => ({
      name: row.name,
      materialized: row.materialized,
      definition: viewQueryText(row.definition),
      indexes: sortByName(row.indexes.map((ix) => parseIndexRow({ ...ix, table_name: row.name }))),
    })),
  );
}
