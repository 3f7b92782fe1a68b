/**
 * Identifiers as Postgres prints them (`quote_identifier` in ruleutils.c): bare when they are a
 * lower-case word that is not a keyword needing quotes, double-quoted otherwise. `format_type`
 * and `pg_get_indexdef` print names this way, so the model must too.
 */

/**
 * Keywords of every category except UNRESERVED_KEYWORD (reserved, type/function name and column
 * name keywords), from Postgres' `src/include/parser/kwlist.h` (17/18). `quote_identifier`
 * quotes exactly these.
 */
const KEYWORDS_NEEDING_QUOTES: ReadonlySet<string> = new Set([
  // reserved
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case',
  'cast', 'check', 'collate', 'column', 'constraint', 'create', 'current_catalog', 'current_date',
  'current_role', 'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable',
  'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'from',
  'grant', 'group', 'having', 'in', 'initially', 'intersect', 'into', 'lateral', 'leading', 'limit',
  'localtime', 'localtimestamp', 'not', 'null', 'offset', 'on', 'only', 'or', 'order', 'placing',
  'primary', 'references', 'returning', 'select', 'session_user', 'some', 'symmetric',
  'system_user', 'table', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using',
  'variadic', 'when', 'where', 'window', 'with',
  // type or function names
  'authorization', 'binary', 'collation', 'concurrently', 'cross', 'current_schema', 'freeze',
  'full', 'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'natural', 'notnull', 'outer',
  'overlaps', 'right', 'similar', 'tablesample', 'verbose',
  // column names
  'between', 'bigint', 'bit', 'boolean', 'char', 'character', 'coalesce', 'dec', 'decimal',
  'exists', 'extract', 'float', 'greatest', 'grouping', 'inout', 'int', 'integer', 'interval',
  'json', 'json_array', 'json_arrayagg', 'json_exists', 'json_object', 'json_objectagg',
  'json_query', 'json_scalar', 'json_serialize', 'json_table', 'json_value', 'least',
  'merge_action', 'national', 'nchar', 'none', 'normalize', 'nullif', 'numeric', 'out', 'overlay',
  'position', 'precision', 'real', 'row', 'setof', 'smallint', 'substring', 'time', 'timestamp',
  'treat', 'trim', 'values', 'varchar', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists',
  'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable',
]);

/**
 * Quotes an identifier only when Postgres would (the `quote_identifier` rule). For SQL that
 * worlddb sends, use `quoteIdent` from `src/sql/quote.ts`, which always quotes.
 *
 * @example
 * printIdentifier('countries')  // => countries
 * printIdentifier('Countries')  // => "Countries"
 * printIdentifier('order')      // => "order"
 */
export function printIdentifier(name: string): string {
  const plain = /^[a-z_][a-z0-9_]*$/.test(name) && !KEYWORDS_NEEDING_QUOTES.has(name);
  return plain ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name`, each part printed by {@link printIdentifier}. */
export function printQualifiedIdentifier(schema: string, name: string): string {
  return `${printIdentifier(schema)}.${printIdentifier(name)}`;
}
