import { addedConstraint, alterTable } from './support.js';
import type { LintRule } from '../types.js';

/** A unique constraint or primary key added by building its index under lock. */
export const uniqueWithoutIndex: LintRule = {
  id: 'unique-without-index',
  defaultSeverity: 'error',
  locks: true,
  title: 'unique constraint or primary key added without USING INDEX',
  explanation:
    'ADD UNIQUE or ADD PRIMARY KEY builds the index while holding an ACCESS EXCLUSIVE lock on the table: ' +
    'no reads and no writes for the whole build. Build the unique index first with CREATE UNIQUE INDEX ' +
    'CONCURRENTLY (in its own no-transaction migration), then attach it as the constraint with USING ' +
    'INDEX, which is instant.',
  fix: 'CREATE UNIQUE INDEX CONCURRENTLY i ON t (cols); then ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i;',
  examples: {
    bad: ['ALTER TABLE cities ADD CONSTRAINT cities_name_key UNIQUE (name);', 'ALTER TABLE cities ADD PRIMARY KEY (id);'],
    good: ["SET lock_timeout = '5s';\nALTER TABLE cities ADD CONSTRAINT cities_name_key UNIQUE USING INDEX cities_name_idx;"],
  },
  check(statement) {
    const alter = alterTable(statement);
    if (alter === undefined) return [];
    return alter.commands.flatMap((command) => {
      const constraint = addedConstraint(command);
      if (constraint === undefined || constraint.indexname !== undefined) return [];
      const what = constraint.contype === 'CONSTR_UNIQUE' ? 'unique constraint' : constraint.contype === 'CONSTR_PRIMARY' ? 'primary key' : null;
      if (what === null) return [];
      return [{
        message: `${what} added on ${alter.table.name} builds its index under an ACCESS EXCLUSIVE lock`,
        ...(constraint.location === undefined ? {} : { location: constraint.location }),
        table: alter.table,
      }];
    });
  },
};
