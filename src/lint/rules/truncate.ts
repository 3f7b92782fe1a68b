import { nodeOf, tableRef } from '../ast.js';
import type { LintRule } from '../types.js';

/** `TRUNCATE`: every row gone, under an ACCESS EXCLUSIVE lock. */
export const truncate: LintRule = {
  id: 'truncate',
  defaultSeverity: 'warning',
  locks: false,
  title: 'TRUNCATE in a migration',
  explanation:
    'TRUNCATE deletes every row of the table (and, with CASCADE, of the tables referencing it) and takes an ' +
    'ACCESS EXCLUSIVE lock. Data changes rarely belong in a schema migration; when they do, delete exactly ' +
    'the rows meant, in batches.',
  fix: 'DELETE FROM t WHERE ... in batches, or "-- worlddb:lint-ignore truncate <why it is safe>"',
  examples: {
    bad: ['TRUNCATE cities;', 'truncate table app.cities, app.towns cascade;'],
    good: ['CREATE TABLE t (x int);\nTRUNCATE t;'],
  },
  check(statement) {
    const node = nodeOf(statement.node, 'TruncateStmt');
    return (node?.relations ?? []).flatMap((relation) => {
      const table = tableRef(nodeOf(relation, 'RangeVar'));
      return table === undefined ? [] : [{ message: `TRUNCATE deletes every row of ${table.name}`, table }];
    });
  },
};
