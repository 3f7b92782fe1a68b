/**
 * Comments on a table and on its columns present on both sides. (New tables and columns carry
 * their comments in `createTable` / `addColumn`.)
 */
import type { Operation } from '../ops/operation.js';
import type { TableState } from '../schema/types.js';
import { differences } from './differences.js';

/**
 * The comment operations turning table `from` into table `to` (same name; renames applied).
 *
 * @example
 * compareComments(liveCountries, modelCountries)
 * // => [{ kind: 'setTableComment', table: 'countries', from: null, to: 'Countries of Asia' }]
 */
export function compareComments(from: TableState, to: TableState): Operation[] {
  const table = to.name;
  const ops: Operation[] = [];
  if (from.comment !== to.comment) ops.push({ kind: 'setTableComment', table, from: from.comment, to: to.comment });
  const columns = differences(from.columns, to.columns, (a, b) => a.comment === b.comment);
  for (const { from: before, to: after } of columns.modified) {
    ops.push({ kind: 'setColumnComment', table, column: after.name, from: before.comment, to: after.comment });
  }
  return ops;
}
