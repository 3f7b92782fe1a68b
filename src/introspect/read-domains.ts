import type { Queryable } from '../connection/types.js';
import { notOfExtension } from './catalog-scope.js';
import type { DomainState } from '../schema/object-types.js';
import type { CheckState } from '../schema/types.js';
import { sortByName } from '../schema/compare-names.js';

/** One row of {@link DOMAINS_QUERY}. */
export interface RawDomainRow {
  readonly name: string;
  readonly type: string;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly checks: readonly CheckState[];
}

/**
 * Domains of one schema (`$1`): base type (`format_type` with its modifier), NOT NULL, default
 * (`pg_get_expr`) and check constraints (`pg_get_expr` of each, as for table checks). Domains of
 * an extension are left out.
 */
export const DOMAINS_QUERY = `
SELECT
  t.typname AS name,
  pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type,
  t.typnotnull AS not_null,
  pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default,
  COALESCE(
    pg_catalog.json_agg(pg_catalog.json_build_object('name', con.conname, 'expression', pg_catalog.pg_get_expr(con.conbin, 0)))
      FILTER (WHERE con.oid IS NOT NULL),
    '[]'::json
  ) AS checks
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid AND con.contype = 'c'
WHERE n.nspname = $1
  AND t.typtype = 'd'
  AND ${notOfExtension('pg_type', 't.oid')}
GROUP BY t.oid, t.typname, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefaultbin`;

/**
 * Reads the domains of one schema, sorted by name, their checks by name.
 *
 * @example
 * await readDomains(tx, 'film')
 * // => [{ name: 'year', type: 'integer', notNull: false, default: null, checks: [{ name: 'year_check', expression: '((VALUE >= 1901) AND (VALUE <= 2155))' }] }]
 */
export async function readDomains(db: Queryable, schema: string): Promise<DomainState[]> {
  const { rows } = await db.query<RawDomainRow>(DOMAINS_QUERY, [schema]);
  return sortByName(
    rows.map((row): DomainState => ({
      name: row.name,
      type: row.type,
      notNull: row.not_null,
      default: row.default,
      checks: sortByName(row.checks.map((c) => ({ name: c.name, expression: c.expression }))),
    })),
  );
}
