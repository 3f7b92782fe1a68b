import type { Queryable } from '../connection/types.js';
import { notOfExtension } from './catalog-scope.js';
import type { FunctionState } from '../schema/object-types.js';
import { sortByName } from '../schema/compare-names.js';

/** One row of {@link FUNCTIONS_QUERY}. */
export interface RawFunctionRow {
  readonly function_name: string;
  readonly kind: 'function' | 'procedure';
  readonly identity_arguments: string;
  readonly result: string | null;
  readonly definition: string;
  /** `quote_ident(nspname)`: how `pg_get_functiondef` qualifies the function's name. */
  readonly quoted_schema: string;
}

/**
 * Functions and procedures of one schema (`$1`), each with `pg_get_functiondef`. Aggregates and
 * window functions (which `pg_get_functiondef` cannot print) and functions of an extension are
 * left out.
 */
export const FUNCTIONS_QUERY = `
SELECT
  p.proname AS function_name,
  CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
  CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
  pg_catalog.pg_get_functiondef(p.oid) AS definition,
  pg_catalog.quote_ident(n.nspname) AS quoted_schema
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = $1
  AND p.prokind IN ('f', 'p')
  AND ${notOfExtension('pg_proc', 'p.oid')}`;

/**
 * `pg_get_functiondef` without the schema before the function's own name (it always writes
 * `CREATE OR REPLACE FUNCTION "schema".name(`), and without trailing blanks: the text then
 * creates the function in whatever schema `search_path` starts with.
 *
 * @example
 * unqualifiedFunctionDef('CREATE OR REPLACE FUNCTION film.f()\n RETURNS integer ...', 'film')
 * // => 'CREATE OR REPLACE FUNCTION f()\n RETURNS integer ...'
 */
export function unqualifiedFunctionDef(definition: string, quotedSchema: string): string {
  const text = definition.trimEnd();
  const match = /^CREATE OR REPLACE (FUNCTION|PROCEDURE) /.exec(text);
  if (match === null || !text.startsWith(`${quotedSchema}.`, match[0].length)) return text;
  return text.slice(0, match[0].length) + text.slice(match[0].length + quotedSchema.length + 1);
}

/**
 * Reads the functions and procedures of one schema, sorted by `name(identity arguments)`.
 *
 * @example
 * await readFunctions(tx, 'film')
 * // => [{ name: 'last_updated()', functionName: 'last_updated', kind: 'function', identityArguments: '', result: 'trigger', definition: 'CREATE OR REPLACE FUNCTION last_updated() ...' }]
 */
export async function readFunctions(db: Queryable, schema: string): Promise<FunctionState[]> {
  const { rows } = await db.query<RawFunctionRow>(FUNCTIONS_QUERY, [schema]);
  return sortByName(
    rows.map((row): FunctionState => ({
      name: `${row.function_name}(${row.identity_arguments})`,
      functionName: row.function_name,
      kind: row.kind,
      identityArguments: row.identity_arguments,
      result: row.result,
      definition: unqualifiedFunctionDef(row.definition, row.quoted_schema),
    })),
  );
}
