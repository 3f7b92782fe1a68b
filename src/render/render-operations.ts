/**
 * Whole lists of operations, and one table's DDL, as SQL text.
 */
import type { Operation } from '../ops/operation.js';
import { destructiveReason } from '../ops/destructive.js';
import type { TableState } from '../schema/types.js';
import { renderCreateTable, renderOperation } from './render-operation.js';

/**
 * The statements (without trailing semicolons) of `ops`, in the order given. Order the operations
 * first with `orderOperations` (the comparison already returns them ordered).
 *
 * @example
 * renderOperations('asia', [{ kind: 'dropIndex', table: 'countries', index }])
 * // => ['DROP INDEX "countries_name_idx"']
 */
export function renderOperations(schema: string, ops: readonly Operation[]): string[] {
  return ops.flatMap((op) => renderOperation(op, { schema }));
}

export interface RenderScriptOptions {
  /** Write `-- WARNING: <reason>` above each destructive operation. Default: true. */
  readonly warnings?: boolean;
}

/**
 * `ops` as an SQL script: each statement ends with `;` on its own line(s), and each destructive
 * operation is preceded by `-- WARNING: <reason>`. Empty string for no operations.
 *
 * @example
 * renderScript('asia', [{ kind: 'dropColumn', table: 'countries', column }])
 * // => '-- WARNING: drops column countries.area and its data\nALTER TABLE "countries" DROP COLUMN "area";\n'
 */
export function renderScript(schema: string, ops: readonly Operation[], options: RenderScriptOptions = {}): string {
  const lines: string[] = [];
  for (const op of ops) {
    const reason = options.warnings === false ? null : destructiveReason(op);
    if (reason !== null) lines.push(`-- WARNING: ${reason.replace(/[\r\n]+/g, ' ')}`);
    for (const statement of renderOperation(op, { schema })) lines.push(`${statement};`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * The DDL of one table, deterministic, for showing a table's database and model side by side
 * (`worlddb check` diffs the two texts): CREATE TABLE with columns in order and constraints grouped
 * and sorted by name (foreign keys inline), then indexes by name, then comments.
 *
 * @example
 * renderTableDdl(countries, 'asia')
 * // => 'CREATE TABLE "countries" (\n  "id" integer NOT NULL,\n  ...\n);\n'
 */
export function renderTableDdl(table: TableState, schema: string): string {
  return `${renderCreateTable(table, { schema }).map((statement) => `${statement};`).join('\n')}\n`;
}
