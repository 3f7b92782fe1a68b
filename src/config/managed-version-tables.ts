import type { ResolvedConfig, VersionTableRef } from './types.js';

/**
 * Every version table worlddb manages under this config, wherever it lives (in its own schema, or
 * all of them in a shared one such as `public`). Autogenerate and check leave all of them out of
 * the comparison: a modelled schema that also holds other schemas' version tables must never see
 * them as tables to drop.
 *
 * @example
 * managedVersionTables(config)
 * // => [{ schema: 'public', table: 'asia_migration_version' }, { schema: 'public', table: 'europe_migration_version' }]
 */
export function managedVersionTables(config: Pick<ResolvedConfig, 'targets'>): VersionTableRef[] {
  return config.targets.map((target) => target.versionTable);
}
