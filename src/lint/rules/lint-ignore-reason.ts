import type { LintRule } from '../types.js';

/** A `-- worlddb:lint-ignore` comment without a rule id or a reason. Found while reading the file. */
export const lintIgnoreReason: LintRule = {
  id: 'lint-ignore-reason',
  defaultSeverity: 'error',
  locks: false,
  title: 'lint-ignore without a reason',
  explanation:
    'A "-- worlddb:lint-ignore RULE reason" comment on the lines before a statement silences RULE for that ' +
    'statement. The reason is required: the next reader must know why the risk was accepted. A comment ' +
    'without one ignores nothing and is itself an error.',
  fix: '-- worlddb:lint-ignore RULE[,RULE...] why this is safe here',
  examples: {
    bad: ['-- worlddb:lint-ignore drop-table\nDROP TABLE cities;', '-- worlddb:lint-ignore\nSELECT 1;'],
    good: ['-- worlddb:lint-ignore drop-table,require-lock-timeout replaced by towns in release 12\nDROP TABLE cities;'],
  },
  check: () => [],
};
