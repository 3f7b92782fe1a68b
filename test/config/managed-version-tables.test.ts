/**
 * Issue 7, item 1, with groups: every version table worlddb manages, including those of a group's
 * members kept in one shared schema (found in the database, so given by the group's template).
 */
import { describe, expect, it } from 'vitest';
import { isManagedVersionTable, managedVersionTables } from '../../src/config/managed-version-tables.js';
import { resolveConfig } from '../../src/config/load-config.js';

describe('managedVersionTables', () => {
  it('lists each schema\'s version table and each shared group template', () => {
    const config = resolveConfig(
      {
        schemas: { public: {}, asia: { versionTableSchema: 'public' } },
        groups: {
          tenants: { members: { like: 'tenant_%' }, versionTableSchema: 'public' },
          shards: { members: ['s1'], versionTable: 'v_{schema}' },
        },
      },
      '/p/worlddb.config.json',
    );
    const refs = managedVersionTables(config);
    expect(refs).toContainEqual({ schema: 'public', table: 'asia_migration_version' });
    expect(refs).toContainEqual({ schema: 'public', table: '{schema}_migration_version' });
    // A group whose members keep their version tables in themselves adds no template.
    expect(refs.some((ref) => ref.table === 'v_{schema}')).toBe(false);
  });

  it('matches a template with any member name, only in its schema, and names exactly otherwise', () => {
    const refs = [
      { schema: 'public', table: '{schema}_migration_version' },
      { schema: 'public', table: 'asia_migration_version' },
    ];
    expect(isManagedVersionTable('public', 'tenant_1_migration_version', refs)).toBe(true);
    expect(isManagedVersionTable('public', 'a.b (c)_migration_version', refs)).toBe(true);
    expect(isManagedVersionTable('public', '_migration_version', refs)).toBe(false);
    expect(isManagedVersionTable('public', 'tenant_1_migration_version_old', refs)).toBe(false);
    expect(isManagedVersionTable('asia', 'tenant_1_migration_version', refs)).toBe(false);
    expect(isManagedVersionTable('public', 'orders', refs)).toBe(false);
  });
});
