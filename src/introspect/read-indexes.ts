import { lexSql } from '../sql/lexer.js';
import type { Queryable } from '../connection/types.js';
import type { IndexState } from '../schema/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';
import { sortByName } from '../schema/compare-names.js';
import { groupByTable } from './group-by-table.js';

/** One row of {@link INDEXES_QUERY}. */
export interface RawIndexRow {
  readonly table_name: string;
  readonly name: string;
  readonly unique: boolean;
  /** Access method (`pg_am.amname`). */
  readonly method: string;
  /** `pg_get_indexdef(indexrelid)`: the whole `CREATE INDEX` statement. */
  readonly definition: string;
  /** `indnkeyatts`: the number of key columns (not counting `INCLUDE` columns). */
  readonly key_count: number;
  /** `pg_get_expr(indpred, indrelid)`, or null for an index that is not partial. */
  readonly predicate: string | null;
  /** The `INCLUDE` columns (`pg_get_indexdef(indexrelid, k, false)` past the keys), in order. */
  readonly include: readonly string[];
  /** The index's `reloptions` (`fillfactor=70`), or null. */
  readonly options: readonly string[] | null;
  /** `indnullsnotdistinct`. */
  readonly nulls_not_distinct: boolean;
}

/**
 * Indexes of every table in scope that do not back a primary key, unique or exclusion
 * constraint (those are reported as constraints).
 *
 * The keys are taken from the key list of `pg_get_indexdef(indexrelid)` (see
 * {@link indexKeys}), where each one is printed as a whole index element, ready to go between the
 * parentheses of `CREATE INDEX`: a column as its name (quoted only when needed), a function call
 * as is (`lower(name)`), any other expression in parentheses (`((a + b))`), each followed by what
 * is not the default: a collation, an operator class (with its parameters), `DESC`, `NULLS
 * FIRST` / `NULLS LAST` (`name COLLATE "C" text_pattern_ops DESC`). The per-column form
 * `pg_get_indexdef(indexrelid, k, false)` leaves all of these out. The non-pretty form is used,
 * as for every other expression here and as pg_dump does, because Postgres promises that it reads
 * back the same way. Only key columns are kept (`indnkeyatts`); the `INCLUDE` columns are read
 * one by one past them. The predicate of a partial index is `pg_get_expr(indpred, indrelid)`;
 * storage parameters are the index's `reloptions`.
 */
export const INDEXES_QUERY = `
SELECT
  c.relname AS table_name,
  ic.relname AS name,
  i.indisunique AS unique,
  am.amname AS method,
  pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
  i.indnkeyatts::integer AS key_count,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
  ARRAY(
    SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false)
    FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k
  ) AS include,
  ic.reloptions AS options,
  i.indnullsnotdistinct AS nulls_not_distinct
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_index i ON i.indrelid = c.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE ${TABLES_IN_SCOPE}
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_constraint con
    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
  )`;

/**
 * Reads the indexes of every table of one schema, grouped by table name and sorted by name.
 *
 * @example
 * const indexes = await readIndexes(tx, { schema: 'asia', excludedTables: [] });
 * indexes.get('countries')
 * // => [{ name: 'countries_tags_idx', unique: false, method: 'gin', keys: ['tags'], where: null }]
 */
export async function readIndexes(db: Queryable, scope: CatalogScope): Promise<Map<string, IndexState[]>> {
  const { rows } = await db.query<RawIndexRow>(INDEXES_QUERY, scopeParameters(scope));
  const groups = groupByTable(rows, parseIndexRow);
  for (const [table, indexes] of groups) groups.set(table, sortByName(indexes));
  return groups;
}

/**
 * The elements of the key list of an index definition as `pg_get_indexdef` prints it: the
 * parenthesised list after `USING <method>`, split at its top-level commas. `INCLUDE (...)`,
 * `NULLS NOT DISTINCT`, `WITH (...)` and `WHERE ...` come after that list and are not part of it.
 * Everything before the list (index and table names) is an identifier, quoted whenever it holds
 * anything but letters, digits and `_`, so the first `(` outside quotes opens the list. Inside,
 * string literals and quoted identifiers are whole tokens of the shared SQL lexer, and commas
 * inside parentheses belong to their element.
 *
 * @throws Error when the text has no complete key list.
 * @example
 * indexKeys("CREATE INDEX t_idx ON s.t USING btree (name DESC, COALESCE(a, 'x,)'::text)) INCLUDE (b) WHERE (b > 0)")
 * // => ['name DESC', "COALESCE(a, 'x,)'::text)"]
 */
export function indexKeys(definition: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let start = -1;
  for (const token of lexSql(definition)) {
    if (token.kind === 'open') {
      depth += 1;
      if (depth === 1 && start < 0) start = token.end;
    } else if (start >= 0 && depth === 1 && (token.text === ',' || token.kind === 'close')) {
      keys.push(definition.slice(start, token.start).trim());
      if (token.kind === 'close') return keys;
      start = token.end;
    } else if (token.kind === 'close') {
      depth -= 1;
    }
  }
  throw new Error(`no key list in the index definition ${JSON.stringify(definition)}`);
}

/**
 * Turns a catalog row into an {@link IndexState}.
 *
 * @throws Error when the definition does not hold `key_count` keys.
 * @example
 * parseIndexRow({ table_name: 't', name: 't_lower_idx', unique: false, method: 'btree',
 *   definition: 'CREATE INDEX t_lower_idx ON s.t USING btree (lower(name) DESC) WHERE (active = true)',
 *   key_count: 1, predicate: '(active = true)' })
 * // => { name: 't_lower_idx', unique: false, method: 'btree', keys: ['lower(name) DESC'], where: '(active = true)' }
 */
export function parseIndexRow(row: RawIndexRow): IndexState {
  const keys = indexKeys(row.definition);
  if (keys.length !== row.key_count) {
    throw new Error(`index ${row.table_name}.${row.name}: ${keys.length} keys read from ${JSON.stringify(row.definition)}, ${row.key_count} expected`);
  }
  const index: IndexState = { name: row.name, unique: row.unique, method: row.method, keys, where: row.predicate };
  return {
    ...index,
    ...(row.include.length === 0 ? {} : { include: [...row.include] }),
    ...(row.options === null || row.options.length === 0 ? {} : { with: [...row.options].sort() }),
    ...(row.nulls_not_distinct ? { nullsNotDistinct: true as const } : {}),
  };
}
