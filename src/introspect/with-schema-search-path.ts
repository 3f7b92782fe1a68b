import type { Queryable } from '../connection/types.js';
import { quoteIdent } from '../sql/quote.js';

interface RawSearchPathRow {
  readonly previous: string;
}

/**
 * Saves `search_path` and sets it to the given schemas, in one round trip. The sub-select with
 * `OFFSET 0` is not flattened into the outer query, so the old value is read before
 * `set_config` changes it.
 */
const SET_SEARCH_PATH = `
SELECT saved.previous, pg_catalog.set_config('search_path', $1, false)
FROM (SELECT pg_catalog.current_setting('search_path') AS previous OFFSET 0) AS saved`;

const RESTORE_SEARCH_PATH = `SELECT pg_catalog.set_config('search_path', $1, false)`;

/**
 * Runs `fn` with `search_path` set to `schema` alone (or to the schemas of a list, in order), then
 * puts the previous value back.
 *
 * This is what makes Postgres print names the way the schema state wants them:
 * `format_type`, `pg_get_expr`, `pg_get_indexdef` qualify a type, table, sequence or function
 * only when it is not visible through `search_path`, so objects of `schema` come out unqualified
 * (`continent`, `nextval('t_id_seq'::regclass)`) and those of other schemas qualified
 * (`public.currency`). `pg_catalog` is always searched first even when it is not listed, so
 * built-in types and functions keep their plain names (`integer`, `now()`).
 *
 * The setting is a session setting restored afterwards rather than `SET LOCAL`, so it works both
 * on a session outside a transaction and inside a caller's transaction (where an error rolls the
 * setting back with everything else). It only decides how names are printed; which objects are
 * read is always decided by an explicit schema name. Do not run other queries on the same
 * session concurrently with `fn`.
 *
 * @example
 * const types = await withSchemaSearchPath(tx, 'asia', () =>
 *   tx.query("SELECT format_type('asia.continent'::regtype, NULL) AS t"));
 * // => rows [{ t: 'continent' }]
 */
export async function withSchemaSearchPath<T>(db: Queryable, schema: string | readonly string[], fn: () => Promise<T>): Promise<T> {
  const path = (typeof schema === 'string' ? [schema] : schema).map(quoteIdent).join(', ');
  const { rows } = await db.query<RawSearchPathRow>(SET_SEARCH_PATH, [path]);
  const previous = rows[0]?.previous ?? '';
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    // In an aborted transaction the restore fails too; the rollback undoes the setting anyway.
    await db.query(RESTORE_SEARCH_PATH, [previous]).catch(() => undefined);
    throw error;
  }
  await db.query(RESTORE_SEARCH_PATH, [previous]);
  return result;
}
