import { nodeOf, tableRef } from '../ast.js';
import type { LintRule } from '../types.js';

/** `CREATE INDEX` without `CONCURRENTLY` on an existing table. */
export const createIndexConcurrently: LintRule = {
  id: 'create-index-concurrently',
  defaultSeverity: 'error',
  locks: true,
  title: 'index built without CONCURRENTLY',
  explanation:
    'A plain CREATE INDEX holds a SHARE lock on the table for the whole build: reads go on, but every ' +
    'INSERT, UPDATE and DELETE waits until the index is built, which on a large table means minutes of ' +
    'blocked writes. CREATE INDEX CONCURRENTLY builds it in several passes without blocking writes; it ' +
    'cannot run inside a transaction, so it goes in its own migration marked "-- worlddb:no-transaction". ' +
    'On a table created earlier in the same migration (or an empty one) the plain form is fine.',
  fix: 'CREATE INDEX CONCURRENTLY ... in its own migration with "-- worlddb:no-transaction" above "-- worlddb:up"',
  examples: {
    bad: ['CREATE INDEX countries_name ON countries (name);', 'create unique index on cities (lower(name));'],
    good: [
      '-- worlddb:no-transaction\n-- worlddb:up\nCREATE INDEX CONCURRENTLY countries_name ON countries (name);',
      'CREATE TABLE t (x int);\nCREATE INDEX t_x ON t (x);',
    ],
  },
  check(statement) {
    const index = nodeOf(statement.node, 'IndexStmt');
    const table = tableRef(index?.relation);
    if (index === undefined || index.concurrent === true || table === undefined) return [];
    return [{ message: `index ${index.idxname ?? ''} built without CONCURRENTLY blocks writes to ${table.name} while it builds`.replace('index  ', 'index '), table }];
  },
};
