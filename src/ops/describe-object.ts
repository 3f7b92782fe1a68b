/**
 * One-line summaries and destructiveness of the object operations (see describe.ts and
 * destructive.ts for the others).
 */
import { unknownObjectOperation, type ObjectOperation } from './object-operations.js';
import type { SequenceOwner } from '../schema/object-types.js';

function owner(o: SequenceOwner | null): string {
  return o === null ? 'none' : `${o.table}.${o.column}`;
}

/**
 * A short summary of `op`, with names shown by `t` (qualified with the schema).
 *
 * @example
 * describeObjectOperation({ kind: 'createView', view }, (name) => `asia.${name}`)
 * // => '+ view asia.film_list'
 */
export function describeObjectOperation(op: ObjectOperation, t: (name: string) => string): string {
  switch (op.kind) {
    case 'createSequence':
      return `+ sequence ${t(op.sequence.name)}`;
    case 'dropSequence':
      return `- sequence ${t(op.sequence.name)}`;
    case 'alterSequence':
      return `~ sequence ${t(op.to.name)}`;
    case 'setSequenceOwner':
      return `~ sequence ${t(op.sequence)} owned by ${owner(op.from)} -> ${owner(op.to)}`;
    case 'createDomain':
      return `+ domain ${t(op.domain.name)} (${op.domain.type})`;
    case 'dropDomain':
      return `- domain ${t(op.domain.name)} (${op.domain.type})`;
    case 'alterDomain':
      return op.from.type === op.to.type ? `~ domain ${t(op.to.name)}` : `~ domain ${t(op.to.name)} type ${op.from.type} -> ${op.to.type}`;
    case 'createView':
      return `+ ${op.view.materialized ? 'materialized view' : 'view'} ${t(op.view.name)}`;
    case 'dropView':
      return `- ${op.view.materialized ? 'materialized view' : 'view'} ${t(op.view.name)}`;
    case 'createFunction':
      return `+ ${op.function.kind} ${t(op.function.functionName)}(${op.function.identityArguments})`;
    case 'dropFunction':
      return `- ${op.function.kind} ${t(op.function.functionName)}(${op.function.identityArguments})`;
    case 'replaceFunction':
      return `~ ${op.to.kind} ${t(op.to.functionName)}(${op.to.identityArguments})`;
    case 'createTrigger':
      return `+ trigger ${t(op.trigger.triggerName)} on ${op.trigger.table}`;
    case 'dropTrigger':
      return `- trigger ${t(op.trigger.triggerName)} on ${op.trigger.table}`;
    case 'createExtension':
      return `+ extension ${op.extension.name}`;
    case 'dropExtension':
      return `- extension ${op.extension.name}`;
    default:
      return unknownObjectOperation(op);
  }
}

/**
 * Why `op` can lose data, or null. Dropping a sequence loses its position, dropping a
 * materialized view its rows (they can be computed again), dropping an extension every object
 * it holds; dropping a domain fails while a column uses it. Views, functions and triggers hold
 * no data.
 *
 * @example
 * objectDestructiveReason({ kind: 'dropExtension', extension: { name: 'pg_trgm', schema: 'asia' } })
 * // => 'drops extension pg_trgm and every object it holds'
 */
export function objectDestructiveReason(op: ObjectOperation): string | null {
  switch (op.kind) {
    case 'dropSequence':
      return `drops sequence ${op.sequence.name} and its current value`;
    case 'dropExtension':
      return `drops extension ${op.extension.name} and every object it holds`;
    case 'dropDomain':
      return `drops domain ${op.domain.name}`;
    case 'alterDomain':
      if (op.from.type !== op.to.type) return `drops and creates domain ${op.to.name} to change its type from ${op.from.type} to ${op.to.type}: fails while a column uses it`;
      return op.to.notNull && !op.from.notNull
        ? `sets NOT NULL on domain ${op.to.name}: fails if a column of it holds NULLs`
        : op.to.checks.some((c) => !op.from.checks.some((f) => f.name === c.name && f.expression === c.expression))
          ? `adds a check to domain ${op.to.name}: fails if a value of it does not pass`
          : null;
    default:
      return null;
  }
}
