/**
 * Operations on the finer parts of a column: its generation expression, its identity sequence's
 * options and its collation. Plain data, like every operation (see `operation.ts`); each one's
 * reverse is an operation of the same kind with `from` and `to` swapped.
 */
import type { ColumnState, IdentityOptions } from '../schema/types.js';

/**
 * Changes whether and how a column is generated. `from` and `to` are the whole column before
 * and after (same name). A generated column becoming an ordinary one keeps its values
 * (`DROP EXPRESSION`); any other change re-creates the column (Postgres 15 cannot add or change
 * the expression of an existing column), which puts it at the end of its table and, for an
 * ordinary column becoming generated, replaces its values by computed ones.
 */
export interface AlterColumnGenerated {
  readonly kind: 'alterColumnGenerated';
  readonly table: string;
  readonly from: ColumnState;
  readonly to: ColumnState;
}

/**
 * Changes the sequence options of an identity column (`null`: all defaults). `type` is the
 * column's type, which decides the defaults (an `integer` identity stops at 2147483647).
 */
export interface AlterIdentityOptions {
  readonly kind: 'alterIdentityOptions';
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly from: IdentityOptions | null;
  readonly to: IdentityOptions | null;
}

/**
 * Changes a column's collation (`null`: the type's default), written as `ALTER COLUMN ... TYPE
 * <type> COLLATE ...` with the column's `type` at the time the operation runs.
 */
export interface AlterColumnCollation {
  readonly kind: 'alterColumnCollation';
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The operations of this file. */
export type ColumnDetailOperation = AlterColumnGenerated | AlterIdentityOptions | AlterColumnCollation;

/**
 * The reverse of a column-detail operation: the same kind, `from` and `to` swapped.
 *
 * @example
 * reverseColumnDetail({ kind: 'alterColumnCollation', table: 't', column: 'c', type: 'text', from: null, to: '"C"' })
 * // => { kind: 'alterColumnCollation', table: 't', column: 'c', type: 'text', from: '"C"', to: null }
 */
export function reverseColumnDetail(op: ColumnDetailOperation): ColumnDetailOperation {
  switch (op.kind) {
    case 'alterColumnGenerated':
      return { ...op, from: op.to, to: op.from };
    case 'alterIdentityOptions':
      return { ...op, from: op.to, to: op.from };
    case 'alterColumnCollation':
      return { ...op, from: op.to, to: op.from };
  }
}
