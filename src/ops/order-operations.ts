/**
 * The order of statements: decided here and nowhere else.
 */
import { leavesChangingEnum } from './enum-type-use.js';
import { compareNames } from '../schema/compare-names.js';
import { isObjectOperation } from './object-operations.js';
import { unknownOperation, type Operation } from './operation.js';
import { validatableName } from './constraint-detail-operations.js';
import { objectPhase, objectSubject } from './order-objects.js';

/**
 * The phases, in the order they run. Renames come first so that every later operation can use
 * the new names; then dependents are dropped before what they depend on (foreign keys before the
 * keys and tables they reference, columns and tables before the enums they use); then objects are
 * created before what depends on them (enums before tables and columns, tables and keys before
 * foreign keys). Enums are dropped last. A column leaving an enum whose labels change (`continent`
 * → `text`) changes type just before the enums change (`leaveEnum`): a rebuild could not re-cast a
 * label it removes, and the new type may be an enum created just before.
 */
const PHASES = [
  'createExtension',
  'renameTable',
  'renameColumn',
  'dropTrigger',
  'dropView',
  'dropForeignKey',
  'dropIndex',
  'dropPolicy',
  'dropConstraint',
  'renameConstraintOrIndex',
  'dropDefault',
  'dropIdentityOptions',
  'dropIdentity',
  'dropCollation',
  'dropSequenceOwner',
  'dropColumn',
  'dropTable',
  'createEnum',
  'createSequence',
  'createDomain',
  'createFunction',
  'leaveEnum',
  'changeEnum',
  'createTable',
  'tableSettings',
  'addColumn',
  'setSequenceOwner',
  'alterColumnType',
  'setCollation',
  'alterGenerated',
  'alterNullability',
  'setDefault',
  'setIdentity',
  'setIdentityOptions',
  'addConstraint',
  'createIndex',
  'addForeignKey',
  'createView',
  'createTrigger',
  'createPolicy',
  'comment',
  'dropFunction',
  'dropDomain',
  'dropEnum',
  'dropSequence',
  'dropExtension',
] as const;
type Phase = (typeof PHASES)[number];

const PHASE_RANK: ReadonlyMap<Phase, number> = new Map(PHASES.map((phase, rank) => [phase, rank]));

/** The enums whose labels change in `ops` (added, removed, reordered). */
function changingEnums(ops: readonly Operation[]): Set<string> {
  const names = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'addEnumValue' || op.kind === 'dropEnumValue' || op.kind === 'replaceEnum') names.add(op.enumName);
  }
  return names;
}

function phaseOf(op: Operation, changing: ReadonlySet<string>): Phase {
  if (isObjectOperation(op)) return objectPhase(op);
  switch (op.kind) {
    case 'renameTable':
      return 'renameTable';
    case 'renameColumn':
      return 'renameColumn';
    case 'dropForeignKey':
      return 'dropForeignKey';
    case 'dropIndex':
      return 'dropIndex';
    case 'dropCheck':
    case 'dropUnique':
    case 'dropPrimaryKey':
      return 'dropConstraint';
    case 'renameConstraint':
    case 'renameIndex':
      return 'renameConstraintOrIndex';
    case 'alterColumnDefault':
      // Dropped early (a type change or an identity may need the column without a default),
      // set late (after the type change and after the enum labels it may use exist).
      return op.to === null ? 'dropDefault' : 'setDefault';
    case 'alterColumnIdentity':
      return op.to === null ? 'dropIdentity' : 'setIdentity';
    case 'dropColumn':
      return 'dropColumn';
    case 'dropTable':
      return 'dropTable';
    case 'createEnum':
      return 'createEnum';
    case 'addEnumValue':
    case 'dropEnumValue':
    case 'replaceEnum':
      return 'changeEnum';
    case 'createTable':
      return 'createTable';
    case 'addColumn':
      return 'addColumn';
    case 'alterColumnType':
      return leavesChangingEnum(op.from, op.to, changing) ? 'leaveEnum' : 'alterColumnType';
    case 'alterColumnNullability':
      return 'alterNullability';
    case 'addPrimaryKey':
    case 'addUnique':
    case 'addCheck':
      return 'addConstraint';
    case 'createIndex':
      return 'createIndex';
    case 'addForeignKey':
      return 'addForeignKey';
    case 'setTableComment':
    case 'setColumnComment':
      return 'comment';
    case 'dropEnum':
      return 'dropEnum';
    case 'alterIdentityOptions':
      // Options go before the identity is dropped and after it is added (the down part mirrors).
      return op.to === null ? 'dropIdentityOptions' : 'setIdentityOptions';
    case 'alterColumnCollation':
      // Back to the default before a type change (which resets it anyway), set after it.
      return op.to === null ? 'dropCollation' : 'setCollation';
    case 'alterColumnGenerated':
      return 'alterGenerated';
    case 'addExclusion':
      return 'addConstraint';
    case 'dropExclusion':
      return 'dropConstraint';
    case 'validateConstraint':
    case 'invalidateConstraint':
      return op.constraint.kind === 'check' ? 'addConstraint' : 'addForeignKey';
    case 'setTableLogging':
    case 'setTableStorage':
    case 'setRowSecurity':
      return 'tableSettings';
    case 'createPolicy':
      return 'createPolicy';
    case 'dropPolicy':
      return 'dropPolicy';
    default:
      return unknownOperation(op);
  }
}

/**
 * Label changes of one enum must run in sequence (each one's `values` are the labels left by
 * the previous one): additions by growing label count, removals by shrinking label count.
 */
function sequenceOf(op: Operation): number {
  if (op.kind === 'addEnumValue') return op.values.length;
  if (op.kind === 'dropEnumValue') return -op.values.length;
  return 0;
}

/**
 * What an operation is about, for the order inside a phase: the table (or enum), then the
 * object.
 */
function subjectOf(op: Operation): readonly [string, string] {
  if (isObjectOperation(op)) return objectSubject(op);
  switch (op.kind) {
    case 'createTable':
    case 'dropTable':
      return [op.table.name, ''];
    case 'renameTable':
      return [op.from, ''];
    case 'addColumn':
      // Added columns keep the order they are given in (the model's): Postgres appends each
      // column at the end, and sorting them by name would leave the table in another order.
      return [op.table, ''];
    case 'dropColumn':
      return [op.table, op.column.name];
    case 'renameColumn':
    case 'renameConstraint':
    case 'renameIndex':
      return [op.table, op.from];
    case 'alterColumnType':
    case 'alterColumnNullability':
    case 'alterColumnDefault':
    case 'alterColumnIdentity':
    case 'setColumnComment':
    case 'alterIdentityOptions':
    case 'alterColumnCollation':
      return [op.table, op.column];
    case 'alterColumnGenerated':
      return [op.table, op.to.name];
    case 'addExclusion':
    case 'dropExclusion':
      return [op.table, op.exclusion.name];
    case 'validateConstraint':
    case 'invalidateConstraint':
      return [op.table, validatableName(op.constraint)];
    case 'setTableLogging':
      return [op.table, 'logging'];
    case 'setTableStorage':
      return [op.table, 'storage'];
    case 'setRowSecurity':
      return [op.table, 'row security'];
    case 'createPolicy':
    case 'dropPolicy':
      return [op.table, op.policy.name];
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
      return [op.table, op.primaryKey.name];
    case 'addUnique':
    case 'dropUnique':
      return [op.table, op.unique.name];
    case 'addForeignKey':
    case 'dropForeignKey':
      return [op.table, op.foreignKey.name];
    case 'addCheck':
    case 'dropCheck':
      return [op.table, op.check.name];
    case 'createIndex':
    case 'dropIndex':
      return [op.table, op.index.name];
    case 'createEnum':
    case 'dropEnum':
      return [op.enum.name, ''];
    case 'addEnumValue':
    case 'dropEnumValue':
    case 'replaceEnum':
      return [op.enumName, ''];
    case 'setTableComment':
      return [op.table, ''];
    default:
      return unknownOperation(op);
  }
}

/**
 * Puts operations in an order Postgres accepts: by phase (see `PHASES`), then by table (or enum)
 * name, then by object name (then, for label changes of one enum, in sequence). Operations with
 * equal keys keep their relative order: added columns of one table stay in the order given (the
 * comparison gives them in the model's column order); for every other kind the comparison never
 * produces two operations with equal keys.
 *
 * The reverse of an ordered list (the down part, see `reverseOperations`) is in a valid order
 * too: a column that leaves an enum before the enum changes comes back to it after the enum is
 * changed back.
 *
 * Not handled: chains or cycles of renames (`a` → `b` while `b` → `c`).
 *
 * @example
 * orderOperations([addForeignKeyToCurrencies, createTableCurrencies])
 * // => [createTableCurrencies, addForeignKeyToCurrencies]
 */
export function orderOperations(ops: readonly Operation[]): Operation[] {
  const changing = changingEnums(ops);
  const keyed = ops.map((op, position) => ({
    op,
    position,
    rank: PHASE_RANK.get(phaseOf(op, changing)) ?? 0,
    subject: subjectOf(op),
    sequence: sequenceOf(op),
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareNames(a.subject[0], b.subject[0]) ||
      compareNames(a.subject[1], b.subject[1]) ||
      a.sequence - b.sequence ||
      a.position - b.position,
  );
  return keyed.map((entry) => entry.op);
}
