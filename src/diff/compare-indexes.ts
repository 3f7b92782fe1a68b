/**
 * Indexes (those not backing a primary key or unique constraint) of a table present on both
 * sides. A changed index is dropped and created again; an index whose definition is unchanged
 * but whose name differs is renamed.
 */
import type { Operation } from '../ops/operation.js';
import type { IndexState, TableState } from '../schema/types.js';
import { deepEqual, differences, pairRenamed } from './differences.js';

function sameDefinition(a: IndexState, b: IndexState): boolean {
  return deepEqual({ ...a, name: '' }, { ...b, name: '' });
}

/**
 * The index operations turning table `from` into table `to` (same name; renames applied).
 *
 * @example
 * compareIndexes(liveCountries, modelCountries)
 * // => [{ kind: 'createIndex', table: 'countries', index: { name: 'countries_name_idx', ... } }]
 */
export function compareIndexes(from: TableState, to: TableState): Operation[] {
  const table = to.name;
  const ops: Operation[] = [];
  const split = differences(from.indexes, to.indexes);
  const paired = pairRenamed(split.removed, split.added, sameDefinition);
  for (const { from: before, to: after } of paired.renamed) {
    ops.push({ kind: 'renameIndex', table, from: before.name, to: after.name });
  }
  for (const index of paired.removed) ops.push({ kind: 'dropIndex', table, index });
  for (const { from: before } of split.modified) ops.push({ kind: 'dropIndex', table, index: before });
  for (const { to: after } of split.modified) ops.push({ kind: 'createIndex', table, index: after });
  for (const index of paired.added) ops.push({ kind: 'createIndex', table, index });
  return ops;
}
