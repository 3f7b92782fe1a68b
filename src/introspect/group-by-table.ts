/**
 * Groups catalog rows by the table they belong to, keeping the order in which they came.
 *
 * @example
 * groupByTable([{ table_name: 't', name: 'a' }], (row) => row.name)
 * // => Map { 't' => ['a'] }
 */
export function groupByTable<R extends { readonly table_name: string }, V>(
  rows: readonly R[],
  parse: (row: R) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(row.table_name);
    const value = parse(row);
    if (group === undefined) groups.set(row.table_name, [value]);
    else group.push(value);
  }
  return groups;
}
