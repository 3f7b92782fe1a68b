import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load-config.js';
import { memberTarget } from '../../src/config/resolve-groups.js';
import { ConfigError } from '../../src/errors.js';

const CONFIG = '/project/config/worlddb.config.json';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config groups', () => {
  it('resolves a group: paths, version table template, member rule; a config may hold groups only', () => {
    const config = resolveConfig(
      { schemas: {}, concurrency: 4, groups: { tenants: { model: 'src/db/tenant.ts', members: { like: 'tenant_%' }, concurrency: 2 } } },
      CONFIG,
    );
    expect(config.targets).toEqual([]);
    expect(config.concurrency).toBe(4);
    expect(config.groups).toEqual([
      {
        name: 'tenants',
        source: { model: '/project/src/db/tenant.ts', migrationsDir: '/project/migrations/tenants' },
        versionTable: '{schema}_migration_version',
        versionTableSchema: null,
        members: { kind: 'like', pattern: 'tenant_%' },
        concurrency: 2,
      },
    ]);
    const [group] = config.groups;
    expect(group && memberTarget(group, 'tenant_1')).toEqual({
      schema: 'tenant_1',
      source: group?.source,
      versionTable: { schema: 'tenant_1', table: 'tenant_1_migration_version' },
      group: 'tenants',
    });
  });

  it('takes every kind of members: a list, like, regex, query', () => {
    const config = resolveConfig(
      {
        schemas: {},
        groups: {
          a: { members: ['acme', 'globex'] },
          b: { members: { regex: '^shard_[0-9]+$' } },
          c: { members: { query: 'SELECT name FROM public.tenants ORDER BY id' }, versionTableSchema: 'meta', versionTable: 'v_{schema}' },
        },
      },
      CONFIG,
    );
    expect(config.groups.map((g) => g.members)).toEqual([
      { kind: 'list', names: ['acme', 'globex'] },
      { kind: 'regex', pattern: '^shard_[0-9]+$' },
      { kind: 'query', sql: 'SELECT name FROM public.tenants ORDER BY id' },
    ]);
    const c = config.groups[2];
    expect(c && memberTarget(c, 'x').versionTable).toEqual({ schema: 'meta', table: 'v_x' });
  });

  it('refuses bad groups, naming the key', () => {
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: {} } }, CONFIG))).toMatch(/config key "groups\.t\.members" is missing/);
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: { glob: 'x' } } } }, CONFIG))).toMatch(/config key "groups\.t\.members"/);
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: [], } } }, CONFIG))).toMatch(/"groups\.t\.members" is an empty list/);
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: ['a'], concurrency: 0 } } }, CONFIG))).toMatch(/"groups\.t\.concurrency"/);
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: ['a'], colour: 1 } } }, CONFIG))).toMatch(/"groups\.t\.colour" is not a known key/);
    // One shared table for every member would mix their histories.
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: ['a'], versionTableSchema: 'meta', versionTable: 'versions' } } }, CONFIG))).toMatch(
      /"groups\.t\.versionTable": "versions" would be one table for every member of meta/,
    );
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: ['x'.repeat(64)] } } }, CONFIG))).toMatch(/"groups\.t\.members\.0"/);
  });

  it('refuses a name that is both a configured schema and a member, naming both', () => {
    expect(messageOf(() => resolveConfig({ schemas: { acme: {} }, groups: { t: { members: ['acme'] } } }, CONFIG))).toBe(
      'schema "acme" is both in config key "groups.t.members" and in "schemas.acme"',
    );
    expect(messageOf(() => resolveConfig({ schemas: {}, groups: { t: { members: ['acme'] }, u: { members: ['acme'] } } }, CONFIG))).toBe(
      'schema "acme" is both in config key "groups.u.members" and in "groups.t.members"',
    );
    expect(messageOf(() => resolveConfig({ schemas: { t: {} }, groups: { t: { members: ['a'] } } }, CONFIG))).toMatch(/"groups\.t": "t" is also a configured schema/);
  });
});
