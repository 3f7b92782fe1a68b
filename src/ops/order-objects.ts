/**
 * Where the object operations go in the one order of order-operations.ts: their phase and
 * subject. Kept here so that order-operations.ts only names the phases.
 */
import { unknownObjectOperation, type ObjectOperation } from './object-operations.js';

/** The phases of object operations (see `PHASES` in order-operations.ts for where each runs). */
export type ObjectPhase =
  | 'createExtension'
  | 'dropTrigger'
  | 'dropView'
  | 'dropSequenceOwner'
  | 'createSequence'
  | 'createDomain'
  | 'createFunction'
  | 'setSequenceOwner'
  | 'createView'
  | 'createTrigger'
  | 'dropFunction'
  | 'dropDomain'
  | 'dropSequence'
  | 'dropExtension';

/**
 * The phase of an object operation. Triggers and views are dropped first and created last
 * (they depend on tables, columns and functions); sequences, domains and functions are created
 * before tables (columns and defaults use them) and dropped after them; a sequence's owner is
 * removed before columns are dropped and set after they are added. Changes in place run with
 * the creates of their kind.
 */
export function objectPhase(op: ObjectOperation): ObjectPhase {
  switch (op.kind) {
    case 'createExtension':
      return 'createExtension';
    case 'dropExtension':
      return 'dropExtension';
    case 'createTrigger':
      return 'createTrigger';
    case 'dropTrigger':
      return 'dropTrigger';
    case 'createView':
      return 'createView';
    case 'dropView':
      return 'dropView';
    case 'createSequence':
    case 'alterSequence':
      return 'createSequence';
    case 'dropSequence':
      return 'dropSequence';
    case 'setSequenceOwner':
      return op.to === null ? 'dropSequenceOwner' : 'setSequenceOwner';
    case 'createDomain':
    case 'alterDomain':
      return 'createDomain';
    case 'dropDomain':
      return 'dropDomain';
    case 'createFunction':
    case 'replaceFunction':
      return 'createFunction';
    case 'dropFunction':
      return 'dropFunction';
    default:
      return unknownObjectOperation(op);
  }
}

/** What an object operation is about, for the order inside its phase. */
export function objectSubject(op: ObjectOperation): readonly [string, string] {
  switch (op.kind) {
    case 'createSequence':
    case 'dropSequence':
      return [op.sequence.name, ''];
    case 'setSequenceOwner':
      return [op.sequence, ''];
    case 'createDomain':
    case 'dropDomain':
      return [op.domain.name, ''];
    case 'createView':
      // Views read by a view are created before it and dropped after it.
      return [`${String(op.level ?? 0).padStart(4, '0')} ${op.view.name}`, ''];
    case 'dropView':
      return [`${String(9999 - (op.level ?? 0)).padStart(4, '0')} ${op.view.name}`, ''];
    case 'createFunction':
    case 'dropFunction':
      return [op.function.name, ''];
    case 'createTrigger':
    case 'dropTrigger':
      return [op.trigger.table, op.trigger.triggerName];
    case 'createExtension':
    case 'dropExtension':
      return [op.extension.name, ''];
    case 'alterSequence':
    case 'alterDomain':
    case 'replaceFunction':
      // After a create of the same name in the same phase (never both for one object, but the
      // order must not depend on the input's).
      return [op.to.name, op.kind];
    default:
      return unknownObjectOperation(op);
  }
}
