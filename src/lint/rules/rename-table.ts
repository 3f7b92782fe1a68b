import { nodeOf, tableRef } from '../ast.js';
import type { LintRule } from '../types.js';

/** `ALTER TABLE ... RENAME TO`: the running application still uses the old name. */
export const renameTable: LintRule = {
  id: 'rename-table',
  defaultSeverity: 'warning',
  locks: false,
  title: 'table renamed',
  explanation:
    'Renaming a table breaks every running copy of the application that still uses the old name, from the ' +
    'moment the migration commits until the new code is deployed. To move without downtime, rename the ' +
    'table and leave an updatable view under the old name (CREATE VIEW old AS SELECT * FROM new) until ' +
    'no code uses it.',
  fix: 'ALTER TABLE old RENAME TO new; CREATE VIEW old AS SELECT * FROM new; (drop the view once no code uses the old name)',
  examples: {
    bad: ['ALTER TABLE cities RENAME TO towns;'],
    good: ['CREATE TABLE t (x int);\nALTER TABLE t RENAME TO u;'],
  },
  check(statement) {
    const rename = nodeOf(statement.node, 'RenameStmt');
    const table = tableRef(rename?.relation);
    if (rename?.renameType !== 'OBJECT_TABLE' || table === undefined) return [];
    return [{ message: `table ${table.name} renamed to ${rename.newname ?? ''}: running application code still uses the old name`, table }];
  },
};
