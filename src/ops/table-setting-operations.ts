/**
 * Operations on a table's kind and settings: UNLOGGED, storage parameters, row-level security
 * and its policies. Plain data, like every operation (see `operation.ts`).
 */
import type { PolicyState } from '../schema/types.js';

/** `ALTER TABLE ... SET UNLOGGED` (`unlogged: true`) or `SET LOGGED` (`unlogged: false`). */
export interface SetTableLogging {
  readonly kind: 'setTableLogging';
  readonly table: string;
  readonly unlogged: boolean;
}

/**
 * Changes a table's storage parameters (`name=value` items; `null` for none): sets those of `to`
 * and resets those only in `from`.
 */
export interface SetTableStorage {
  readonly kind: 'setTableStorage';
  readonly table: string;
  readonly from: readonly string[] | null;
  readonly to: readonly string[] | null;
}

/** Row-level security switches of a table. */
export interface RowSecurity {
  readonly enabled: boolean;
  readonly forced: boolean;
}

/** Enables, disables, forces or unforces row-level security on a table. */
export interface SetRowSecurity {
  readonly kind: 'setRowSecurity';
  readonly table: string;
  readonly from: RowSecurity;
  readonly to: RowSecurity;
}

export interface CreatePolicy {
  readonly kind: 'createPolicy';
  readonly table: string;
  readonly policy: PolicyState;
}

/** Drops a policy; `policy` is the full pre-image. */
export interface DropPolicy {
  readonly kind: 'dropPolicy';
  readonly table: string;
  readonly policy: PolicyState;
}

/** The operations of this file. */
export type TableSettingOperation = SetTableLogging | SetTableStorage | SetRowSecurity | CreatePolicy | DropPolicy;

/**
 * The reverse of a table-setting operation.
 *
 * @example
 * reverseTableSetting({ kind: 'setTableLogging', table: 't', unlogged: true })
 * // => { kind: 'setTableLogging', table: 't', unlogged: false }
 */
export function reverseTableSetting(op: TableSettingOperation): TableSettingOperation {
  switch (op.kind) {
    case 'setTableLogging':
      return { ...op, unlogged: !op.unlogged };
    case 'setTableStorage':
      return { ...op, from: op.to, to: op.from };
    case 'setRowSecurity':
      return { ...op, from: op.to, to: op.from };
    case 'createPolicy':
      return { kind: 'dropPolicy', table: op.table, policy: op.policy };
    case 'dropPolicy':
      return { kind: 'createPolicy', table: op.table, policy: op.policy };
  }
}
