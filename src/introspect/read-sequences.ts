import type { Queryable } from '../connection/types.js';
import type { SequenceState } from '../schema/object-types.js';
import { sortByName } from '../schema/compare-names.js';
import { type CatalogScope, scopeParameters } from './catalog-scope.js';

/** One row of {@link SEQUENCES_QUERY}. */
export interface RawSequenceRow {
  readonly name: string;
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min_value: string;
  readonly max_value: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly owner_table: string | null;
  readonly owner_column: string | null;
}

/**
 * Free-standing sequences of one schema (`$1`) with their options and owning column. Left out:
 * identity sequences (`deptype 'i'`, part of their column), sequences of an extension, and
 * sequences owned by an excluded table (`$2`, the version table).
 */
export const SEQUENCES_QUERY = `
SELECT
  c.relname AS name,
  pg_catalog.format_type(s.seqtypid, NULL) AS type,
  s.seqstart::text AS start,
  s.seqincrement::text AS increment,
  s.seqmin::text AS min_value,
  s.seqmax::text AS max_value,
  s.seqcache::text AS cache,
  s.seqcycle AS cycle,
  oc.relname AS owner_table,
  oa.attname AS owner_column
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend d
  ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'
LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
WHERE n.nspname = $1
  AND c.relkind = 'S'
  AND (oc.relname IS NULL OR oc.relname <> ALL ($2::text[]))
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend x
    WHERE x.classid = 'pg_catalog.pg_class'::regclass AND x.objid = c.oid AND x.deptype IN ('i', 'e')
  )`;

/**
 * Reads the free-standing sequences of one schema, sorted by name.
 *
 * @example
 * await readSequences(tx, { schema: 'film', excludedTables: [] })
 * // => [{ name: 'actor_actor_id_seq', type: 'integer', start: '1', ..., ownedBy: { table: 'actor', column: 'actor_id' } }]
 */
export async function readSequences(db: Queryable, scope: CatalogScope): Promise<SequenceState[]> {
  const { rows } = await db.query<RawSequenceRow>(SEQUENCES_QUERY, scopeParameters(scope));
  return sortByName(rows.map(parseSequenceRow));
}

/** Turns a catalog row into a {@link SequenceState}. */
export function parseSequenceRow(row: RawSequenceRow): SequenceState {
  return {
    name: row.name,
    type: row.type,
    start: row.start,
    increment: row.increment,
    minValue: row.min_value,
    maxValue: row.max_value,
    cache: row.cache,
    cycle: row.cycle,
    ownedBy: row.owner_table === null || row.owner_column === null ? null : { table: row.owner_table, column: row.owner_column },
  };
}
