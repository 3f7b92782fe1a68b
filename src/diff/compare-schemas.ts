/**
 * The comparison of two states of one schema: the entry point of autogenerate's pure middle.
 */
import type { Operation } from '../ops/operation.js';
import { orderOperations } from '../ops/order-operations.js';
import type { SchemaState } from '../schema/types.js';
import { rebuildDependentForeignKeys } from './compare-constraints.js';
import type { CompareContext } from './compare-context.js';
import { compareEnums, enumDependentStates, enumDependents, enumDifferences, enumUsages, onlyAddsLabels } from './compare-enums.js';
import { aroundDependents } from './compare-dependents.js';
import { compareObjects } from './compare-objects.js';
import { compareTables } from './compare-tables.js';
import { applyRenames, type RenameHints } from './renames.js';

export interface CompareOptions {
  /** Declared renames; without them a gone and a new table or column are a drop and an add. */
  readonly renames?: RenameHints;
}

/**
 * The operations that turn `from` (the live database) into `to` (the model), in the order to run
 * them (see `orderOperations`). Empty when the two are equal. Deterministic: the same states give
 * the same operations. Types, defaults and expressions are compared as text, so both states must
 * be normalised the same way (as Postgres prints them) beforehand.
 *
 * @throws RenameError when `options.renames` does not fit the two states.
 * @example
 * const up = compareSchemas(live, model, { renames: { columns: new Map([['countries', new Map([['name', 'title']])]]) } });
 * const down = reverseOperations(up);
 * const sql = renderOperations('asia', up);
 */
export function compareSchemas(from: SchemaState, to: SchemaState, options: CompareOptions = {}): Operation[] {
  const renamed = applyRenames(from, to, options.renames);
  const live = renamed.state;
  const enums = enumDifferences(live, to);
  const changedEnums = enums.modified.map(({ to: after }) => after.name);
  const enumColumns = enumUsages(live, to, changedEnums);
  // Only a rebuild needs the checks and indexes casting to the enum dropped and made again around
  // it; an enum that only gains labels keeps them for its reverse (a rebuild) instead.
  const grown = enums.modified.filter(({ from: before, to: after }) => onlyAddsLabels(before, after));
  const rebuilt = changedEnums.filter((name) => !grown.some(({ to: after }) => after.name === name));
  const grownDependents = new Map(grown.map(({ to: after }) => [after.name, enumDependentStates(live, to, [after.name])]));
  const context: CompareContext = { schema: to.name, enumColumns: enumColumns.columns };
  const ops: Operation[] = [
    ...renamed.operations,
    ...compareEnums(enums, enumColumns, grownDependents),
    ...enumDependents(live, to, rebuilt),
    ...compareTables(live, to, context),
    ...compareObjects(live, to),
  ];
  return orderOperations(aroundDependents(live, to, rebuildDependentForeignKeys(live, to, ops, context)));
}
