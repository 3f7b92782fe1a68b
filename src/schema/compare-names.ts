/**
 * The one order of names in worlddb: by UTF-16 code units, the same result in every locale. The
 * model, the introspection, the comparison and the renderer all sort with it, so that two states
 * of the same schema list their objects identically and output is deterministic.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareNames) // => ['B', 'a', 'b']
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A copy of `items` sorted by their `name` with {@link compareNames}.
 *
 * @example
 * sortByName([{ name: 'b' }, { name: 'a' }]) // => [{ name: 'a' }, { name: 'b' }]
 */
export function sortByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNames(a.name, b.name));
}
