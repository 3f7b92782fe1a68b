/**
 * Reversal of the object operations (see reverse.ts for the others).
 */
import { unknownObjectOperation, type ObjectOperation } from './object-operations.js';

/**
 * The operation undoing `op`; an involution, as {@link reverseOperation} is.
 *
 * @example
 * reverseObjectOperation({ kind: 'createView', view }) // => { kind: 'dropView', view }
 */
export function reverseObjectOperation(op: ObjectOperation): ObjectOperation {
  switch (op.kind) {
    case 'createSequence':
      return { kind: 'dropSequence', sequence: op.sequence };
    case 'dropSequence':
      return { kind: 'createSequence', sequence: op.sequence };
    case 'alterSequence':
      return { kind: 'alterSequence', from: op.to, to: op.from };
    case 'setSequenceOwner':
      return { kind: 'setSequenceOwner', sequence: op.sequence, from: op.to, to: op.from };
    case 'createDomain':
      return { kind: 'dropDomain', domain: op.domain };
    case 'dropDomain':
      return { kind: 'createDomain', domain: op.domain };
    case 'alterDomain':
      return { kind: 'alterDomain', from: op.to, to: op.from };
    case 'createView':
      return { ...op, kind: 'dropView' };
    case 'dropView':
      return { ...op, kind: 'createView' };
    case 'createFunction':
      return { kind: 'dropFunction', function: op.function };
    case 'dropFunction':
      return { kind: 'createFunction', function: op.function };
    case 'replaceFunction':
      return { kind: 'replaceFunction', from: op.to, to: op.from };
    case 'createTrigger':
      return { kind: 'dropTrigger', trigger: op.trigger };
    case 'dropTrigger':
      return { kind: 'createTrigger', trigger: op.trigger };
    case 'createExtension':
      return { kind: 'dropExtension', extension: op.extension };
    case 'dropExtension':
      return { kind: 'createExtension', extension: op.extension };
    default:
      return unknownObjectOperation(op);
  }
}
