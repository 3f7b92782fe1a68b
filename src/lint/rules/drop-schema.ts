import { droppedNames } from './support.js';
import type { LintRule } from '../types.js';

/** `DROP SCHEMA`: everything in it is lost. */
export const dropSchema: LintRule = {
  id: 'drop-schema',
  defaultSeverity: 'error',
  locks: false,
  title: 'schema dropped',
  explanation:
    'Dropping a schema (with CASCADE, everything in it) deletes every table, row and function it holds. ' +
    'A migration of one schema should almost never do it; if it must, say why with a lint-ignore comment.',
  fix: 'drop the objects you mean one by one, or add "-- worlddb:lint-ignore drop-schema <why it is safe>"',
  examples: {
    bad: ['DROP SCHEMA legacy CASCADE;'],
    good: ['-- worlddb:lint-ignore drop-schema emptied and unused since 2025\nDROP SCHEMA legacy;'],
  },
  check(statement) {
    return droppedNames(statement, 'OBJECT_SCHEMA').map((parts) => ({ message: `schema ${parts.join('.')} dropped with everything in it` }));
  },
};
