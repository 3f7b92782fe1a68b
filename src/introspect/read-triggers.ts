import type { Queryable } from '../connection/types.js';
import type { TriggerState } from '../schema/object-types.js';
import { sortByName } from '../schema/compare-names.js';
import { type CatalogScope, scopeParameters } from './catalog-scope.js';

/** One row of {@link TRIGGERS_QUERY}. */
export interface RawTriggerRow {
  readonly table_name: string;
  readonly name: string;
  readonly definition: string;
}

/**
 * User triggers on the tables and views of one schema (`$1`), with `pg_get_triggerdef(oid, true)`
 * (the pretty form names the table unqualified when `search_path` finds it). Left out: internal
 * triggers (foreign keys), triggers cloned onto partitions, triggers of excluded tables (`$2`).
 */
export const TRIGGERS_QUERY = `
SELECT
  c.relname AS table_name,
  t.tgname AS name,
  pg_catalog.pg_get_triggerdef(t.oid, true) AS definition
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1
  AND NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relname <> ALL ($2::text[])`;

/**
 * Reads the triggers of one schema, keyed `table.trigger` and sorted by that key.
 *
 * @example
 * await readTriggers(tx, { schema: 'film', excludedTables: [] })
 * // => [{ name: 'actor.last_updated', table: 'actor', triggerName: 'last_updated', definition: 'CREATE TRIGGER last_updated BEFORE UPDATE ON actor ...' }]
 */
export async function readTriggers(db: Queryable, scope: CatalogScope): Promise<TriggerState[]> {
  const { rows } = await db.query<RawTriggerRow>(TRIGGERS_QUERY, scopeParameters(scope));
  return sortByName(
    rows.map((row): TriggerState => ({
      name: `${row.table_name}.${row.name}`,
      table: row.table_name,
      triggerName: row.name,
      definition: row.definition,
    })),
  );
}
