import type { Queryable } from '../connection/types.js';
import { compareNames } from '../schema/compare-names.js';

interface RawSchemaRow {
  readonly name: string;
}

/**
 * Schemas a user can have created: everything except `pg_catalog`, `information_schema` and
 * the `pg_toast` / `pg_temp_N` / `pg_toast_temp_N` schemas of the server.
 */
const SCHEMAS_QUERY = `
SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;

const SCHEMA_EXISTS_QUERY = `SELECT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = $1) AS exists`;

/**
 * Lists the schemas of the database, without the system ones, sorted by name.
 *
 * @example
 * await listSchemas(session) // => ['asia', 'europe', 'public']
 */
export async function listSchemas(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<RawSchemaRow>(SCHEMAS_QUERY);
  return rows.map((row) => row.name).sort(compareNames);
}

/**
 * Whether a schema of exactly this name (case and all) exists.
 *
 * @example
 * await schemaExists(session, 'asia') // => true
 * await schemaExists(session, 'Asia') // => false, unless a schema "Asia" was created
 */
export async function schemaExists(db: Queryable, schema: string): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(SCHEMA_EXISTS_QUERY, [schema]);
  return rows[0]?.exists === true;
}
