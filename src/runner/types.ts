/**
 * Options and results of the runner's operations (`migrate`, `downgrade`, `stamp`, `status`,
 * `history`, `current` and the `--sql` previews).
 */
import type { SchemaTarget, VersionTableRef } from '../config/types.js';
import type { Database, Session } from '../connection/types.js';
import type { MigrationFileEntry } from '../revision/types.js';
import type { MigrationSources } from './run-context.js';

/**
 * Where the runner works: a {@link Database} (the runner takes a session and gives it back), or a
 * {@link Session} the caller holds (left open; the runner issues BEGIN/COMMIT on it, so it must not
 * be inside a transaction).
 */
export type DatabaseOrSession = Database | Session;

/** A row of a version table. */
export interface AppliedMigration {
  readonly name: string;
  readonly checksum: string;
  readonly appliedAt: Date;
  readonly executionMs: number;
  /** True when the row was written by `stamp`, without running the migration. */
  readonly stamped: boolean;
}

/**
 * A no-transaction migration whose start was recorded but whose end never was: the process was
 * killed, or it failed after changing something. Part of it may be applied.
 */
export interface InterruptedMigration {
  readonly name: string;
  readonly checksum: string;
  readonly startedAt: Date;
}

/** What an interrupted migration left that the catalog shows, and the way to finish it. */
export interface InterruptedReport extends InterruptedMigration {
  /** Indexes of the schema that are INVALID (an interrupted `CREATE INDEX CONCURRENTLY`), qualified. */
  readonly invalidIndexes: readonly string[];
  /** Indexes its statements create that exist and are valid (the statement completed), qualified. */
  readonly completeIndexes: readonly string[];
  /** Indexes its statements create that do not exist. */
  readonly absentIndexes: readonly string[];
  /** What to do: `retry` (after dropping the invalid indexes) or `stamp` (it looks complete). */
  readonly advice: 'retry' | 'stamp';
  /** The commands that finish it, in order (SQL ends with `;`, worlddb commands start with `worlddb`). */
  readonly steps: readonly string[];
}

/** What the runner reports while it works, for progress output. */
export type RunnerEvent =
  | { readonly kind: 'lock-wait'; readonly schema: string }
  | { readonly kind: 'version-table-created'; readonly schema: string; readonly versionTable: VersionTableRef }
  | { readonly kind: 'checksum-accepted'; readonly schema: string; readonly name: string }
  /** An interrupted migration's record of its start was removed, to run it again (`retryInterrupted`). */
  | { readonly kind: 'interrupted-retry'; readonly schema: string; readonly name: string }
  | { readonly kind: 'migration-start'; readonly schema: string; readonly name: string; readonly direction: 'up' | 'down' }
  /** A transactional migration timed out waiting for a lock, was rolled back, and runs again after `delayMs`. */
  | { readonly kind: 'lock-retry'; readonly schema: string; readonly name: string; readonly retry: number; readonly delayMs: number }
  | {
      readonly kind: 'migration-done';
      readonly schema: string;
      readonly name: string;
      readonly direction: 'up' | 'down';
      readonly durationMs: number;
    };

/** Settings of every command that writes (migrate, downgrade, stamp). */
export interface RunOptions {
  /**
   * Postgres `lock_timeout` (ms) while migrating. Absent or null: 5 s (`DEFAULT_PG_LOCK_TIMEOUT_MS`
   * of lock-retry.ts); 0: none set by worlddb (the server's default) and no
   * retries. A transactional migration that times out waiting for a lock is retried (3 times, after
   * 0.5, 1 and 2 s); a no-transaction one never is.
   */
  readonly lockTimeoutMs?: number | null;
  /** Schemas searched after the migrated one while migrating (config `searchPath`). Default: none. */
  readonly searchPath?: readonly string[];
  /** Postgres `statement_timeout` (ms) while migrating; null or absent leaves the server's default. */
  readonly statementTimeoutMs?: number | null;
  /** How long to wait for another process migrating the same schema (advisory lock). Default 60 s. */
  readonly migrationLockTimeoutMs?: number;
  /** Told about progress. */
  readonly onEvent?: (event: RunnerEvent) => void;
  /** Folders and files shared by the calls of one run (see `MigrationSources`): read once for a whole group. */
  readonly sources?: MigrationSources;
  /**
   * Create the migrated schema when it does not exist. Default true. False for members of a
   * group found in the catalog: one dropped while the group runs is reported, not re-created.
   */
  readonly createSchema?: boolean;
}

/** Safety checks that can be lifted deliberately. */
export interface SafetyOptions {
  /**
   * Accept applied migrations whose file changed since: `true` for all of them, or a list of
   * names. The stored checksum is updated to the file's (not with `--sql`). Default: refuse.
   */
  readonly acceptChecksums?: boolean | readonly string[];
  /** Go on although applied migrations have no file any more. Default: refuse. */
  readonly allowMissing?: boolean;
}

export interface MigrateOptions extends RunOptions, SafetyOptions {
  /**
   * Where to stop (see `parseTarget`): `'head'` (every pending migration, the default), a migration
   * name, file name or unique prefix (it and the pending ones before it), or `'+N'` (the next N).
   */
  readonly to?: string;
  /** Apply pending migrations that sort before the last applied one. Default: refuse. */
  readonly allowOutOfOrder?: boolean;
  /**
   * Run an interrupted no-transaction migration again (after its leftovers were dropped). Default:
   * refuse, naming what it left and how to finish.
   */
  readonly retryInterrupted?: boolean;
  /**
   * Called with the migrations about to run, before the lock is taken and only when there are
   * any (so "nothing pending" stays one query); throwing refuses the run. The CLI lints here.
   */
  readonly beforeRun?: (files: readonly MigrationFileEntry[], session: Session, target: SchemaTarget) => Promise<void>;
}

export interface DowngradeOptions extends RunOptions, SafetyOptions {
  /** How many applied migrations to revert, newest first. Default 1. Not with `to`. */
  readonly steps?: number;
  /**
   * Where to go back to: a migration name or unique prefix (every migration applied after it is
   * reverted; it stays applied), `'base'` (revert all), or `'-N'` (the last N). Not with `steps`.
   */
  readonly to?: string;
}

/**
 * `head`: every migration file; `base`: none; a migration name or unique prefix (it and all before
 * it); or `'+N'`/`'-N'` counted from the applied migration that sorts last.
 */
export type StampTarget = 'head' | 'base' | (string & {});

/** One migration that ran. */
export interface MigrationRun {
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  readonly direction: 'up' | 'down';
  readonly durationMs: number;
}

export interface MigrateResult {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  /** Migrations applied by this run, in order. Empty when nothing was pending. */
  readonly applied: readonly MigrationRun[];
  /** Names whose stored checksum was updated (see {@link SafetyOptions.acceptChecksums}). */
  readonly acceptedChecksums: readonly string[];
  /** True when this run created the version table. */
  readonly createdVersionTable: boolean;
}

export interface DowngradeResult {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  /** Migrations reverted by this run, in the order they were reverted (newest first). */
  readonly reverted: readonly MigrationRun[];
  readonly acceptedChecksums: readonly string[];
}

export interface StampResult {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  /** Names recorded as applied (without running them). */
  readonly added: readonly string[];
  /** Names removed from the version table (without reverting them). */
  readonly removed: readonly string[];
}

/** Something wrong between the folder and the version table. */
export type MigrationProblem =
  | { readonly kind: 'checksum-changed'; readonly name: string; readonly path: string }
  | { readonly kind: 'file-missing'; readonly name: string }
  | { readonly kind: 'out-of-order'; readonly name: string; readonly path: string; readonly lastApplied: string }
  /** A no-transaction migration that started and never finished (details in `SchemaStatus.interrupted`). */
  | { readonly kind: 'interrupted'; readonly name: string; readonly startedAt: Date };

export interface SchemaStatus {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  readonly versionTableExists: boolean;
  /** Absolute path of the migration folder. */
  readonly migrationsDir: string;
  /** Number of rows in the version table. */
  readonly applied: number;
  /** Names of the pending migrations, in the order they would run. */
  readonly pending: readonly string[];
  /** The most recently applied migration, or null. */
  readonly last: { readonly name: string; readonly appliedAt: Date } | null;
  readonly problems: readonly MigrationProblem[];
  /** No-transaction migrations that started and never finished (also listed as pending), with what they left. */
  readonly interrupted: readonly InterruptedReport[];
}

/** One line of `history`: every migration file and every version-table row, in name order. */
export interface HistoryEntry {
  readonly name: string;
  /**
   * `applied`; `pending`; `changed` (applied, but the file's checksum differs); `missing` (applied,
   * but the file is gone); `interrupted` (a no-transaction migration that started and never
   * finished; `appliedAt` is when it started).
   */
  readonly state: 'applied' | 'pending' | 'changed' | 'missing' | 'interrupted';
  /** Absolute path of the file, or null when it is missing. */
  readonly path: string | null;
  readonly appliedAt: Date | null;
  readonly executionMs: number | null;
  readonly stamped: boolean;
  /** For a pending migration: it sorts before the last applied one, so `migrate` would refuse it. */
  readonly outOfOrder: boolean;
}

export interface SchemaHistory {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  readonly versionTableExists: boolean;
  readonly entries: readonly HistoryEntry[];
}

export interface SchemaCurrent {
  readonly schema: string;
  readonly versionTable: VersionTableRef;
  readonly versionTableExists: boolean;
  /** The most recently applied migration, or null when none is. */
  readonly current: { readonly name: string; readonly appliedAt: Date } | null;
  /** Number of pending migrations; 0 means the schema is at head. */
  readonly pending: number;
}
