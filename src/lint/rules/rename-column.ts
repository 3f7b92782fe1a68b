import { nodeOf, tableRef } from '../ast.js';
import type { LintRule } from '../types.js';

/** `RENAME COLUMN`: the running application still uses the old name. */
export const renameColumn: LintRule = {
  id: 'rename-column',
  defaultSeverity: 'warning',
  locks: false,
  title: 'column renamed',
  explanation:
    'Renaming a column is instant for Postgres but breaks every running copy of the application that still ' +
    'reads or writes the old name, from the moment the migration commits until the new code is deployed. ' +
    'Deploy in steps instead: add the new column, write both, backfill, read the new one, stop writing the ' +
    'old one, drop it.',
  fix: 'add the new column, write to both, backfill, switch reads, then drop the old column in a later release',
  examples: {
    bad: ['ALTER TABLE cities RENAME COLUMN name TO city_name;'],
    good: ["SET lock_timeout = '5s';\nALTER TABLE cities ADD COLUMN city_name text;", 'CREATE TABLE t (x int);\nALTER TABLE t RENAME COLUMN x TO y;'],
  },
  check(statement) {
    const rename = nodeOf(statement.node, 'RenameStmt');
    const table = tableRef(rename?.relation);
    if (rename?.renameType !== 'OBJECT_COLUMN' || table === undefined) return [];
    return [{ message: `column ${table.name}.${rename.subname ?? ''} renamed to ${rename.newname ?? ''}: running application code still uses the old name`, table }];
  },
};
