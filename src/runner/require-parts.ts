/**
 * Refusals that need the loaded migrations: a part that has nothing to run. Checked for every
 * migration of a run before anything runs.
 */
import { RefusedError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';
import { SQL_MARKERS } from '../revision/parse-sql-migration.js';
import { hasStatements } from '../revision/split-sql.js';
import type { MigrationFile } from '../revision/types.js';

/**
 * Refuses, before anything runs, a `.sql` migration to apply whose up part holds no statement (only
 * comments, e.g. the template of `worlddb revision -m`): applying it would record it, and once
 * filled in its statements would never run.
 */
export function requireUpStatements(schema: string, migrations: readonly MigrationFile[]): void {
  const empty = migrations.filter((migration) => migration.up.kind === 'sql' && !hasStatements(migration.up.sql));
  const first = empty[0];
  if (first === undefined) return;
  throw new RefusedError(
    `schema ${JSON.stringify(schema)}: cannot apply ${first.name}: the up part of ${displayPath(first.path)} holds no statement` +
      (empty.length > 1 ? ` (nor do ${empty.length - 1} more)` : ''),
    {
      hint: `write its SQL after the "${SQL_MARKERS.up}" line (a deliberate no-op needs one statement, e.g. SELECT 1;), or delete the file`,
    },
  );
}

/** Refuses, before anything runs, when any migration to revert has no down part. */
export function requireDownParts(schema: string, migrations: readonly MigrationFile[]): void {
  const without = migrations.filter((migration) => migration.down === null);
  const first = without[0];
  if (first === undefined) return;
  const code = !first.path.endsWith('.sql');
  throw new RefusedError(
    `schema ${JSON.stringify(schema)}: cannot downgrade ${first.name}: ${displayPath(first.path)} has no down part` +
      (without.length > 1 ? ` (nor do ${without.length - 1} more)` : ''),
    {
      hint: code
        ? 'export a down function that reverts it; to forget it without reverting, use worlddb stamp'
        : 'add a "-- worlddb:down" line followed by the SQL that reverts it; to forget it without reverting, use worlddb stamp',
    },
  );
}
