/**
 * Identifiers as Postgres prints them (`quote_identifier` in ruleutils.c): bare when they are a
 * lower-case word that is not a keyword needing quotes, double-quoted otherwise. `format_type`,
 * `pg_get_expr` and `pg_get_indexdef` print names this way, so the model's canonical state and the
 * comparison of printed expressions must too. SQL that worlddb sends always goes through
 * `quoteIdent` (src/sql/quote.ts) instead, which always quotes.
 */
import { quoteIdent } from './quote.js';

/**
 * Keywords that `quote_identifier` quotes: every keyword that is not unreserved
 * (`SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'`, PostgreSQL 18).
 */
const QUOTED_KEYWORDS: ReadonlySet<string> = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization',
  'between', 'bigint', 'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character',
  'check', 'coalesce', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create',
  'cross', 'current_catalog', 'current_date', 'current_role', 'current_schema', 'current_time',
  'current_timestamp', 'current_user', 'dec', 'decimal', 'default', 'deferrable', 'desc',
  'distinct', 'do', 'else', 'end', 'except', 'exists', 'extract', 'false', 'fetch', 'float', 'for',
  'foreign', 'freeze', 'from', 'full', 'grant', 'greatest', 'group', 'grouping', 'having', 'ilike',
  'in', 'initially', 'inner', 'inout', 'int', 'integer', 'intersect', 'interval', 'into', 'is',
  'isnull', 'join', 'json', 'json_array', 'json_arrayagg', 'json_exists', 'json_object',
  'json_objectagg', 'json_query', 'json_scalar', 'json_serialize', 'json_table', 'json_value',
  'lateral', 'leading', 'least', 'left', 'like', 'limit', 'localtime', 'localtimestamp',
  'merge_action', 'national', 'natural', 'nchar', 'none', 'normalize', 'not', 'notnull', 'null',
  'nullif', 'numeric', 'offset', 'on', 'only', 'or', 'order', 'out', 'outer', 'overlaps', 'overlay',
  'placing', 'position', 'precision', 'primary', 'real', 'references', 'returning', 'right', 'row',
  'select', 'session_user', 'setof', 'similar', 'smallint', 'some', 'substring', 'symmetric',
  'system_user', 'table', 'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'treat',
  'trim', 'true', 'union', 'unique', 'user', 'using', 'values', 'varchar', 'variadic', 'verbose',
  'when', 'where', 'window', 'with', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists',
  'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable',
]);

/**
 * An identifier as Postgres prints it.
 *
 * @example
 * printIdentifier('countries')  // => countries
 * printIdentifier('Countries')  // => "Countries"
 * printIdentifier('order')      // => "order"
 */
export function printIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !QUOTED_KEYWORDS.has(name) ? name : quoteIdent(name);
}

/** `schema.name`, each part printed by {@link printIdentifier}. */
export function printQualifiedIdentifier(schema: string, name: string): string {
  return `${printIdentifier(schema)}.${printIdentifier(name)}`;
}
