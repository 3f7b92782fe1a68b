/** Comparison of two schema states into operations. */
export { compareSchemas, type CompareOptions } from './compare-schemas.js';
export {
  applyRenames,
  renameCandidates,
  TABLE_RENAME_SIMILARITY,
  type AppliedRenames,
  type ColumnRenameCandidate,
  type RenameCandidates,
  type RenameHints,
  type TableRenameCandidate,
} from './renames.js';
export { differences, deepEqual, pairRenamed, type Differences, type Modified } from './differences.js';
export { compareNames } from '../schema/compare-names.js';
export { compareTables } from './compare-tables.js';
export { compareColumns } from './compare-columns.js';
export { compareConstraints, rebuildDependentForeignKeys } from './compare-constraints.js';
export { compareIndexes } from './compare-indexes.js';
export {
  compareEnums,
  enumDependentStates,
  enumDependents,
  enumDifferences,
  enumUsages,
  onlyAddsLabels,
  type EnumColumns,
} from './compare-enums.js';
export { compareComments } from './compare-comments.js';
export { enumTypeUse, renameInExpression } from './pg-identifier.js';
export { printIdentifier } from '../sql/print-identifier.js';
export type { CompareContext } from './compare-context.js';
