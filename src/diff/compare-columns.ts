/**
 * Columns of a table present on both sides: added, dropped, and changed type, nullability,
 * default and identity. Comments are compared in `compare-comments.ts`.
 */
import type { Operation } from '../ops/operation.js';
import type { ColumnState, TableState } from '../schema/types.js';
import { columnKey, splitsDefault, type CompareContext } from './compare-context.js';
import { deepEqual, differences } from './differences.js';

/**
 * The column operations turning table `from` into table `to` (same name; renames applied).
 * Column order is not compared: Postgres cannot reorder columns.
 *
 * @example
 * compareColumns(liveCountries, modelCountries, context)
 * // => [{ kind: 'addColumn', table: 'countries', column: { name: 'area', type: 'integer', ... } }]
 */
export function compareColumns(from: TableState, to: TableState, context: CompareContext): Operation[] {
  const table = to.name;
  const ops: Operation[] = [];
  const split = differences(from.columns, to.columns);
  // In the model's column order, which is the order Postgres will give them (each goes last).
  const added = new Set(split.added.map((column) => column.name));
  for (const column of to.columns) if (added.has(column.name)) ops.push({ kind: 'addColumn', table, column });
  for (const column of split.removed) ops.push({ kind: 'dropColumn', table, column });
  for (const { from: before, to: after } of split.modified) {
    const column = after.name;
    if (before.generated !== after.generated) {
      ops.push({ kind: 'alterColumnGenerated', table, from: before, to: after });
      // A column that becomes (or stays) generated is re-created whole, as the model has it.
      if (after.generated !== undefined) continue;
    }
    ops.push(...compareCollation(table, before, after));
    if (before.type !== after.type) {
      ops.push({ kind: 'alterColumnType', table, column, from: before.type, to: after.type, using: null, reverseUsing: null });
    }
    if (before.notNull !== after.notNull) {
      ops.push({ kind: 'alterColumnNullability', table, column, notNull: after.notNull });
    }
    if (before.default !== after.default) {
      if (splitsDefault(before, after, context.enumColumns.has(columnKey(table, column)))) {
        ops.push({ kind: 'alterColumnDefault', table, column, from: before.default, to: null });
        ops.push({ kind: 'alterColumnDefault', table, column, from: null, to: after.default });
      } else {
        ops.push({ kind: 'alterColumnDefault', table, column, from: before.default, to: after.default });
      }
    }
    if (before.identity !== after.identity) {
      ops.push({ kind: 'alterColumnIdentity', table, column, from: before.identity, to: after.identity });
    }
    if (!deepEqual(before.identityOptions, after.identityOptions)) {
      const to = after.identityOptions ?? null;
      const type = to === null ? before.type : after.type;
      ops.push({ kind: 'alterIdentityOptions', table, column, type, from: before.identityOptions ?? null, to });
    }
  }
  return ops;
}

/**
 * The collation changes of a column. A type change resets the collation to the new type's
 * default, so around one the old collation is dropped first (with the old type) and the new one
 * set after (with the new type): the down part then restores both.
 */
function compareCollation(table: string, before: ColumnState, after: ColumnState): Operation[] {
  const column = after.name;
  const from = before.collation ?? null;
  const to = after.collation ?? null;
  if (before.type === after.type) {
    return from === to ? [] : [{ kind: 'alterColumnCollation', table, column, type: after.type, from, to }];
  }
  const ops: Operation[] = [];
  if (from !== null) ops.push({ kind: 'alterColumnCollation', table, column, type: before.type, from, to: null });
  if (to !== null) ops.push({ kind: 'alterColumnCollation', table, column, type: after.type, from: null, to });
  return ops;
}
