import { addedConstraint, alterTable } from './support.js';
import type { LintRule } from '../types.js';

/** A foreign key or check added to an existing table without `NOT VALID`. */
export const constraintNotValid: LintRule = {
  id: 'constraint-not-valid',
  defaultSeverity: 'error',
  locks: true,
  title: 'foreign key or check added without NOT VALID',
  explanation:
    'Adding a foreign key or a check constraint makes Postgres read every row to prove it holds, under a ' +
    'lock that blocks writes (and, for a foreign key, a lock on the referenced table too). Added NOT VALID, ' +
    'the constraint is enforced at once for new rows but the existing rows are not scanned; a later ' +
    'VALIDATE CONSTRAINT scans them under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.',
  fix: 'ALTER TABLE t ADD CONSTRAINT c ... NOT VALID; then, in a later statement or migration, ALTER TABLE t VALIDATE CONSTRAINT c;',
  examples: {
    bad: [
      'ALTER TABLE cities ADD CONSTRAINT cities_country_fk FOREIGN KEY (country_id) REFERENCES countries (id);',
      'ALTER TABLE cities ADD CONSTRAINT cities_population_check CHECK (population >= 0);',
    ],
    good: [
      'SET lock_timeout = \'5s\';\nALTER TABLE cities ADD CONSTRAINT cities_country_fk FOREIGN KEY (country_id) REFERENCES countries (id) NOT VALID;\nALTER TABLE cities VALIDATE CONSTRAINT cities_country_fk;',
      'CREATE TABLE t (x int);\nALTER TABLE t ADD CHECK (x > 0);',
    ],
  },
  check(statement) {
    const alter = alterTable(statement);
    if (alter === undefined) return [];
    return alter.commands.flatMap((command) => {
      const constraint = addedConstraint(command);
      if (constraint === undefined || constraint.skip_validation === true) return [];
      const what = constraint.contype === 'CONSTR_FOREIGN' ? 'foreign key' : constraint.contype === 'CONSTR_CHECK' ? 'check' : null;
      if (what === null) return [];
      return [{
        message: `${what} ${constraint.conname ?? ''} added without NOT VALID scans ${alter.table.name} under a lock that blocks writes`.replace('  ', ' '),
        ...(constraint.location === undefined ? {} : { location: constraint.location }),
        table: alter.table,
      }];
    });
  },
};
