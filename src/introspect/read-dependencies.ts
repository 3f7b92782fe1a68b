import type { Queryable } from '../connection/types.js';
import type { DependencyState } from '../schema/object-types.js';
import { compareNames } from '../schema/compare-names.js';

/** One row of {@link DEPENDENCIES_QUERY}. */
export interface RawDependencyRow {
  readonly schema: string;
  readonly kind: 'view' | 'trigger';
  readonly name: string;
  readonly table_name: string;
  readonly column_name: string | null;
}

/**
 * What uses the relations and columns of one schema (`$1`), from `pg_depend`, in one query:
 * views and materialized views of any schema (through their rewrite rule; a column when the view
 * reads it, the relation as a whole otherwise), and triggers that name columns (`UPDATE OF`, or
 * in `WHEN`). A view's dependency on itself is left out.
 */
export const DEPENDENCIES_QUERY = `
SELECT DISTINCT dn.nspname AS schema, 'view' AS kind, dv.relname AS name, t.relname AS table_name, a.attname AS column_name
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND r.oid = d.objid
JOIN pg_catalog.pg_class dv ON dv.oid = r.ev_class
JOIN pg_catalog.pg_namespace dn ON dn.oid = dv.relnamespace
JOIN pg_catalog.pg_class t ON d.refclassid = 'pg_catalog.pg_class'::regclass AND t.oid = d.refobjid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
WHERE tn.nspname = $1 AND dv.oid <> t.oid AND t.relkind IN ('r', 'p', 'v', 'm')
UNION
SELECT DISTINCT n.nspname, 'trigger', c.relname || '.' || tg.tgname, t.relname, a.attname
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_trigger tg ON d.classid = 'pg_catalog.pg_trigger'::regclass AND tg.oid = d.objid
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class t ON d.refclassid = 'pg_catalog.pg_class'::regclass AND t.oid = d.refobjid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE tn.nspname = $1 AND NOT tg.tgisinternal AND d.refobjsubid > 0`;

/**
 * Reads what depends on the relations and columns of one schema, sorted.
 *
 * @example
 * await readDependencies(tx, 'film')
 * // => [{ schema: 'film', kind: 'view', name: 'film_list', table: 'film', column: 'title' }, ...]
 */
export async function readDependencies(db: Queryable, schema: string): Promise<DependencyState[]> {
  const { rows } = await db.query<RawDependencyRow>(DEPENDENCIES_QUERY, [schema]);
  return rows
    .map((row): DependencyState => ({ schema: row.schema, kind: row.kind, name: row.name, table: row.table_name, column: row.column_name }))
    .sort(
      (a, b) =>
        compareNames(a.schema, b.schema) ||
        compareNames(a.kind, b.kind) ||
        compareNames(a.name, b.name) ||
        compareNames(a.table, b.table) ||
        compareNames(a.column ?? '', b.column ?? ''),
    );
}
