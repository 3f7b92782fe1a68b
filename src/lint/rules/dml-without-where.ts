import { nodeOf, tableRef } from '../ast.js';
import type { LintRule } from '../types.js';

/** `DELETE` or `UPDATE` of every row. */
export const dmlWithoutWhere: LintRule = {
  id: 'dml-without-where',
  defaultSeverity: 'warning',
  locks: false,
  title: 'DELETE or UPDATE without WHERE',
  explanation:
    'A DELETE or UPDATE without WHERE touches every row in one transaction: it locks them all until the ' +
    'migration commits, bloats the table and can run for a long time. If every row is really meant, update ' +
    'in batches by key range; otherwise the missing WHERE is a bug.',
  fix: 'add the WHERE clause, or update in batches (WHERE id BETWEEN ... AND ...)',
  examples: {
    bad: ['DELETE FROM cities;', "UPDATE cities SET name = upper(name);"],
    good: ["DELETE FROM cities WHERE name = '';", "UPDATE cities SET name = upper(name) WHERE id BETWEEN 1 AND 10000;"],
  },
  check(statement) {
    const del = nodeOf(statement.node, 'DeleteStmt');
    const update = nodeOf(statement.node, 'UpdateStmt');
    const body = del ?? update;
    const table = tableRef(body?.relation);
    if (body === undefined || body.whereClause !== undefined || table === undefined) return [];
    return [{ message: `${del === undefined ? 'UPDATE' : 'DELETE'} without WHERE touches every row of ${table.name}`, table }];
  },
};
