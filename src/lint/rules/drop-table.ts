import { droppedNames, refFromNames } from './support.js';
import type { LintRule } from '../types.js';

/** `DROP TABLE`: data lost. */
export const dropTable: LintRule = {
  id: 'drop-table',
  defaultSeverity: 'warning',
  locks: false,
  title: 'table dropped',
  explanation:
    'Dropping a table deletes its rows for good and breaks any running code that still uses it. Make sure ' +
    'nothing reads it any more (and that a backup exists), then drop it with a lint-ignore comment saying why.',
  fix: 'stop using the table first; then drop it with "-- worlddb:lint-ignore drop-table <why it is safe>"',
  examples: {
    bad: ['DROP TABLE cities;', 'drop table if exists app.cities, app.towns cascade;'],
    good: ['CREATE TABLE t (x int);\nDROP TABLE t;'],
  },
  check(statement) {
    return droppedNames(statement, 'OBJECT_TABLE').flatMap((parts) => {
      const table = refFromNames(parts);
      return table === undefined ? [] : [{ message: `table ${parts.join('.')} dropped: its rows are lost`, table }];
    });
  },
};
