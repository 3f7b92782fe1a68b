import { declaredColumns } from './type-helpers.js';
import type { LintRule } from '../types.js';

/** `timestamp` (without time zone) columns. */
export const preferTimestamptz: LintRule = {
  id: 'prefer-timestamptz',
  defaultSeverity: 'warning',
  locks: false,
  title: 'timestamp where timestamptz fits',
  explanation:
    'timestamp (without time zone) stores a wall-clock reading with no zone: the same instant written from ' +
    'two servers with different TimeZone settings gives two values, and comparisons across daylight-saving ' +
    'changes go wrong. timestamptz stores an instant (in UTC) and converts on display; it costs the same 8 bytes.',
  fix: 'timestamptz (timestamp with time zone)',
  examples: {
    bad: ['CREATE TABLE t (created_at timestamp NOT NULL);', 'ALTER TABLE cities ADD COLUMN founded timestamp(0);'],
    good: ['CREATE TABLE t (created_at timestamptz NOT NULL);'],
  },
  check(statement) {
    return declaredColumns(statement)
      .filter((c) => c.type.name === 'timestamp')
      .map((c) => ({ message: `column ${c.table.name}.${c.column} is timestamp without time zone`, ...(c.typeName.location === undefined ? {} : { location: c.typeName.location }) }));
  },
};
