import type { Queryable } from '../connection/types.js';
import type { ExtensionState } from '../schema/object-types.js';
import { sortByName } from '../schema/compare-names.js';

/**
 * The extensions installed in one schema (`$1`), or, with `$1` null, in any schema, with the
 * schema holding their objects. An extension belongs to the database: autogenerate creates one
 * a model needs when it is installed nowhere, and only offers to drop those of the schema itself.
 */
export const EXTENSIONS_QUERY = `
SELECT e.extname AS name, n.nspname AS schema
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE $1::text IS NULL OR n.nspname = $1`;

/**
 * Reads the extensions installed in `schema` (or, with null, in the whole database), sorted by name.
 *
 * @example
 * await readExtensions(tx, null) // => [{ name: 'plpgsql', schema: 'pg_catalog' }]
 */
export async function readExtensions(db: Queryable, schema: string | null): Promise<ExtensionState[]> {
  const { rows } = await db.query<ExtensionState>(EXTENSIONS_QUERY, [schema]);
  return sortByName(rows.map((row) => ({ name: row.name, schema: row.schema })));
}
