/**
 * A table's kind and settings on both sides: UNLOGGED, storage parameters, row-level security
 * and its policies. (A new table carries them in `createTable`.)
 */
import type { Operation } from '../ops/operation.js';
import type { TableState } from '../schema/types.js';
import { deepEqual, differences } from './differences.js';

/**
 * The table-setting operations turning table `from` into table `to` (same name; renames
 * applied). A changed policy is dropped and created again.
 *
 * @example
 * compareTableSettings(liveBookings, modelBookings)
 * // => [{ kind: 'setRowSecurity', table: 'bookings', from: { enabled: false, forced: false }, to: { enabled: true, forced: false } }]
 */
export function compareTableSettings(from: TableState, to: TableState): Operation[] {
  const table = to.name;
  const ops: Operation[] = [];
  if ((from.unlogged === true) !== (to.unlogged === true)) ops.push({ kind: 'setTableLogging', table, unlogged: to.unlogged === true });
  if (!deepEqual(from.with ?? null, to.with ?? null)) ops.push({ kind: 'setTableStorage', table, from: from.with ?? null, to: to.with ?? null });
  const before = { enabled: from.rowSecurity === true, forced: from.forceRowSecurity === true };
  const after = { enabled: to.rowSecurity === true, forced: to.forceRowSecurity === true };
  if (!deepEqual(before, after)) ops.push({ kind: 'setRowSecurity', table, from: before, to: after });
  const policies = differences(from.policies ?? [], to.policies ?? []);
  for (const policy of policies.removed) ops.push({ kind: 'dropPolicy', table, policy });
  for (const { from: old } of policies.modified) ops.push({ kind: 'dropPolicy', table, policy: old });
  for (const { to: changed } of policies.modified) ops.push({ kind: 'createPolicy', table, policy: changed });
  for (const policy of policies.added) ops.push({ kind: 'createPolicy', table, policy });
  return ops;
}
