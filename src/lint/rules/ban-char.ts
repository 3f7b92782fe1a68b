import { declaredColumns } from './type-helpers.js';
import type { LintRule } from '../types.js';

/** `char(n)` columns. */
export const banChar: LintRule = {
  id: 'ban-char',
  defaultSeverity: 'warning',
  locks: false,
  title: 'char(n)',
  explanation:
    'char(n) pads values with spaces up to n, ignores trailing spaces in comparisons but not in every ' +
    'function, and is no faster or smaller than text or varchar. Use text (with a CHECK on the length ' +
    'if it matters) or varchar(n).',
  fix: 'text (with CHECK (length(col) = n) if needed) or varchar(n)',
  examples: {
    bad: ['CREATE TABLE t (code char(2));', 'ALTER TABLE cities ADD COLUMN code character(3);'],
    good: ['CREATE TABLE t (code text CHECK (length(code) = 2));', 'CREATE TABLE t (code varchar(2));'],
  },
  check(statement) {
    return declaredColumns(statement)
      .filter((c) => c.type.name === 'bpchar')
      .map((c) => ({ message: `column ${c.table.name}.${c.column} is char(${c.type.mods[0] ?? 1})`, ...(c.typeName.location === undefined ? {} : { location: c.typeName.location }) }));
  },
};
