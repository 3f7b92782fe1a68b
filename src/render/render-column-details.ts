/**
 * SQL of the column-detail operations (generation, identity options, collation) and of those
 * parts of a column definition.
 */
import type { ColumnDetailOperation } from '../ops/column-detail-operations.js';
import { fullIdentityOptions, identityOptionsSql } from '../schema/identity-options.js';
import type { ColumnState } from '../schema/types.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';

/** ` COLLATE "C"`, or nothing for the type's default collation. */
export function collationClause(column: ColumnState): string {
  return column.collation === undefined ? '' : ` COLLATE ${column.collation}`;
}

/** ` (START WITH 100 INCREMENT BY 10)` after `AS IDENTITY`, or nothing when all are defaults. */
export function identityOptionsClause(column: ColumnState): string {
  const options = identityOptionsSql(column.identityOptions);
  return options === '' ? '' : ` (${options})`;
}

/** ` GENERATED ALWAYS AS (expr) STORED`, or nothing for an ordinary column. */
export function generatedClause(column: ColumnState): string {
  return column.generated === undefined ? '' : ` GENERATED ALWAYS AS (${column.generated}) STORED`;
}

function alterColumn(table: string, column: string, action: string): string {
  return `ALTER TABLE ${quoteIdent(table)} ALTER COLUMN ${quoteIdent(column)} ${action}`;
}

/**
 * The statements of one column-detail operation. `columnDefinition` writes a whole column (the
 * renderer's), for a column that is re-created.
 *
 * @example
 * renderColumnDetail({ kind: 'alterColumnCollation', table: 't', column: 'c', type: 'text', from: null, to: '"C"' }, def)
 * // => ['ALTER TABLE "t" ALTER COLUMN "c" TYPE text COLLATE "C"']
 */
export function renderColumnDetail(op: ColumnDetailOperation, columnDefinition: (column: ColumnState) => string): string[] {
  switch (op.kind) {
    case 'alterColumnGenerated': {
      if (op.from.generated !== undefined && op.to.generated === undefined) {
        return [alterColumn(op.table, op.from.name, 'DROP EXPRESSION')];
      }
      const statements = [
        `ALTER TABLE ${quoteIdent(op.table)} DROP COLUMN ${quoteIdent(op.from.name)}`,
        `ALTER TABLE ${quoteIdent(op.table)} ADD COLUMN ${columnDefinition(op.to)}`,
      ];
      if (op.to.comment !== null) {
        statements.push(`COMMENT ON COLUMN ${quoteIdent(op.table)}.${quoteIdent(op.to.name)} IS ${quoteLiteral(op.to.comment)}`);
      }
      return statements;
    }
    case 'alterIdentityOptions': {
      // Every option is set, so that one left out of `to` goes back to its default.
      const full = fullIdentityOptions(op.type, op.to ?? undefined);
      const action = [
        `SET INCREMENT BY ${full.increment}`,
        `SET MINVALUE ${full.minValue}`,
        `SET MAXVALUE ${full.maxValue}`,
        `SET START WITH ${full.start}`,
        `SET CACHE ${full.cache}`,
        full.cycle ? 'SET CYCLE' : 'SET NO CYCLE',
      ].join(' ');
      return [alterColumn(op.table, op.column, action)];
    }
    case 'alterColumnCollation':
      return [alterColumn(op.table, op.column, `TYPE ${op.type} COLLATE ${op.to ?? '"default"'}`)];
  }
}
