import { nodeOf } from '../ast.js';
import { droppedNames } from './support.js';
import type { LintRule } from '../types.js';

/** `DROP INDEX` without `CONCURRENTLY`. */
export const dropIndexConcurrently: LintRule = {
  id: 'drop-index-concurrently',
  defaultSeverity: 'error',
  locks: true,
  title: 'index dropped without CONCURRENTLY',
  explanation:
    'A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index\'s table: while it waits for running ' +
    'queries to finish, every new read and write of the table queues behind it. DROP INDEX CONCURRENTLY ' +
    'waits for those queries without blocking new ones. Like CREATE INDEX CONCURRENTLY it cannot run in ' +
    'a transaction.',
  fix: 'DROP INDEX CONCURRENTLY ... in its own migration with "-- worlddb:no-transaction" above "-- worlddb:up"',
  examples: {
    bad: ['DROP INDEX countries_name;', 'drop index if exists app.cities_lower_name;'],
    good: ['-- worlddb:no-transaction\n-- worlddb:up\nDROP INDEX CONCURRENTLY countries_name;'],
  },
  check(statement) {
    const dropped = droppedNames(statement, 'OBJECT_INDEX');
    if (dropped.length === 0 || nodeOf(statement.node, 'DropStmt')?.concurrent === true) return [];
    return dropped.map((parts) => ({ message: `index ${parts.join('.')} dropped without CONCURRENTLY locks its table against reads and writes` }));
  },
};
