/**
 * umzug's storage over a schema's version table.
 *
 * umzug calls a migration's `up`/`down` and then the storage's `logMigration`/`unlogMigration`.
 * worlddb's version-table row must commit in the same transaction as the migration (so that a
 * failure leaves neither), so the migration wrapper writes the row and commits; the storage then
 * takes note of what the wrapper committed and refuses to log anything it did not. `executed` is the
 * version table as read under the schema's migration lock.
 */
import type { UmzugStorage } from 'umzug';
import { ExitCode, WorlddbError } from '../errors.js';
import type { MigrationRun } from './types.js';

/** The version table as umzug sees it, plus the runs committed by the migration wrapper. */
export interface VersionTableStorage extends UmzugStorage {
  /** Called by the migration wrapper once the migration and its row are committed. */
  committed(run: MigrationRun): void;
  /** What was applied or reverted, in order. */
  readonly runs: readonly MigrationRun[];
}

/**
 * A storage whose `executed` starts from `appliedNames` (the rows read under the migration lock).
 *
 * @example
 * const storage = versionTableStorage(applied.map((row) => row.name));
 * new Umzug({ migrations, context, storage, logger: undefined });
 */
export function versionTableStorage(appliedNames: readonly string[]): VersionTableStorage {
  const executed = new Set(appliedNames);
  const runs: MigrationRun[] = [];
  const waiting = new Map<string, MigrationRun>();
  const take = (name: string, direction: 'up' | 'down'): void => {
    const run = waiting.get(name);
    if (run === undefined || run.direction !== direction) {
      throw new WorlddbError(`umzug logged ${name} (${direction}) but its migration did not commit it`, ExitCode.internal);
    }
    waiting.delete(name);
    runs.push(run);
    if (direction === 'up') executed.add(name);
    else executed.delete(name);
  };
  return {
    runs,
    committed: (run) => {
      waiting.set(run.name, run);
    },
    executed: async () => [...executed],
    logMigration: async ({ name }) => take(name, 'up'),
    unlogMigration: async ({ name }) => take(name, 'down'),
  };
}
