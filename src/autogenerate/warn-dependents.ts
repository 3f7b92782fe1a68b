import type { Queryable } from '../connection/types.js';
import { readColumnDependents } from '../introspect/read-column-dependents.js';
import { dependentWarnings } from '../ops/dependent-warnings.js';
import type { Operation } from '../ops/operation.js';

const TOUCHING: ReadonlySet<Operation['kind']> = new Set(['dropColumn', 'alterColumnType', 'dropTable']);

/**
 * Warnings for the operations that change or drop a column an unmodelled object (extended statistics,
 * an owned sequence) depends on, read from the live catalog. No query when no operation touches a column.
 *
 * @example
 * for (const w of await warnDependents(session, 'asia', comparison.operations)) console.warn(`warning: ${w}`);
 */
export async function warnDependents(session: Queryable, schema: string, operations: readonly Operation[]): Promise<string[]> {
  if (!operations.some((op) => TOUCHING.has(op.kind))) return [];
  return dependentWarnings(schema, operations, await readColumnDependents(session, schema));
}
