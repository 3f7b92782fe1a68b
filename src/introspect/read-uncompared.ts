/**
 * What a schema holds that worlddb does not compare: kinds of objects the model cannot describe
 * yet, which `check` would otherwise call "clean" without looking at. One entry per kind, each one
 * catalog query taking the schema's name as `$1` and returning `name` (and `detail`); all entries
 * run as ONE query (a `UNION ALL`). When a kind becomes part of the model, delete its entry.
 *
 * Objects that belong to an extension (`pg_depend.deptype = 'e'`) are left out (extensions are
 * modelled). Views, functions, triggers, sequences, domains, extensions, UNLOGGED tables, row level
 * security and policies had entries here until they were modelled.
 */
import type { Queryable } from '../connection/types.js';

/** One object of the schema that `check` does not compare. */
export interface UncomparedObject {
  /** The kind, as said to the user: `partition`, `type`, `statistics object`, ... */
  readonly kind: string;
  /** Its name within the schema (`table.trigger` for what belongs to a table; functions with their argument types). */
  readonly name: string;
  /** More about it, or null (`of events`, `FOR SELECT`, ...). */
  readonly detail: string | null;
}

/** `NOT <an extension's member>` for an object of `catalog` whose oid is `oid`. */
const notFromExtension = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/** Relations of the schema of the given relkinds, not from an extension. */
const relations = (kinds: string, extra = 'true', detail = 'NULL::text'): string =>
  `SELECT c.relname::text AS name, ${detail} AS detail
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind IN (${kinds}) AND ${extra} AND ${notFromExtension('pg_catalog.pg_class', 'c.oid')}`;

/** The entries: kind → query (`name`, `detail`; `$1` is the schema). Delete an entry once its kind is modelled. */
export const UNCOMPARED_KINDS: Readonly<Record<string, string>> = {
  'foreign table': relations(`'f'`),
  'partitioned table': relations(`'p'`, 'true', `'PARTITION BY ' || pg_catalog.pg_get_partkeydef(c.oid)`),
  partition: relations(
    `'r', 'p'`,
    'c.relispartition',
    `'of ' || (SELECT pc.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent WHERE i.inhrelid = c.oid LIMIT 1) || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid)`,
  ),
  // Functions and procedures are modelled; aggregates and window functions are not.
  aggregate: `SELECT p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS name,
                     CASE p.prokind WHEN 'w' THEN 'window function' ELSE NULL END AS detail
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = $1 AND p.prokind IN ('a', 'w') AND ${notFromExtension('pg_catalog.pg_proc', 'p.oid')}`,
  'statistics object': `SELECT s.stxname::text AS name, NULL::text AS detail
                          FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
                         WHERE n.nspname = $1`,
  // Composite types of their own (not a table's row type), range and base types.
  type: `SELECT t.typname::text AS name, CASE t.typtype WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range' WHEN 'm' THEN 'multirange' ELSE 'base' END AS detail
           FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = $1 AND t.typtype IN ('c', 'r', 'm', 'b') AND t.typelem = 0
            AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')
            AND ${notFromExtension('pg_catalog.pg_type', 't.oid')}`,
};

/** The one query of {@link readUncompared}: every entry, tagged with its kind. */
function uncomparedSql(kinds: Readonly<Record<string, string>>): string {
  const parts = Object.entries(kinds).map(
    ([kind, sql], i) => `SELECT '${kind.replaceAll("'", "''")}'::text AS kind, name::text AS name, detail::text AS detail FROM (${sql}) AS k${i}`,
  );
  return `SELECT kind, name, detail FROM (\n${parts.join('\nUNION ALL\n')}\n) AS uncompared ORDER BY kind, name COLLATE "C"`;
}

/**
 * The objects of `schema` that worlddb does not compare, sorted by kind and name. One query.
 *
 * @example
 * await readUncompared(session, 'asia')
 * // => [{ kind: 'partitioned table', name: 'events', detail: 'PARTITION BY RANGE (at)' }, { kind: 'type', name: 'pair', detail: 'composite' }]
 */
export async function readUncompared(session: Queryable, schema: string): Promise<UncomparedObject[]> {
  const { rows } = await session.query<{ kind: string; name: string; detail: string | null }>(uncomparedSql(UNCOMPARED_KINDS), [schema]);
  return rows.map((row) => ({ kind: row.kind, name: row.name, detail: row.detail }));
}
