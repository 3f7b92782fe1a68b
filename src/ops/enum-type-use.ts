/**
 * Which enum a column type is, for the comparison (the columns an enum change re-casts) and for
 * the order of statements (a column leaving an enum changes type before the enum changes).
 */
import { printIdentifier } from '../sql/print-identifier.js';
import { quoteIdent } from '../sql/quote.js';

/**
 * If `type` (as `format_type` prints it) is the enum `enumName` of the schema itself, or an array
 * of it, says which; otherwise `null`.
 *
 * @example
 * enumTypeUse('continent[]', 'continent') // => { array: true }
 * enumTypeUse('text', 'continent')        // => null
 */
export function enumTypeUse(type: string, enumName: string): { readonly array: boolean } | null {
  const array = type.endsWith('[]');
  const base = array ? type.slice(0, -2) : type;
  if (base === printIdentifier(enumName) || base === quoteIdent(enumName)) return { array };
  return null;
}

/**
 * True when a column whose type changes from `from` to `to` leaves one of `changingEnums` (the
 * enums whose labels change in the same migration) for a type that is none of them (`continent`
 * → `text`, `continent` → a new enum). Such a column changes type before the enums change, and
 * is not among the columns their rebuild re-casts: it may hold a label that is being removed,
 * which the new type (`text`) can hold but the rebuilt enum cannot. A column going from one
 * changing enum to another (or from `continent` to `continent[]`) is re-cast by the rebuild and
 * changes type after it, as any other column.
 *
 * @example
 * leavesChangingEnum('continent', 'text', ['continent'])          // => true
 * leavesChangingEnum('continent', 'continent[]', ['continent'])   // => false
 * leavesChangingEnum('text', 'continent', ['continent'])          // => false
 */
export function leavesChangingEnum(from: string, to: string, changingEnums: Iterable<string>): boolean {
  const names = [...changingEnums];
  const isChanging = (type: string): boolean => names.some((name) => enumTypeUse(type, name) !== null);
  return isChanging(from) && !isChanging(to);
}
