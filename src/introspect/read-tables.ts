import type { Queryable } from '../connection/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';

/** One row of {@link TABLES_QUERY}. */
export interface RawTableRow {
  readonly name: string;
  readonly comment: string | null;
}

/** A table of the schema with its comment; its parts are read by the other queries. */
export interface TableRecord {
  readonly name: string;
  readonly comment: string | null;
}

/** Tables in scope and their comments (`COMMENT ON TABLE`). One query for the whole schema. */
export const TABLES_QUERY = `
SELECT c.relname AS name, d.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE ${TABLES_IN_SCOPE}`;

/**
 * Reads the tables of one schema.
 *
 * @example
 * const tables = await readTables(tx, { schema: 'asia', excludedTables: [] });
 * // => [{ name: 'countries', comment: 'One row per country' }, ...]
 */
export async function readTables(db: Queryable, scope: CatalogScope): Promise<TableRecord[]> {
  const { rows } = await db.query<RawTableRow>(TABLES_QUERY, scopeParameters(scope));
  return rows.map(parseTableRow);
}

/**
 * Turns a catalog row into a {@link TableRecord}.
 *
 * @example
 * parseTableRow({ name: 'countries', comment: null }) // => { name: 'countries', comment: null }
 */
export function parseTableRow(row: RawTableRow): TableRecord {
  return { name: row.name, comment: row.comment };
}
