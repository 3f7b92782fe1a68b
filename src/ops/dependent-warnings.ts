/**
 * Warnings for operations that touch a column an unmodelled object depends on (extended statistics
 * or a sequence owned by a dropped column, dropped with it; an object that makes the change fail). Pure: the dependents come from
 * introspect/read-column-dependents.ts.
 */
import type { ColumnDependent } from '../introspect/read-column-dependents.js';
import type { Operation } from './operation.js';

/** The columns an operation changes in a way their dependents cannot follow, with what it does to them. */
function touchedColumns(op: Operation): { table: string; columns: readonly string[] | 'all'; what: string; drops: boolean } | null {
  switch (op.kind) {
    case 'dropColumn':
      return { table: op.table, columns: [op.column.name], what: 'is dropped', drops: true };
    case 'alterColumnType':
      return { table: op.table, columns: [op.column], what: `changes type (${op.from} to ${op.to})`, drops: false };
    case 'dropTable':
      return { table: op.table.name, columns: 'all', what: 'is dropped with its table', drops: true };
    default:
      return null;
  }
}

/**
 * One warning per touched column and dependent, e.g. `column asia.countries.population changes type
 * (integer to bigint) and ... depends on it: ...`, or `column asia.t.id is dropped and sequence asia.t_id_seq
 * depends on it: it is dropped with the column`.
 *
 * @example
 * dependentWarnings('asia', ops, [{ table: 't', column: 'id', dependent: 'sequence asia.t_id_seq', auto: true }])
 */
export function dependentWarnings(schema: string, operations: readonly Operation[], dependents: readonly ColumnDependent[]): string[] {
  const warnings: string[] = [];
  for (const op of operations) {
    const touched = touchedColumns(op);
    if (touched === null) continue;
    for (const dep of dependents) {
      if (dep.table !== touched.table || (touched.columns !== 'all' && !touched.columns.includes(dep.column))) continue;
      if (dep.auto && !touched.drops) continue; // it follows a type change
      const effect = dep.auto
        ? 'it is dropped with the column'
        : 'the migration will fail on it: drop it before the change and re-create it after, in the migration';
      warnings.push(`column ${schema}.${dep.table}.${dep.column} ${touched.what} and ${dep.dependent} depends on it: ${effect}`);
    }
  }
  return warnings;
}
