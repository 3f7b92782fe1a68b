import type { LintRule } from '../types.js';

/** A statement Postgres' parser refuses. Found while reading the file, before the other rules run. */
export const syntaxError: LintRule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  locks: false,
  title: 'statement Postgres cannot parse',
  explanation:
    'Every statement is read with the Postgres parser itself (libpg-query, the grammar of Postgres 18). A ' +
    'statement it refuses would fail when the migration runs; the other rules cannot look at it.',
  fix: 'correct the statement (the position points at the token the parser stopped at)',
  examples: { bad: ['CREATE TABLE t (x int,);', 'ALTER TABLE cities ADD COLUMN;'], good: ['CREATE TABLE t (x int);'] },
  check: () => [],
};
