/**
 * Operations on exclusion constraints and on the validity of checks and foreign keys. Plain
 * data, like every operation (see `operation.ts`).
 */
import type { CheckState, ExclusionState, ForeignKeyState } from '../schema/types.js';

/** Adds an exclusion constraint. */
export interface AddExclusion {
  readonly kind: 'addExclusion';
  readonly table: string;
  readonly exclusion: ExclusionState;
}

/** Drops an exclusion constraint; `exclusion` is the full pre-image. */
export interface DropExclusion {
  readonly kind: 'dropExclusion';
  readonly table: string;
  readonly exclusion: ExclusionState;
}

/** A check or foreign key whose validity changes, as it is when NOT VALID. */
export type ValidatableConstraint =
  | { readonly kind: 'check'; readonly check: CheckState }
  | { readonly kind: 'foreignKey'; readonly foreignKey: ForeignKeyState };

/**
 * Validates a constraint added `NOT VALID` (`ALTER TABLE ... VALIDATE CONSTRAINT`): existing rows
 * are checked, and the migration fails if one violates it. `constraint` is the NOT VALID
 * pre-image, for the reverse.
 */
export interface ValidateConstraint {
  readonly kind: 'validateConstraint';
  readonly table: string;
  readonly constraint: ValidatableConstraint;
}

/**
 * Makes a validated constraint NOT VALID again. Postgres has no statement for it, so the
 * constraint is dropped and added `NOT VALID` (as `constraint` holds it).
 */
export interface InvalidateConstraint {
  readonly kind: 'invalidateConstraint';
  readonly table: string;
  readonly constraint: ValidatableConstraint;
}

/** The operations of this file. */
export type ConstraintDetailOperation = AddExclusion | DropExclusion | ValidateConstraint | InvalidateConstraint;

/** The name of a validatable constraint. */
export function validatableName(constraint: ValidatableConstraint): string {
  return constraint.kind === 'check' ? constraint.check.name : constraint.foreignKey.name;
}

/**
 * The reverse of a constraint-detail operation.
 *
 * @example
 * reverseConstraintDetail({ kind: 'validateConstraint', table: 't', constraint })
 * // => { kind: 'invalidateConstraint', table: 't', constraint }
 */
export function reverseConstraintDetail(op: ConstraintDetailOperation): ConstraintDetailOperation {
  switch (op.kind) {
    case 'addExclusion':
      return { kind: 'dropExclusion', table: op.table, exclusion: op.exclusion };
    case 'dropExclusion':
      return { kind: 'addExclusion', table: op.table, exclusion: op.exclusion };
    case 'validateConstraint':
      return { kind: 'invalidateConstraint', table: op.table, constraint: op.constraint };
    case 'invalidateConstraint':
      return { kind: 'validateConstraint', table: op.table, constraint: op.constraint };
  }
}
