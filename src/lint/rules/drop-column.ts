import { alterTable } from './support.js';
import type { LintRule } from '../types.js';

/** `DROP COLUMN`: data lost, and running code may still read it. */
export const dropColumn: LintRule = {
  id: 'drop-column',
  defaultSeverity: 'warning',
  locks: false,
  title: 'column dropped',
  explanation:
    'Dropping a column deletes its data for good, and running application code that still selects or ' +
    'inserts it fails at once (including ORMs that list every column). First release code that no longer ' +
    'uses the column, then drop it in a later migration, and say why with a lint-ignore comment.',
  fix: 'stop using the column in the code first; then drop it with "-- worlddb:lint-ignore drop-column <why it is safe>"',
  examples: {
    bad: ['ALTER TABLE cities DROP COLUMN population;'],
    good: ["SET lock_timeout = '5s';\n-- worlddb:lint-ignore drop-column unused since release 42\nALTER TABLE cities DROP COLUMN population;"],
  },
  check(statement) {
    const alter = alterTable(statement);
    if (alter === undefined) return [];
    return alter.commands.flatMap((command) =>
      command.subtype === 'AT_DropColumn' ? [{ message: `column ${alter.table.name}.${command.name ?? ''} dropped: its data is lost`, table: alter.table }] : [],
    );
  },
};
