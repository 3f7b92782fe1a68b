/**
 * Runs migrations through umzug, with a storage of ours over the version table.
 *
 * Each transactional migration and its version-table row commit in ONE transaction on the runner's
 * session: the migration's `up`/`down` sends `BEGIN`, the settings and the migration's SQL; the
 * storage's `logMigration`/`unlogMigration` sends the row's INSERT/DELETE and `COMMIT`. Any failure
 * in between rolls both back. (umzug's own storages record outside the migration's transaction;
 * this one does not.) A migration marked no-transaction runs statement by statement with
 * session-level settings, and its row is written right after, in autocommit.
 *
 * umzug is imported only here, and only when there is something to run: it takes ~100 ms to load,
 * which a "nothing pending" run must not pay.
 */
import type { SchemaTarget } from '../config/types.js';
import type { Session } from '../connection/types.js';
import { ExitCode, WorlddbError } from '../errors.js';
import { splitStatements } from '../revision/split-sql.js';
import type { MigrationContext, MigrationFile, MigrationStep } from '../revision/types.js';
import { describeLockHolders, withLockRetries } from './lock-retry.js';
import type { LockRetryProps } from './lock-retry.js';
import { migrationError } from './migration-error.js';
import type { SentSql } from './migration-error.js';
import { beginSql, resetSettingsSql, settingsSql } from './migration-sql.js';
import type { MigrationSettings } from './migration-sql.js';
import type { MigrationRun, RunnerEvent } from './types.js';
import { deleteRowSql, insertRowSql, versionTableName } from './version-table.js';

export interface ExecuteProps {
  readonly session: Session;
  readonly target: SchemaTarget;
  readonly settings: MigrationSettings;
  /** Names in the version table before the run (umzug's `executed`). */
  readonly appliedNames: readonly string[];
  readonly onEvent?: (event: RunnerEvent) => void;
  /**
   * SQL run inside the first migration's transaction, before it (the version table's DDL on first
   * use, so that a failing first migration leaves no trace). Only with a transactional first migration.
   */
  readonly setupSql?: string;
}

/** The migration between its `up`/`down` and its `logMigration`/`unlogMigration`. */
interface InFlight {
  readonly migration: MigrationFile;
  readonly direction: 'up' | 'down';
  readonly started: number;
}

/**
 * Applies (`up`) or reverts (`down`) the given migrations, in the given order, each with its
 * version-table row. Stops at the first failure, which is thrown as a {@link MigrationError}; the
 * migrations before it stay applied (or reverted).
 */
export async function executeMigrations(
  props: ExecuteProps,
  direction: 'up' | 'down',
  migrations: readonly MigrationFile[],
): Promise<MigrationRun[]> {
  if (migrations.length === 0) return [];
  const { Umzug } = await import('umzug');
  const { session, target, settings } = props;
  const ref = target.versionTable;
  const runs: MigrationRun[] = [];
  let inFlight: InFlight | null = null;
  let setupSql = props.setupSql ?? '';
  const context: MigrationContext = {
    query: (sql, params) => session.query(sql, params),
    exec: (sql) => session.exec(sql),
    schema: target.schema,
  };

  const start = async (migration: MigrationFile, dir: 'up' | 'down'): Promise<void> => {
    const step = dir === 'up' ? migration.up : migration.down;
    // The plan refuses migrations without a down part before anything runs; this is a last guard.
    if (step === null) throw new WorlddbError(`${migration.name} has no down part`, ExitCode.internal);
    props.onEvent?.({ kind: 'migration-start', schema: target.schema, name: migration.name, direction: dir });
    inFlight = { migration, direction: dir, started: performance.now() };
    const setup = setupSql;
    setupSql = '';
    if (migration.transactional) {
      const attempt = (): Promise<void> => runInTransaction(session, target.schema, settings, setup, migration, dir, step, context);
      if (settings.lockTimeoutMs === null) await attempt();
      else await withLockRetries(lockRetryProps(props, migration.name, settings.lockTimeoutMs), attempt);
    }
    else if (setup !== '') throw new WorlddbError('version table setup needs a transactional first migration', ExitCode.internal);
    else await runWithoutTransaction(session, target.schema, settings, migration, dir, step, context);
  };

  const record = async (name: string, dir: 'up' | 'down'): Promise<void> => {
    const current = inFlight;
    if (current === null || current.migration.name !== name || current.direction !== dir) {
      throw new WorlddbError(`umzug recorded ${name} (${dir}) out of turn`, ExitCode.internal);
    }
    inFlight = null;
    const { migration } = current;
    const durationMs = performance.now() - current.started;
    const row =
      dir === 'up'
        ? insertRowSql(ref, { name, checksum: migration.checksum, executionMs: durationMs })
        : deleteRowSql(ref, name);
    try {
      await session.exec(migration.transactional ? `${row}\nCOMMIT;` : row);
    } catch (error) {
      if (migration.transactional) await rollbackQuietly(session);
      throw migrationError({
        schema: target.schema,
        name,
        path: migration.path,
        direction: dir,
        error,
        aftermath: migration.transactional
          ? `recording it in ${versionTableName(ref)} or committing failed; the migration was rolled back`
          : `recording it in ${versionTableName(ref)} failed; its changes stay, but it is not recorded: check the schema, then use worlddb stamp`,
      });
    }
    runs.push({ name, path: migration.path, direction: dir, durationMs });
    props.onEvent?.({ kind: 'migration-done', schema: target.schema, name, direction: dir, durationMs });
  };

  const umzug = new Umzug<Record<string, never>>({
    migrations: migrations.map((migration) => ({
      name: migration.name,
      path: migration.path,
      up: () => start(migration, 'up'),
      down: () => start(migration, 'down'),
    })),
    context: {},
    logger: undefined,
    storage: {
      executed: async () => [...props.appliedNames],
      logMigration: ({ name }) => record(name, 'up'),
      unlogMigration: ({ name }) => record(name, 'down'),
    },
  });
  const names = migrations.map((migration) => migration.name);
  try {
    if (direction === 'up') await umzug.up({ migrations: names });
    else await umzug.down({ migrations: names });
  } catch (error) {
    // umzug wraps what `up`/`down` throw in its own MigrationError; ours is its cause.
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    throw cause instanceof WorlddbError ? cause : error;
  }
  return runs;
}

/** Retries of one transactional migration that timed out waiting for a lock, told as events. */
function lockRetryProps(props: ExecuteProps, name: string, lockTimeoutMs: number): LockRetryProps {
  const { schema } = props.target;
  return {
    lockTimeoutMs,
    onRetry: (retry, delayMs) => props.onEvent?.({ kind: 'lock-retry', schema, name, retry, delayMs }),
    describeHolders: () => describeLockHolders(props.session, [...new Set([schema, props.target.versionTable.schema])]),
  };
}

async function runInTransaction(
  session: Session,
  schema: string,
  settings: MigrationSettings,
  setupSql: string,
  migration: MigrationFile,
  direction: 'up' | 'down',
  step: MigrationStep,
  context: MigrationContext,
): Promise<void> {
  const begin = beginSql(settings) + (setupSql === '' ? '' : `${setupSql}\n`);
  const aftermath = 'it was rolled back: the schema and the version table are as they were before it';
  if (step.kind === 'sql') {
    // One round trip: BEGIN, the settings and the migration's SQL.
    const sent = begin + step.sql;
    try {
      await session.exec(sent);
    } catch (error) {
      await rollbackQuietly(session);
      const sql: SentSql = { sent, prefixLength: begin.length, part: step.sql, partOffset: 0, partLine: step.line };
      throw migrationError({ schema, name: migration.name, path: migration.path, direction, error, sql, aftermath });
    }
    return;
  }
  try {
    await session.exec(begin);
    await step.run(context);
  } catch (error) {
    await rollbackQuietly(session);
    throw migrationError({ schema, name: migration.name, path: migration.path, direction, error, aftermath });
  }
}

async function runWithoutTransaction(
  session: Session,
  schema: string,
  settings: MigrationSettings,
  migration: MigrationFile,
  direction: 'up' | 'down',
  step: MigrationStep,
  context: MigrationContext,
): Promise<void> {
  await session.exec(settingsSql(settings, 'session'));
  try {
    if (step.kind === 'code') {
      try {
        await step.run(context);
      } catch (error) {
        throw migrationError({
          schema,
          name: migration.name,
          path: migration.path,
          direction,
          error,
          aftermath: 'it runs without a transaction: whatever it did before failing stays, and it is not recorded',
        });
      }
      return;
    }
    // Several statements in one query string would run in an implicit transaction, which is what
    // CREATE INDEX CONCURRENTLY refuses: send them one at a time.
    const statements = splitStatements(step.sql);
    for (const [index, statement] of statements.entries()) {
      try {
        await session.exec(statement.text);
      } catch (error) {
        const sql: SentSql = {
          sent: statement.text,
          prefixLength: 0,
          part: step.sql,
          partOffset: statement.offset,
          partLine: step.line,
        };
        const aftermath =
          index === 0
            ? 'it runs without a transaction; nothing of it was applied and it is not recorded'
            : `it runs without a transaction: its first ${index} statement${index > 1 ? 's were' : ' was'} applied and stay, and it is not recorded`;
        throw migrationError({ schema, name: migration.name, path: migration.path, direction, error, sql, aftermath });
      }
    }
  } finally {
    await session.exec(resetSettingsSql(settings)).catch(() => undefined);
  }
}

/** Ends a failed transaction; a broken connection is not worth a second error. */
export async function rollbackQuietly(session: Session): Promise<void> {
  await session.exec('ROLLBACK').catch(() => undefined);
}
