/**
 * Operations on the schema-level objects of object-types.ts: sequences, domains, views,
 * functions, triggers and extensions. Plain data like every operation; drops keep the full
 * pre-image, so that their reverse rebuilds what they drop.
 */
import type {
  DomainState,
  ExtensionState,
  FunctionState,
  SequenceOwner,
  SequenceState,
  TriggerState,
  ViewState,
} from '../schema/object-types.js';

/** Creates a sequence (its owner is set by a separate {@link SetSequenceOwner}, once the column exists). */
export interface CreateSequence {
  readonly kind: 'createSequence';
  readonly sequence: SequenceState;
}

/** Drops a sequence; `sequence` is the full pre-image. Its owner is removed first by a {@link SetSequenceOwner}. */
export interface DropSequence {
  readonly kind: 'dropSequence';
  readonly sequence: SequenceState;
}

/** Changes a sequence's type, bounds, start, increment, cache or cycle (the owner aside). */
export interface AlterSequence {
  readonly kind: 'alterSequence';
  readonly from: SequenceState;
  readonly to: SequenceState;
}

/** Sets (or, with `to: null`, removes) the column a sequence is owned by. */
export interface SetSequenceOwner {
  readonly kind: 'setSequenceOwner';
  readonly sequence: string;
  readonly from: SequenceOwner | null;
  readonly to: SequenceOwner | null;
}

export interface CreateDomain {
  readonly kind: 'createDomain';
  readonly domain: DomainState;
}

/** Drops a domain; `domain` is the full pre-image. */
export interface DropDomain {
  readonly kind: 'dropDomain';
  readonly domain: DomainState;
}

/**
 * Changes a domain's default, NOT NULL or checks in place; a change of its base type drops and
 * creates it (ALTER DOMAIN cannot change it), which Postgres refuses while a column uses it.
 */
export interface AlterDomain {
  readonly kind: 'alterDomain';
  readonly from: DomainState;
  readonly to: DomainState;
}

/** Creates a view or a materialized view (with its indexes). */
export interface CreateView {
  readonly kind: 'createView';
  readonly view: ViewState;
  /**
   * How deep the view sits on other views of the schema (1 + the deepest view it reads; absent
   * for 0): views are created by growing level and dropped by shrinking level.
   */
  readonly level?: number;
}

/** Drops a view or a materialized view; `view` is the full pre-image. */
export interface DropView {
  readonly kind: 'dropView';
  readonly view: ViewState;
  /** See {@link CreateView.level}. */
  readonly level?: number;
}

export interface CreateFunction {
  readonly kind: 'createFunction';
  readonly function: FunctionState;
}

/** Drops a function or procedure; `function` is the full pre-image. */
export interface DropFunction {
  readonly kind: 'dropFunction';
  readonly function: FunctionState;
}

/**
 * Replaces the definition of a function or procedure of the same signature: `CREATE OR
 * REPLACE`, or a drop and a create when the result type changes (Postgres cannot replace that).
 */
export interface ReplaceFunction {
  readonly kind: 'replaceFunction';
  readonly from: FunctionState;
  readonly to: FunctionState;
}

export interface CreateTrigger {
  readonly kind: 'createTrigger';
  readonly trigger: TriggerState;
}

/** Drops a trigger; `trigger` is the full pre-image. */
export interface DropTrigger {
  readonly kind: 'dropTrigger';
  readonly trigger: TriggerState;
}

/** `CREATE EXTENSION IF NOT EXISTS`: a no-op when the extension is installed in any schema. */
export interface CreateExtension {
  readonly kind: 'createExtension';
  readonly extension: ExtensionState;
}

/** Drops an extension installed in the schema (always flagged destructive). */
export interface DropExtension {
  readonly kind: 'dropExtension';
  readonly extension: ExtensionState;
}

/** One change of a schema-level object. */
export type ObjectOperation =
  | CreateSequence
  | DropSequence
  | AlterSequence
  | SetSequenceOwner
  | CreateDomain
  | DropDomain
  | AlterDomain
  | CreateView
  | DropView
  | CreateFunction
  | DropFunction
  | ReplaceFunction
  | CreateTrigger
  | DropTrigger
  | CreateExtension
  | DropExtension;

const OBJECT_KINDS: ReadonlySet<string> = new Set<ObjectOperation['kind']>([
  'createSequence',
  'dropSequence',
  'alterSequence',
  'setSequenceOwner',
  'createDomain',
  'dropDomain',
  'alterDomain',
  'createView',
  'dropView',
  'createFunction',
  'dropFunction',
  'replaceFunction',
  'createTrigger',
  'dropTrigger',
  'createExtension',
  'dropExtension',
]);

/**
 * True when `op` is an {@link ObjectOperation}: the switches over all operations hand these to
 * the object-specific functions first.
 *
 * @example
 * isObjectOperation({ kind: 'createView', view }) // => true
 */
export function isObjectOperation(op: { readonly kind: string }): op is ObjectOperation {
  return OBJECT_KINDS.has(op.kind);
}

/** Thrown by exhaustive switches over object operations. */
export function unknownObjectOperation(op: never): never {
  throw new Error(`unknown object operation kind: ${JSON.stringify((op as { kind?: unknown }).kind)}`);
}
