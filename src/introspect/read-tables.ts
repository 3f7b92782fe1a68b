import type { Queryable } from '../connection/types.js';
import { sortByName } from '../schema/compare-names.js';
import type { PolicyState } from '../schema/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';

/** One policy as {@link TABLES_QUERY} aggregates it. */
export interface RawPolicy {
  readonly name: string;
  /** `polcmd`: `*` all, `r` select, `a` insert, `w` update, `d` delete. */
  readonly command: string;
  readonly permissive: boolean;
  /** Role names (`quote_ident`), `public` for PUBLIC. */
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly with_check: string | null;
}

/** One row of {@link TABLES_QUERY}. */
export interface RawTableRow {
  readonly name: string;
  readonly comment: string | null;
  /** `relpersistence`: `p` permanent, `u` unlogged. */
  readonly persistence: string;
  /** `reloptions` (`fillfactor=70`), or null. */
  readonly options: readonly string[] | null;
  readonly row_security: boolean;
  readonly force_row_security: boolean;
  /** The table's policies, or null when it has none. */
  readonly policies: readonly RawPolicy[] | null;
}

/** A table of the schema with its comment and settings; its parts are read by the other queries. */
export interface TableRecord {
  readonly name: string;
  readonly comment: string | null;
  readonly unlogged?: true;
  readonly with?: readonly string[];
  readonly rowSecurity?: true;
  readonly forceRowSecurity?: true;
  readonly policies?: readonly PolicyState[];
}

/**
 * Tables in scope with their comments (`COMMENT ON TABLE`), persistence (UNLOGGED), storage
 * parameters, row-level security switches and policies (aggregated per table, so that this stays
 * one query for the whole schema). Policy expressions are `pg_get_expr`, like every expression.
 */
export const TABLES_QUERY = `
SELECT
  c.relname AS name,
  d.description AS comment,
  c.relpersistence::text AS persistence,
  c.reloptions AS options,
  c.relrowsecurity AS row_security,
  c.relforcerowsecurity AS force_row_security,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'name', p.polname,
      'command', p.polcmd::text,
      'permissive', p.polpermissive,
      'roles', ARRAY(
        SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.quote_ident(ro.rolname) END
        FROM pg_catalog.unnest(p.polroles) AS r(oid)
        LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = r.oid),
      'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
      'with_check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)))
    FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid) AS policies
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

const COMMANDS: Readonly<Record<string, PolicyState['command']>> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

/**
 * Turns a catalog policy into a {@link PolicyState}.
 *
 * @example
 * parsePolicy({ name: 'own', command: 'r', permissive: true, roles: ['public'], using: '(id = 1)', with_check: null })
 * // => { name: 'own', command: 'SELECT', roles: ['public'], using: '(id = 1)', withCheck: null }
 */
export function parsePolicy(raw: RawPolicy): PolicyState {
  const command = COMMANDS[raw.command];
  if (command === undefined) throw new Error(`unexpected polcmd ${JSON.stringify(raw.command)} for policy ${raw.name}`);
  const policy: PolicyState = { name: raw.name, command, roles: [...raw.roles].sort(), using: raw.using, withCheck: raw.with_check };
  return raw.permissive ? policy : { ...policy, restrictive: true };
}

/**
 * Turns a catalog row into a {@link TableRecord}; the optional settings are present only when
 * they are not the defaults.
 *
 * @example
 * parseTableRow({ name: 'countries', comment: null, persistence: 'p', options: null,
 *   row_security: false, force_row_security: false, policies: null })
 * // => { name: 'countries', comment: null }
 */
export function parseTableRow(row: RawTableRow): TableRecord {
  return {
    name: row.name,
    comment: row.comment,
    ...(row.persistence === 'u' ? { unlogged: true as const } : {}),
    ...(row.options === null || row.options.length === 0 ? {} : { with: [...row.options].sort() }),
    ...(row.row_security ? { rowSecurity: true as const } : {}),
    ...(row.force_row_security ? { forceRowSecurity: true as const } : {}),
    ...(row.policies === null || row.policies.length === 0 ? {} : { policies: sortByName(row.policies.map(parsePolicy)) }),
  };
}
