import type { GroupConfig, SchemaTarget } from '../config/types.js';
import { memberClash } from '../config/resolve-groups.js';
import type { Queryable } from '../connection/types.js';
import { ConfigError, describeCause } from '../errors.js';

interface RawMemberRow {
  readonly rule: number;
  readonly name: string;
}

/**
 * Every schema matched by any `like` or `regex` rule, in one query: the rules travel as two array
 * parameters, the result says which rule matched. System schemas never match. Names sort
 * byte-wise (`COLLATE "C"`), the same on every server.
 */
const RULE_MEMBERS_QUERY = `
SELECT r.i::int AS rule, n.nspname AS name
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(kind, pattern, i)
JOIN pg_catalog.pg_namespace n
  ON (r.kind = 'like' AND n.nspname LIKE r.pattern) OR (r.kind = 'regex' AND n.nspname ~ r.pattern)
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
ORDER BY r.i, n.nspname COLLATE "C"`;

/**
 * The members of each group, in the group's order: as listed, by name for `like` and `regex`
 * (one catalog query for all of them), in the query's order for `query` (one query each).
 *
 * @throws ConfigError when a member query fails or returns something that is not a schema name,
 *   or when a schema is both a configured schema and a member (or a member of two groups), naming both.
 * @example
 * await listGroupMembers(session, config.groups, config.targets) // => Map { 'tenants' => ['tenant_1', 'tenant_2'] }
 */
export async function listGroupMembers(
  db: Queryable,
  groups: readonly GroupConfig[],
  schemas: readonly SchemaTarget[],
): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(groups.map((g) => [g.name, []]));
  const ruled = groups.filter((g) => g.members.kind === 'like' || g.members.kind === 'regex');
  if (ruled.length > 0) {
    const kinds = ruled.map((g) => g.members.kind);
    const patterns = ruled.map((g) => ('pattern' in g.members ? g.members.pattern : ''));
    let rows: RawMemberRow[];
    try {
      rows = (await db.query<RawMemberRow>(RULE_MEMBERS_QUERY, [kinds, patterns])).rows;
    } catch (cause) {
      const keys = ruled.map((g) => `groups.${g.name}.members`).join(', ');
      throw new ConfigError(`cannot list the members of ${keys}: ${describeCause(cause)}`, {
        hint: 'check the like pattern or the regular expression (Postgres syntax, matched with ~)',
        cause,
      });
    }
    for (const row of rows) members.get(ruled[row.rule - 1]?.name ?? '')?.push(row.name);
  }
  for (const group of groups) {
    const rule = group.members;
    if (rule.kind === 'list') members.set(group.name, [...rule.names]);
    if (rule.kind === 'query') members.set(group.name, await queryMembers(db, group.name, rule.sql));
  }
  refuseClashes(members, schemas);
  return members;
}

async function queryMembers(db: Queryable, group: string, sql: string): Promise<string[]> {
  const key = `groups.${group}.members.query`;
  let rows: Record<string, unknown>[];
  try {
    rows = (await db.query(sql)).rows;
  } catch (cause) {
    throw new ConfigError(`config key "${key}" failed: ${describeCause(cause)}`, { hint: 'the query must return schema names in its first column', cause });
  }
  const names = rows.map((row) => Object.values(row)[0]);
  const bad = names.find((name) => typeof name !== 'string' || name === '');
  if (bad !== undefined) {
    throw new ConfigError(`config key "${key}" returned ${JSON.stringify(bad)}, not a schema name`, { hint: 'the query must return schema names (text) in its first column' });
  }
  const unique = [...new Set(names as string[])];
  return unique;
}

function refuseClashes(members: ReadonlyMap<string, readonly string[]>, schemas: readonly SchemaTarget[]): void {
  const owner = new Map<string, string>(schemas.map((t) => [t.schema, `schemas.${t.schema}`]));
  for (const [group, names] of members) {
    for (const name of names) {
      const other = owner.get(name);
      if (other !== undefined) throw memberClash(name, `groups.${group}.members`, other);
      owner.set(name, `groups.${group}.members`);
    }
  }
}
