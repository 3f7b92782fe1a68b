/**
 * What the per-object comparators share.
 */
import type { ColumnState } from '../schema/types.js';

export interface CompareContext {
  /** The schema being compared: foreign keys with this `refSchema` point inside it. */
  readonly schema: string;
  /** Columns (see {@link columnKey}) that an enum change of this comparison re-casts. */
  readonly enumColumns: ReadonlySet<string>;
}

/** Key of a column in sets and maps: table and column name. */
export function columnKey(table: string, column: string): string {
  return `${table}\u0000${column}`;
}

/**
 * True when a default that changes from one expression to another must be dropped early and set
 * late (two operations) rather than changed in place: when the type changes too (Postgres cannot
 * always cast the old default to the new type) or when an enum rebuild re-casts the column.
 */
export function splitsDefault(from: ColumnState, to: ColumnState, recastByEnum: boolean): boolean {
  return (
    from.default !== null &&
    to.default !== null &&
    from.default !== to.default &&
    (from.type !== to.type || recastByEnum)
  );
}
