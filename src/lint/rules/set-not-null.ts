import { tableKey } from '../ast.js';
import { alterTable } from './support.js';
import type { LintRule } from '../types.js';

/** `SET NOT NULL` on an existing column with no validated `IS NOT NULL` check to rely on. */
export const setNotNull: LintRule = {
  id: 'set-not-null',
  defaultSeverity: 'error',
  locks: true,
  title: 'SET NOT NULL without a validated check',
  explanation:
    'ALTER COLUMN ... SET NOT NULL reads the whole table under an ACCESS EXCLUSIVE lock (no reads, no ' +
    'writes) to prove there is no NULL. Postgres skips that scan when a validated CHECK (column IS NOT ' +
    'NULL) constraint already proves it, and such a check can be added NOT VALID and validated without ' +
    'blocking anyone.',
  fix: 'ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then SET NOT NULL (and DROP CONSTRAINT c)',
  examples: {
    bad: ['ALTER TABLE cities ALTER COLUMN name SET NOT NULL;'],
    good: [
      'SET lock_timeout = \'5s\';\nALTER TABLE cities ADD CONSTRAINT cities_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE cities VALIDATE CONSTRAINT cities_name_not_null;\nALTER TABLE cities ALTER COLUMN name SET NOT NULL;\nALTER TABLE cities DROP CONSTRAINT cities_name_not_null;',
    ],
  },
  check(statement, context) {
    const alter = alterTable(statement);
    if (alter === undefined) return [];
    return alter.commands.flatMap((command) => {
      if (command.subtype !== 'AT_SetNotNull' || command.name === undefined) return [];
      if (context.state.validatedNotNull.has(`${tableKey(context.schema, alter.table)}.${command.name}`)) return [];
      return [{ message: `SET NOT NULL on ${alter.table.name}.${command.name} scans the table under an ACCESS EXCLUSIVE lock`, table: alter.table }];
    });
  },
};
