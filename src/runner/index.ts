/**
 * The runner: applies, reverts and records migrations of one schema at a time, on umzug with a
 * storage over the schema's version table. What the CLI calls.
 */
export { migrate } from './migrate.js';
export { downgrade } from './downgrade.js';
export { stamp } from './stamp.js';
export { redo, checkRedo, type RedoOptions, type RedoResult } from './redo.js';
export { findMigration, showMigration } from './show.js';
export { status, history, current, type InspectOptions } from './inspect.js';
export { readVersionStates, type VersionTableState } from './version-table.js';
export { migrateSql, downgradeSql } from './preview.js';
export { downgradeImpact, destroysRows } from './downgrade-impact.js';
export type { DowngradeImpact, Loss } from './downgrade-impact.js';
export { DEFAULT_MIGRATION_LOCK_TIMEOUT_MS, MigrationSources } from './run-context.js';
export type * from './types.js';
