/**
 * Freezes a tree of plain objects and arrays, so that no consumer can change a state it was given.
 *
 * @example
 * const state = deepFreeze({ tables: [{ name: 'countries' }] });
 * Object.isFrozen(state.tables[0]) // => true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
