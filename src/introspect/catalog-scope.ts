/**
 * Which tables a catalog query looks at: the ordinary and partitioned tables of exactly one
 * schema, minus the excluded ones (version tables), minus partitions, minus tables that belong
 * to an extension.
 *
 * Every catalog query of src/introspect uses the same two parameters, so that the schema name
 * and the excluded names always travel as values (`$1`, `$2`) and never as SQL text.
 */

/** The schema to read and the table names of that schema to leave out. */
export interface CatalogScope {
  readonly schema: string;
  /** Names of tables of `schema` that introspection ignores (e.g. its version table). */
  readonly excludedTables: readonly string[];
}

/**
 * SQL condition selecting the tables in scope. It expects `pg_class` as `c` joined to
 * `pg_namespace` as `n`, the schema name as `$1` and the excluded table names as `$2` (text[]).
 *
 * Filtering on `n.nspname = $1` (and not on `search_path` visibility) is what keeps other
 * schemas out even when they hold tables of the same name. Relkind `r` and `p` are ordinary and
 * partitioned tables; views, materialized views, sequences, foreign tables and indexes are left
 * out. Partitions (`relispartition`) are left out too: the state has no notion of them, and
 * reporting one as an ordinary table would make autogenerate drop or re-create it as one; the
 * partitioned table itself is kept. Tables created by an extension (`pg_depend.deptype = 'e'`)
 * are not the schema's own.
 *
 * @example
 * const sql = `SELECT c.relname FROM pg_catalog.pg_class c
 *   JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ${TABLES_IN_SCOPE}`;
 * await db.query(sql, scopeParameters(scope));
 */
export const TABLES_IN_SCOPE = `n.nspname = $1
    AND c.relkind IN ('r', 'p')
    AND NOT c.relispartition
    AND c.relname <> ALL ($2::text[])
    AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend ext
      WHERE ext.classid = 'pg_catalog.pg_class'::regclass AND ext.objid = c.oid AND ext.deptype = 'e'
    )`;

/**
 * The parameters `$1` and `$2` of a query that uses {@link TABLES_IN_SCOPE}.
 *
 * @example
 * scopeParameters({ schema: 'asia', excludedTables: ['asia_migration_version'] })
 * // => ['asia', ['asia_migration_version']]
 */
export function scopeParameters(scope: CatalogScope): [string, string[]] {
  return [scope.schema, [...scope.excludedTables]];
}

/**
 * SQL condition leaving out objects created by an extension (`pg_depend.deptype = 'e'`): `catalog`
 * is the catalog holding the object (`pg_class`, `pg_type`, `pg_proc`), `oid` its oid column.
 *
 * @example
 * `WHERE n.nspname = $1 AND ${notOfExtension('pg_proc', 'p.oid')}`
 */
export function notOfExtension(catalog: 'pg_class' | 'pg_type' | 'pg_proc', oid: string): string {
  return `NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend ext
    WHERE ext.classid = 'pg_catalog.${catalog}'::regclass AND ext.objid = ${oid} AND ext.deptype = 'e'
  )`;
}
