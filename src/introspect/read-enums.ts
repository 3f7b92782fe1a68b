import type { Queryable } from '../connection/types.js';
import type { EnumState } from '../schema/types.js';
import { sortByName } from '../schema/compare-names.js';

/** One row of {@link ENUMS_QUERY}. */
export interface RawEnumRow {
  readonly name: string;
  /** Labels ordered by `enumsortorder`. */
  readonly labels: readonly string[];
}

/**
 * Enum types of one schema (`$1`) with their labels in sort order. An enum without labels is
 * kept, with an empty list. Enums created by an extension are left out.
 */
export const ENUMS_QUERY = `
SELECT
  t.typname AS name,
  COALESCE(
    pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL),
    '[]'::json
  ) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = $1
  AND t.typtype = 'e'
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend ext
    WHERE ext.classid = 'pg_catalog.pg_type'::regclass AND ext.objid = t.oid AND ext.deptype = 'e'
  )
GROUP BY t.typname`;

/**
 * Reads the enum types of one schema, sorted by name.
 *
 * @example
 * await readEnums(tx, 'asia')
 * // => [{ name: 'continent', values: ['Asia', 'Europe'] }]
 */
export async function readEnums(db: Queryable, schema: string): Promise<EnumState[]> {
  const { rows } = await db.query<RawEnumRow>(ENUMS_QUERY, [schema]);
  return sortByName(rows.map(parseEnumRow));
}

/**
 * Turns a catalog row into an {@link EnumState}.
 *
 * @example
 * parseEnumRow({ name: 'continent', labels: ['Asia', 'Europe'] })
 * // => { name: 'continent', values: ['Asia', 'Europe'] }
 */
export function parseEnumRow(row: RawEnumRow): EnumState {
  return { name: row.name, values: row.labels };
}
