import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import type * as v from 'valibot';
import type { membersSchema, ParsedConfig } from './config-schema.js';
import { checkIdentifier } from './check-identifier.js';
import type { GroupConfig, MemberRule, SchemaTarget } from './types.js';

/** Default version table name of a group member. */
export const DEFAULT_GROUP_VERSION_TABLE = '{schema}_migration_version';

/**
 * Resolves the `groups` section: paths made absolute, the member rule made explicit. A name both
 * a configured schema and a listed member (or listed by two groups) is refused, naming both.
 */
export function resolveGroups(parsed: ParsedConfig, rootDir: string, schemas: readonly SchemaTarget[]): GroupConfig[] {
  const groups = Object.entries(parsed.groups ?? {}).map(([name, entry]): GroupConfig => {
    checkIdentifier(`groups.${name}`, name, 'the group name');
    if (schemas.some((t) => t.schema === name)) {
      throw new ConfigError(`config key "groups.${name}": "${name}" is also a configured schema (schemas.${name})`, {
        hint: 'give the group a name that is not a schema name',
      });
    }
    const versionTable = entry.versionTable ?? DEFAULT_GROUP_VERSION_TABLE;
    const versionTableSchema = entry.versionTableSchema ?? parsed.versionTableSchema ?? null;
    if (versionTableSchema !== null) {
      checkIdentifier(entry.versionTableSchema !== undefined ? `groups.${name}.versionTableSchema` : 'versionTableSchema', versionTableSchema, 'the version table schema');
      if (!versionTable.includes('{schema}')) {
        throw new ConfigError(`config key "groups.${name}.versionTable": "${versionTable}" would be one table for every member of ${versionTableSchema}`, {
          hint: 'put {schema} in the name, e.g. "{schema}_migration_version"',
        });
      }
    }
    return {
      name,
      source: {
        model: entry.model === undefined ? null : resolve(rootDir, entry.model),
        migrationsDir: resolve(rootDir, entry.migrations ?? `migrations/${name}`),
      },
      versionTable,
      versionTableSchema,
      members: memberRule(name, entry.members),
      concurrency: entry.concurrency ?? null,
    };
  });
  const owner = new Map<string, string>(schemas.map((t) => [t.schema, `schemas.${t.schema}`]));
  for (const group of groups) {
    if (group.members.kind !== 'list') continue;
    group.members.names.forEach((member, i) => {
      checkIdentifier(`groups.${group.name}.members.${i}`, member, 'the member name');
      const other = owner.get(member);
      if (other !== undefined) throw memberClash(member, `groups.${group.name}.members`, other);
      owner.set(member, `groups.${group.name}.members`);
      memberTarget(group, member); // the member's version table name must fit too
    });
  }
  return groups;
}

function memberRule(group: string, members: v.InferOutput<typeof membersSchema>): MemberRule {
  if (Array.isArray(members)) {
    if (members.length === 0) {
      throw new ConfigError(`config key "groups.${group}.members" is an empty list`, { hint: 'list at least one schema, or use { "like": "tenant_%" }' });
    }
    return { kind: 'list', names: [...members] };
  }
  if ('like' in members) return { kind: 'like', pattern: members.like };
  // A regular expression is Postgres' (`~`), not JavaScript's: Postgres judges it when members are listed.
  if ('regex' in members) return { kind: 'regex', pattern: members.regex };
  return { kind: 'query', sql: members.query };
}

/** The error for a schema claimed twice, naming both claims. */
export function memberClash(schema: string, key: string, other: string): ConfigError {
  return new ConfigError(`schema "${schema}" is both in config key "${key}" and in "${other}"`, {
    hint: 'a schema is migrated by one source only: remove it from one of them',
  });
}

/**
 * The target of one member of `group`: the group's source, and the member's own version table.
 *
 * @throws ConfigError when the member's name or its version table name is not a valid Postgres name.
 * @example
 * memberTarget(tenants, 'tenant_1').versionTable // => { schema: 'tenant_1', table: 'tenant_1_migration_version' }
 */
export function memberTarget(group: GroupConfig, schema: string): SchemaTarget {
  checkIdentifier(`groups.${group.name}.members`, schema, `the member name "${schema}"`);
  const table = group.versionTable.replaceAll('{schema}', schema);
  checkIdentifier(`groups.${group.name}.versionTable`, table, `the version table name "${table}" of member "${schema}"`);
  return {
    schema,
    source: group.source,
    versionTable: { schema: group.versionTableSchema ?? schema, table },
    group: group.name,
  };
}
