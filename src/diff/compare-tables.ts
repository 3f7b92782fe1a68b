/**
 * Tables: created, dropped, and for tables on both sides, their columns, constraints, indexes
 * and comments.
 */
import type { Operation } from '../ops/operation.js';
import type { SchemaState, TableState } from '../schema/types.js';
import { compareColumns } from './compare-columns.js';
import { compareComments } from './compare-comments.js';
import { compareConstraints } from './compare-constraints.js';
import type { CompareContext } from './compare-context.js';
import { compareIndexes } from './compare-indexes.js';
import { compareTableSettings } from './compare-table-settings.js';
import { compareNames, sortByName } from '../schema/compare-names.js';
import { differences } from './differences.js';

/**
 * A table with its constraints and indexes sorted by name (columns keep their order, which is
 * part of the table), so that operations holding a whole table do not depend on list order.
 */
function canonical(table: TableState): TableState {
  return {
    ...table,
    uniques: sortByName(table.uniques),
    foreignKeys: sortByName(table.foreignKeys),
    checks: sortByName(table.checks),
    indexes: sortByName(table.indexes),
    ...(table.policies === undefined ? {} : { policies: sortByName(table.policies) }),
    ...(table.exclusions === undefined ? {} : { exclusions: sortByName(table.exclusions) }),
  };
}

/**
 * The table operations turning the tables of `live` into those of `to` (renames applied to
 * `live`). A new table is created without its foreign keys, which follow as `addForeignKey`
 * operations so that they run once every table and key they reference exists; a dropped table
 * likewise loses its foreign keys first (`dropForeignKey`), and its `dropTable` pre-image holds
 * the rest. Together the operations still hold the whole table.
 *
 * @example
 * compareTables(live, model, context)
 * // => [{ kind: 'createTable', table: { name: 'capitals', ..., foreignKeys: [] } },
 * //     { kind: 'addForeignKey', table: 'capitals', foreignKey: { name: 'capitals_country_fkey', ... } }]
 */
export function compareTables(live: SchemaState, to: SchemaState, context: CompareContext): Operation[] {
  const ops: Operation[] = [];
  const split = differences(live.tables, to.tables);
  for (const table of split.added) {
    const withoutForeignKeys: TableState = { ...canonical(table), foreignKeys: [] };
    ops.push({ kind: 'createTable', table: withoutForeignKeys });
    for (const foreignKey of sortByName(table.foreignKeys)) {
      ops.push({ kind: 'addForeignKey', table: table.name, foreignKey });
    }
  }
  for (const table of split.removed) {
    for (const foreignKey of sortByName(table.foreignKeys)) {
      ops.push({ kind: 'dropForeignKey', table: table.name, foreignKey });
    }
    const withoutForeignKeys: TableState = { ...canonical(table), foreignKeys: [] };
    ops.push({ kind: 'dropTable', table: withoutForeignKeys });
  }
  for (const { from, to: after } of split.modified) {
    ops.push(...compareColumns(from, after, context));
    ops.push(...compareConstraints(from, after));
    ops.push(...compareIndexes(from, after));
    ops.push(...compareComments(from, after));
    ops.push(...compareTableSettings(from, after));
  }
  return ops;
}
