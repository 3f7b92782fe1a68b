/**
 * What autogenerate learns from the catalog about a column type change (see
 * `src/introspect/read-type-change-facts.ts`), and the warning it gives.
 */

/**
 * The cast Postgres has from the old type to the new one: `same` (the same type, only its
 * modifier changes), `implicit` / `assignment` (ALTER ... TYPE needs no USING), `explicit` (it
 * needs `USING col::type`, and the conversion may fail on some values), `none` (no cast at all: a
 * hand-written USING expression is needed), `unknown` (a type the catalog does not know yet,
 * e.g. one the same migration creates).
 */
export type TypeChangeCast = 'same' | 'implicit' | 'assignment' | 'explicit' | 'none' | 'unknown';

export interface TypeChangeSafety {
  readonly cast: TypeChangeCast;
  /** Objects using the column (`index x`, `constraint y`, `view v`, `trigger t`), sorted. */
  readonly usedBy: readonly string[];
}

/**
 * The warning about a type change given what the catalog says, or `null`: no cast (a USING
 * expression must be written by hand), or a trigger or view using the column (they may break,
 * or need to be re-created); the objects using the column are named. `generic` is the warning
 * the type change gets without the catalog (values may be lost), or null.
 *
 * @example
 * typeChangeWarning('films', 'fulltext', 'tsvector', 'integer', { cast: 'none', usedBy: ['trigger films_fulltext'] }, null)
 * // => 'changes films.fulltext from tsvector to integer: Postgres has no cast between them, write a USING expression; used by trigger films_fulltext'
 */
export function typeChangeWarning(
  table: string,
  column: string,
  from: string,
  to: string,
  safety: TypeChangeSafety,
  generic: string | null,
  hasUsing = false,
): string | null {
  let reason = generic;
  if (safety.cast === 'none' && !hasUsing) {
    reason = `changes ${table}.${column} from ${from} to ${to}: Postgres has no cast between them, write a USING expression`;
  }
  const risky = safety.usedBy.some((what) => what.startsWith('trigger ') || what.startsWith('view ') || what.startsWith('materialized view '));
  if (reason === null && risky) reason = `changes ${table}.${column} from ${from} to ${to}`;
  if (reason !== null && safety.usedBy.length > 0) reason += `; used by ${safety.usedBy.join(', ')}`;
  return reason;
}
