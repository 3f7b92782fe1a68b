/**
 * Objects that depend on a column of a schema's tables and that worlddb does not model (extended
 * statistics) or does not re-create (a sequence owned by the column), read from `pg_depend`: both
 * are dropped with the column, silently. A migration that changes such a column's type, or drops it or its table, fails
 * on them (or, for an owned sequence, drops it silently): autogenerate and `check` warn about them
 * ({@link dependentWarnings} in ops/dependent-warnings.ts). When a kind becomes modelled (dropped
 * and re-created around the change), delete it from {@link DEPENDENT_CATALOGS}.
 */
import type { Queryable } from '../connection/types.js';

/** One object that depends on one column. */
export interface ColumnDependent {
  readonly table: string;
  readonly column: string;
  /** What depends on it, as Postgres describes it (`statistics object asia.st`, `sequence asia.t_id_seq`). */
  readonly dependent: string;
  /** True when Postgres drops it with the column (`pg_depend.deptype = 'a'`); otherwise dropping or retyping the column fails. */
  readonly auto: boolean;
}

/** The catalogs whose objects are reported (the kinds worlddb does not model). */
export const DEPENDENT_CATALOGS: readonly string[] = ['pg_statistic_ext', 'pg_class'];

/**
 * Every column of `schema`'s tables that an unmodelled object depends on. One query.
 *
 * @example
 * await readColumnDependents(session, 'asia')
 * // => [{ table: 'countries', column: 'population', dependent: 'statistics object asia.st', auto: true }]
 */
export async function readColumnDependents(session: Queryable, schema: string): Promise<ColumnDependent[]> {
  const { rows } = await session.query<{ table_name: string; column_name: string; dependent: string; auto: boolean }>(
    `SELECT DISTINCT t.relname::text AS table_name, a.attname::text AS column_name,
            pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) AS dependent, d.deptype = 'a' AS auto
       FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_class t ON d.refclassid = 'pg_catalog.pg_class'::regclass AND t.oid = d.refobjid
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE n.nspname = $1 AND d.refobjsubid > 0 AND d.deptype IN ('n', 'a') AND t.relkind IN ('r', 'p')
        AND d.classid IN (SELECT oid FROM pg_catalog.pg_class WHERE relname = ANY($2::text[]) AND relnamespace = 'pg_catalog'::regnamespace)
        -- a table's own objects are not dependents: only sequences (owned, not identity) among pg_class
        AND (d.classid <> 'pg_catalog.pg_class'::regclass
             OR (d.deptype = 'a' AND (SELECT s.relkind FROM pg_catalog.pg_class s WHERE s.oid = d.objid) = 'S'))
      ORDER BY 1, 2, 3`,
    [schema, DEPENDENT_CATALOGS],
  );
  return rows.map((row) => ({ table: row.table_name, column: row.column_name, dependent: row.dependent, auto: row.auto }));
}
