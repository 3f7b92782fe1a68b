/**
 * Columns of a table present on both sides: added, dropped, and changed type, nullability,
 * default and identity. Comments are compared in `compare-comments.ts`.
 */
import type { Operation } from '../ops/operation.js';
import type { TableState } from '../schema/types.js';
import { columnKey, splitsDefault, type CompareContext } from './compare-context.js';
import { differences } from './differences.js';

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
  }
  return ops;
}
