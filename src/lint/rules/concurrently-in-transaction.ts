import { nodeOf } from '../ast.js';
import type { LintRule } from '../types.js';

/** `CONCURRENTLY` in a migration that runs in a transaction: Postgres refuses it. */
export const concurrentlyInTransaction: LintRule = {
  id: 'concurrently-in-transaction',
  defaultSeverity: 'error',
  locks: false,
  title: 'CONCURRENTLY inside a transactional migration',
  explanation:
    'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY cannot run inside a ' +
    'transaction block, and worlddb runs every migration in one unless it says otherwise: the migration ' +
    'would fail with "cannot run inside a transaction block". Put the statement in its own migration ' +
    'marked "-- worlddb:no-transaction" (one statement per such file, since a failure half-way leaves ' +
    'the earlier statements applied).',
  fix: 'move the statement to its own migration with "-- worlddb:no-transaction" above "-- worlddb:up"',
  examples: {
    bad: ['CREATE INDEX CONCURRENTLY countries_name ON countries (name);', 'DROP INDEX CONCURRENTLY countries_name;'],
    good: ['-- worlddb:no-transaction\n-- worlddb:up\nCREATE INDEX CONCURRENTLY countries_name ON countries (name);'],
  },
  check(statement, context) {
    if (!context.transactional) return [];
    const { node } = statement;
    const concurrent =
      nodeOf(node, 'IndexStmt')?.concurrent === true ||
      nodeOf(node, 'DropStmt')?.concurrent === true ||
      (nodeOf(node, 'ReindexStmt') !== undefined && /\bconcurrently\b/i.test(statement.text));
    return concurrent ? [{ message: 'CONCURRENTLY cannot run inside a transaction block, and this migration runs in one' }] : [];
  },
};
