/**
 * Which operations can lose data or fail on existing data, and why: the revision writer puts a
 * `-- WARNING: <reason>` comment above each and prints the reason on the terminal.
 */
import { objectDestructiveReason } from './describe-object.js';
import { isObjectOperation } from './object-operations.js';
import { unknownOperation, type Operation } from './operation.js';
import { typeChangeKeepsValues } from './type-change.js';
import { typeChangeWarning } from './type-change-safety.js';
import { validatableName } from './constraint-detail-operations.js';
import { quoteLiteral } from '../sql/quote.js';

function labels(values: readonly string[]): string {
  return values.map(quoteLiteral).join(', ');
}

/**
 * Why `op` is destructive (loses data, or fails when existing rows do not fit), or `null` when
 * it is not. Flagged: dropping a table, column, enum or enum label; a type change that can lose or
 * reject values (narrowing, `text` → `integer`; widening such as `integer` → `bigint` is safe);
 * setting NOT NULL; adding a NOT NULL column without a default.
 *
 * @example
 * destructiveReason({ kind: 'alterColumnNullability', table: 'countries', column: 'area', notNull: true })
 * // => 'sets NOT NULL on countries.area: fails if the column holds NULLs'
 */
export function destructiveReason(op: Operation): string | null {
  if (isObjectOperation(op)) return objectDestructiveReason(op);
  switch (op.kind) {
    case 'dropTable':
      return `drops table ${op.table.name} and all its rows`;
    case 'dropColumn':
      return `drops column ${op.table}.${op.column.name} and its data`;
    case 'dropEnum':
      return `drops enum type ${op.enum.name}`;
    case 'dropEnumValue':
      return `removes label ${quoteLiteral(op.value)} from enum ${op.enumName} by rebuilding the type: fails if rows hold it`;
    case 'replaceEnum': {
      const removed = op.from.filter((value) => !op.to.includes(value));
      if (removed.length === 0) return null;
      return `removes ${removed.length === 1 ? 'label' : 'labels'} ${labels(removed)} from enum ${op.enumName} by rebuilding the type: fails if rows hold ${removed.length === 1 ? 'it' : 'them'}`;
    }
    case 'alterColumnType': {
      const generic =
        op.using === null && typeChangeKeepsValues(op.from, op.to)
          ? null
          : `changes ${op.table}.${op.column} from ${op.from} to ${op.to}: values may be lost, or the change may fail`;
      return op.safety === undefined ? generic : typeChangeWarning(op.table, op.column, op.from, op.to, op.safety, generic, op.using !== null);
    }
    case 'alterColumnNullability':
      return op.notNull ? `sets NOT NULL on ${op.table}.${op.column}: fails if the column holds NULLs` : null;
    case 'addColumn':
      if (op.column.notNull && op.column.default === null && op.column.identity === null) {
        return `adds NOT NULL column ${op.table}.${op.column.name} without a default: fails if the table has rows`;
      }
      return null;
    case 'createTable':
    case 'renameTable':
    case 'renameColumn':
    case 'alterColumnDefault':
    case 'alterColumnIdentity':
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
    case 'addUnique':
    case 'dropUnique':
    case 'addForeignKey':
    case 'dropForeignKey':
    case 'addCheck':
    case 'dropCheck':
    case 'renameConstraint':
    case 'createIndex':
    case 'dropIndex':
    case 'renameIndex':
    case 'createEnum':
    case 'addEnumValue':
    case 'setTableComment':
    case 'setColumnComment':
    case 'alterIdentityOptions':
    case 'alterColumnCollation':
    case 'addExclusion':
    case 'dropExclusion':
    case 'invalidateConstraint':
    case 'setTableStorage':
    case 'setRowSecurity':
    case 'createPolicy':
    case 'dropPolicy':
      return null;
    case 'setTableLogging':
      return op.unlogged ? `makes table ${op.table} UNLOGGED: its rows are lost after a crash and not replicated` : null;
    case 'validateConstraint':
      return `validates constraint ${op.table}.${validatableName(op.constraint)}: fails if existing rows violate it`;
    case 'alterColumnGenerated':
      if (op.from.generated !== undefined) return null;
      return `makes ${op.table}.${op.to.name} a generated column by re-creating it: its values are replaced by computed ones`;
    default:
      return unknownOperation(op);
  }
}
