import type { ResolvedConfig, VersionTableRef } from './types.js';

/** What stands for a member's name in a group's version-table name. */
const MEMBER = '{schema}';

/**
 * Every version table worlddb manages under this config, wherever it lives (in its own schema, or
 * all of them in a shared one such as `public`). Autogenerate and check leave all of them out of
 * the comparison: a modelled schema that also holds other schemas' version tables must never see
 * them as tables to drop. Group members are found in the database, so the version tables of a
 * group kept in one shared schema are given by the group's template, whose `table` holds
 * `{schema}` (see {@link isManagedVersionTable}); a member's own schema holds only its own, which
 * every comparison leaves out anyway.
 *
 * @example
 * managedVersionTables(config)
 * // => [{ schema: 'public', table: 'asia_migration_version' }, { schema: 'public', table: '{schema}_migration_version' }]
 */
export function managedVersionTables(config: Pick<ResolvedConfig, 'targets'> & Partial<Pick<ResolvedConfig, 'groups'>>): VersionTableRef[] {
  return [
    ...config.targets.map((target) => target.versionTable),
    ...(config.groups ?? []).flatMap((group) =>
      group.versionTableSchema === null ? [] : [{ schema: group.versionTableSchema, table: group.versionTable }],
    ),
  ];
}

/**
 * Whether table `table` of schema `schema` is one of `refs`: named exactly, or matching a group's
 * template, where `{schema}` stands for any non-empty member name.
 *
 * @example
 * isManagedVersionTable('public', 'tenant_1_migration_version', [{ schema: 'public', table: '{schema}_migration_version' }]) // => true
 */
export function isManagedVersionTable(schema: string, table: string, refs: readonly VersionTableRef[]): boolean {
  return refs.some((ref) => ref.schema === schema && (ref.table.includes(MEMBER) ? templatePattern(ref.table).test(table) : ref.table === table));
}

/** Whether a ref is a group's template rather than one table. */
export function isVersionTableTemplate(ref: VersionTableRef): boolean {
  return ref.table.includes(MEMBER);
}

function templatePattern(template: string): RegExp {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${template.split(MEMBER).map(escape).join('.+')}$`, 's');
}
