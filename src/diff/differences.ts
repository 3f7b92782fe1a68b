import { compareNames } from '../schema/compare-names.js';
/**
 * The generic split of two keyed collections into added, removed and modified items (as in
 * migra's `differences`): every comparator is built on it, and its output is sorted by name so
 * that everything downstream is deterministic.
 */

/** An item present on both sides. */
export interface Modified<T> {
  readonly from: T;
  readonly to: T;
}

export interface Differences<T> {
  /** In `to` only, sorted by name. */
  readonly added: readonly T[];
  /** In `from` only, sorted by name. */
  readonly removed: readonly T[];
  /** On both sides and not equal, sorted by name. */
  readonly modified: readonly Modified<T>[];
  /** On both sides and equal, sorted by name. */
  readonly unchanged: readonly Modified<T>[];
}

/**
 * Structural equality of plain data (primitives, arrays, plain objects), as the states and
 * operations are.
 *
 * @example
 * deepEqual({ columns: ['a'] }, { columns: ['a'] }) // => true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]));
}

function byName<T extends { readonly name: string }>(items: readonly T[], side: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    // The model loader and the introspection refuse duplicates; reaching this is a bug.
    if (map.has(item.name)) throw new Error(`duplicate name ${JSON.stringify(item.name)} on the ${side} side`);
    map.set(item.name, item);
  }
  return map;
}

/**
 * Splits `from` and `to`, keyed by `name`, into added, removed, modified and unchanged items,
 * each sorted by name.
 *
 * @example
 * differences([{ name: 'a', n: 1 }, { name: 'b', n: 1 }], [{ name: 'b', n: 2 }, { name: 'c', n: 1 }])
 * // => { added: [c], removed: [a], modified: [{ from: b1, to: b2 }], unchanged: [] }
 */
export function differences<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  equal: (a: T, b: T) => boolean = deepEqual,
): Differences<T> {
  const before = byName(from, 'from');
  const after = byName(to, 'to');
  const added: T[] = [];
  const removed: T[] = [];
  const modified: Modified<T>[] = [];
  const unchanged: Modified<T>[] = [];
  for (const [name, item] of before) {
    const other = after.get(name);
    if (other === undefined) removed.push(item);
    else if (equal(item, other)) unchanged.push({ from: item, to: other });
    else modified.push({ from: item, to: other });
  }
  for (const [name, item] of after) if (!before.has(name)) added.push(item);
  const sortItems = (items: T[]): T[] => items.sort((a, b) => compareNames(a.name, b.name));
  const sortPairs = (pairs: Modified<T>[]): Modified<T>[] => pairs.sort((a, b) => compareNames(a.from.name, b.from.name));
  return { added: sortItems(added), removed: sortItems(removed), modified: sortPairs(modified), unchanged: sortPairs(unchanged) };
}

/**
 * Pairs removed and added items that are the same apart from their name (a renamed constraint
 * or index), in name order. Returns the pairs and what is left on each side.
 */
export function pairRenamed<T extends { readonly name: string }>(
  removed: readonly T[],
  added: readonly T[],
  sameDefinition: (a: T, b: T) => boolean,
): { readonly renamed: readonly Modified<T>[]; readonly removed: readonly T[]; readonly added: readonly T[] } {
  const left = [...added];
  const renamed: Modified<T>[] = [];
  const stillRemoved: T[] = [];
  for (const item of removed) {
    const index = left.findIndex((candidate) => sameDefinition(item, candidate));
    if (index === -1) {
      stillRemoved.push(item);
    } else {
      renamed.push({ from: item, to: left[index] as T });
      left.splice(index, 1);
    }
  }
  return { renamed, removed: stillRemoved, added: left };
}
