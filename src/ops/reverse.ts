/**
 * Reversal of operations: the down part of a migration is derived from its up part.
 */
import { reverseColumnDetail } from './column-detail-operations.js';
import { reverseConstraintDetail } from './constraint-detail-operations.js';
import { isObjectOperation } from './object-operations.js';
import { reverseTableSetting } from './table-setting-operations.js';
import { unknownOperation, type Operation } from './operation.js';
import { reverseObjectOperation } from './reverse-object.js';

/**
 * The operation that undoes `op`. An involution: `reverseOperation(reverseOperation(op))` equals
 * `op`. Drops are reversed from the pre-image they keep; an added enum label is reversed by a
 * {@link DropEnumValue} (a rebuild of the type, see there).
 *
 * @example
 * reverseOperation({ kind: 'renameTable', from: 'countries', to: 'nations' })
 * // => { kind: 'renameTable', from: 'nations', to: 'countries' }
 */
export function reverseOperation(op: Operation): Operation {
  if (isObjectOperation(op)) return reverseObjectOperation(op);
  switch (op.kind) {
    case 'createTable':
      return { kind: 'dropTable', table: op.table };
    case 'dropTable':
      return { kind: 'createTable', table: op.table };
    case 'renameTable':
      return { kind: 'renameTable', from: op.to, to: op.from };
    case 'addColumn':
      return { kind: 'dropColumn', table: op.table, column: op.column };
    case 'dropColumn':
      return { kind: 'addColumn', table: op.table, column: op.column };
    case 'renameColumn':
      return { kind: 'renameColumn', table: op.table, from: op.to, to: op.from };
    case 'alterColumnType':
      return {
        kind: 'alterColumnType',
        table: op.table,
        column: op.column,
        from: op.to,
        to: op.from,
        using: op.reverseUsing,
        reverseUsing: op.using,
        ...(op.reverseSafety === undefined ? {} : { safety: op.reverseSafety }),
        ...(op.safety === undefined ? {} : { reverseSafety: op.safety }),
      };
    case 'alterColumnNullability':
      return { kind: 'alterColumnNullability', table: op.table, column: op.column, notNull: !op.notNull };
    case 'alterColumnDefault':
      return { kind: 'alterColumnDefault', table: op.table, column: op.column, from: op.to, to: op.from };
    case 'alterColumnIdentity':
      return { kind: 'alterColumnIdentity', table: op.table, column: op.column, from: op.to, to: op.from };
    case 'addPrimaryKey':
      return { kind: 'dropPrimaryKey', table: op.table, primaryKey: op.primaryKey };
    case 'dropPrimaryKey':
      return { kind: 'addPrimaryKey', table: op.table, primaryKey: op.primaryKey };
    case 'addUnique':
      return { kind: 'dropUnique', table: op.table, unique: op.unique };
    case 'dropUnique':
      return { kind: 'addUnique', table: op.table, unique: op.unique };
    case 'addForeignKey':
      return { kind: 'dropForeignKey', table: op.table, foreignKey: op.foreignKey };
    case 'dropForeignKey':
      return { kind: 'addForeignKey', table: op.table, foreignKey: op.foreignKey };
    case 'addCheck':
      return { kind: 'dropCheck', table: op.table, check: op.check };
    case 'dropCheck':
      return { kind: 'addCheck', table: op.table, check: op.check };
    case 'renameConstraint':
      return { kind: 'renameConstraint', table: op.table, from: op.to, to: op.from };
    case 'createIndex':
      return { kind: 'dropIndex', table: op.table, index: op.index };
    case 'dropIndex':
      return { kind: 'createIndex', table: op.table, index: op.index };
    case 'renameIndex':
      return { kind: 'renameIndex', table: op.table, from: op.to, to: op.from };
    case 'createEnum':
      return { kind: 'dropEnum', enum: op.enum };
    case 'dropEnum':
      return { kind: 'createEnum', enum: op.enum };
    case 'addEnumValue':
      return { ...op, kind: 'dropEnumValue' };
    case 'dropEnumValue':
      return { ...op, kind: 'addEnumValue' };
    case 'replaceEnum':
      return { kind: 'replaceEnum', enumName: op.enumName, from: op.to, to: op.from, usages: op.usages };
    case 'setTableComment':
      return { kind: 'setTableComment', table: op.table, from: op.to, to: op.from };
    case 'setColumnComment':
      return { kind: 'setColumnComment', table: op.table, column: op.column, from: op.to, to: op.from };
    case 'alterColumnGenerated':
    case 'alterIdentityOptions':
    case 'alterColumnCollation':
      return reverseColumnDetail(op);
    case 'addExclusion':
    case 'dropExclusion':
    case 'validateConstraint':
    case 'invalidateConstraint':
      return reverseConstraintDetail(op);
    case 'setTableLogging':
    case 'setTableStorage':
    case 'setRowSecurity':
    case 'createPolicy':
    case 'dropPolicy':
      return reverseTableSetting(op);
    default:
      return unknownOperation(op);
  }
}

/**
 * The operations that undo `ops`: each one reversed, in reverse order. When `ops` is in a valid
 * order (as {@link orderOperations} returns it), so is the result: every dependency that held
 * going forward holds going back.
 *
 * @example
 * const down = reverseOperations(up);
 */
export function reverseOperations(ops: readonly Operation[]): Operation[] {
  return ops.map(reverseOperation).reverse();
}
