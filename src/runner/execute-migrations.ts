/**
 * Runs migrations through umzug, as umzug is meant to be used: a storage over the version table
 * ({@link versionTableStorage}), a context that carries the session, the schema and the settings,
 * and a wrapper per migration that opens AND commits its transaction.
 *
 * A transactional migration commits together with its version-table row. A `.sql` one is ONE round
 * trip: `BEGIN`, the settings, the migration's SQL, a check that the transaction is still open
 * ({@link REQUIRE_TRANSACTION_SQL}), the row's INSERT/DELETE and `COMMIT`, in one query string. A
 * code one sends `BEGIN` and the settings, runs, then sends the check, the row and `COMMIT`. Any
 * failure rolls both back. A migration marked no-transaction runs statement by statement with
 * session-level settings; its row is then written with a check that no transaction was left open
 * ({@link REQUIRE_NO_TRANSACTION_SQL}), in one autocommitted query string. So "applied" is printed
 * only for work whose row really committed.
 *
 * umzug is imported only here, and only when there is something to run: it takes ~100 ms to load,
 * which a "nothing pending" run must not pay.
 */
import type { SchemaTarget } from '../config/types.js';
import type { Session } from '../connection/types.js';
import { ExitCode, WorlddbError } from '../errors.js';
import { splitStatements } from '../revision/split-sql.js';
import type { MigrationFile, MigrationStep } from '../revision/types.js';
import { clearStartedSql, startedRowSql } from './interrupted.js';
import { describeLockHolders, withLockRetries } from './lock-retry.js';
import type { LockRetryProps } from './lock-retry.js';
import { migrationContext } from './migration-context.js';
import { migrationError } from './migration-error.js';
import type { SentSql } from './migration-error.js';
import {
  ACTIVE_TRANSACTION,
  beginSql,
  NO_ACTIVE_TRANSACTION,
  REQUIRE_NO_TRANSACTION_SQL,
  REQUIRE_TRANSACTION_SQL,
  resetSettingsSql,
  settingsSql,
  terminated,
} from './migration-sql.js';
import type { MigrationSettings } from './migration-sql.js';
import type { MigrationRun, RunnerEvent } from './types.js';
import { deleteRowSql, insertRowSql, versionTableName } from './version-table.js';
import { versionTableStorage, type VersionTableStorage } from './version-storage.js';

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
  /** Interrupted migrations run again (`retryInterrupted`): a failure keeps them recorded as interrupted. */
  readonly retrying?: readonly string[];
}

/** Failures of a no-transaction migration before any of its statements changed anything. */
const NOTHING_APPLIED = new WeakSet<object>();

/** What umzug hands to every migration wrapper. */
interface RunnerContext {
  readonly session: Session;
  readonly target: SchemaTarget;
  readonly settings: MigrationSettings;
  readonly storage: VersionTableStorage;
  readonly onEvent: ((event: RunnerEvent) => void) | undefined;
  /** The version table's DDL, taken by the first migration. */
  setupSql: string;
  readonly retrying: readonly string[];
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
  const storage = versionTableStorage(props.appliedNames);
  const context: RunnerContext = {
    session: props.session,
    target: props.target,
    settings: props.settings,
    storage,
    onEvent: props.onEvent,
    setupSql: props.setupSql ?? '',
    retrying: props.retrying ?? [],
  };
  const umzug = new Umzug<RunnerContext>({
    migrations: migrations.map((migration) => ({
      name: migration.name,
      path: migration.path,
      up: ({ context: ctx }) => runMigration(ctx, migration, 'up'),
      down: ({ context: ctx }) => runMigration(ctx, migration, 'down'),
    })),
    context,
    logger: undefined,
    storage,
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
  return [...storage.runs];
}

/** One migration with its version-table row, committed (or failed and rolled back) when it returns. */
async function runMigration(ctx: RunnerContext, migration: MigrationFile, direction: 'up' | 'down'): Promise<void> {
  const { target } = ctx;
  const step = direction === 'up' ? migration.up : migration.down;
  // The plan refuses migrations without a down part before anything runs; this is a last guard.
  if (step === null) throw new WorlddbError(`${migration.name} has no down part`, ExitCode.internal);
  ctx.onEvent?.({ kind: 'migration-start', schema: target.schema, name: migration.name, direction });
  const started = performance.now();
  const setup = ctx.setupSql;
  ctx.setupSql = '';
  // In a transaction, Postgres measures the migration (the row is sent with its SQL); outside one,
  // the time up to the row's write.
  const row = (): string =>
    direction === 'up'
      ? insertRowSql(target.versionTable, {
          name: migration.name,
          checksum: migration.checksum,
          executionMs: migration.transactional ? null : performance.now() - started,
        })
      : deleteRowSql(target.versionTable, migration.name);
  if (migration.transactional) {
    const attempt = (): Promise<void> => runInTransaction(ctx, migration, direction, step, setup, row);
    const lockTimeoutMs = ctx.settings.lockTimeoutMs;
    if (lockTimeoutMs === null) await attempt();
    else await withLockRetries(lockRetryProps(ctx, migration.name, lockTimeoutMs), attempt);
  } else if (setup !== '') throw new WorlddbError('version table setup needs a transactional first migration', ExitCode.internal);
  else if (direction === 'down') await runWithoutTransaction(ctx, migration, direction, step, row);
  else {
    // Its start is committed first, so that a kill half-way leaves it recorded as interrupted; the
    // record of its start goes with its row, in the row's implicit transaction.
    await ctx.session.exec(startedRowSql(target.versionTable, migration));
    try {
      await runWithoutTransaction(ctx, migration, direction, step, () => `${clearStartedSql(target.versionTable, migration.name)}\n${row()}`);
    } catch (error) {
      if (NOTHING_APPLIED.has(error as object) && !ctx.retrying.includes(migration.name)) {
        await ctx.session.exec(clearStartedSql(target.versionTable, migration.name)).catch(() => undefined);
      }
      throw error;
    }
  }
  const durationMs = performance.now() - started;
  ctx.storage.committed({ name: migration.name, path: migration.path, direction, durationMs });
  ctx.onEvent?.({ kind: 'migration-done', schema: target.schema, name: migration.name, direction, durationMs });
}

/** Retries of one transactional migration that timed out waiting for a lock, told as events. */
function lockRetryProps(ctx: RunnerContext, name: string, lockTimeoutMs: number): LockRetryProps {
  const { schema } = ctx.target;
  return {
    lockTimeoutMs,
    onRetry: (retry, delayMs) => ctx.onEvent?.({ kind: 'lock-retry', schema, name, retry, delayMs }),
    describeHolders: () => describeLockHolders(ctx.session, [...new Set([schema, ctx.target.versionTable.schema])]),
  };
}

const ROLLED_BACK = 'it was rolled back: the schema and the version table are as they were before it';

async function runInTransaction(
  ctx: RunnerContext,
  migration: MigrationFile,
  direction: 'up' | 'down',
  step: MigrationStep,
  setupSql: string,
  row: () => string,
): Promise<void> {
  const { session, target } = ctx;
  const begin = beginSql(ctx.settings) + (setupSql === '' ? '' : `${setupSql}\n`);
  const fail = (error: unknown, sql?: SentSql): WorlddbError =>
    migrationError({
      schema: target.schema,
      name: migration.name,
      path: migration.path,
      direction,
      error: transactionEnded(error) ? endedTransaction() : error,
      ...(sql === undefined ? {} : { sql }),
      aftermath: transactionEnded(error)
        ? 'what it ran before ending the transaction stays committed; the rest was rolled back and it is not recorded: check the schema, then fix the migration'
        : ROLLED_BACK,
    });
  if (step.kind === 'sql') {
    // One round trip: BEGIN, the settings, the migration's SQL, the check, the row and COMMIT.
    const body = terminated(step.sql);
    const sent = `${begin}${body}\n${REQUIRE_TRANSACTION_SQL}\n${row()}\nCOMMIT;`;
    try {
      await session.exec(sent);
    } catch (error) {
      await rollbackQuietly(session);
      throw fail(error, { sent, prefixLength: begin.length, part: step.sql, partOffset: 0, partLine: step.line });
    }
    return;
  }
  try {
    await session.exec(begin);
    await step.run(migrationContext(session, target.schema, true));
    await session.exec(`${REQUIRE_TRANSACTION_SQL}\n${row()}\nCOMMIT;`);
  } catch (error) {
    await rollbackQuietly(session);
    throw fail(error);
  }
}

/** How a failed no-transaction migration is left: an `up` is recorded as interrupted (its start was recorded). */
function leftAs(direction: 'up' | 'down'): string {
  return direction === 'up' ? 'it is recorded as interrupted (worlddb status says what it left and how to finish)' : 'it is not recorded';
}
const CONCURRENT_BUILD = /^\s*(?:CREATE\s+(?:UNIQUE\s+)?INDEX|REINDEX)\b[^;]*\bCONCURRENTLY\b/i;

async function runWithoutTransaction(
  ctx: RunnerContext,
  migration: MigrationFile,
  direction: 'up' | 'down',
  step: MigrationStep,
  row: () => string,
): Promise<void> {
  const { session, target } = ctx;
  const failure = { schema: target.schema, name: migration.name, path: migration.path, direction };
  await session.exec(settingsSql(ctx.settings, 'session'));
  try {
    if (step.kind === 'code') {
      try {
        await step.run(migrationContext(session, target.schema, false));
      } catch (error) {
        throw migrationError({
          ...failure,
          error,
          aftermath: `it runs without a transaction: whatever it did before failing stays; ${leftAs(direction)}`,
        });
      }
    } else {
      // Several statements in one query string would run in an implicit transaction, which is what
      // CREATE INDEX CONCURRENTLY refuses: send them one at a time.
      const statements = splitStatements(step.sql);
      for (const [index, statement] of statements.entries()) {
        try {
          await session.exec(statement.text);
        } catch (error) {
          const sql: SentSql = { sent: statement.text, prefixLength: 0, part: step.sql, partOffset: statement.offset, partLine: step.line };
          // A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind.
          const nothing = index === 0 && !CONCURRENT_BUILD.test(statement.text.replace(/--[^\n]*/g, ''));
          const aftermath = nothing
            ? 'it runs without a transaction; nothing of it was applied and it is not recorded'
            : index === 0
              ? `it runs without a transaction, and a failed concurrent index build leaves an INVALID index behind; ${leftAs(direction)}`
              : `it runs without a transaction: its first ${index} statement${index > 1 ? 's were' : ' was'} applied and stay; ${leftAs(direction)}`;
          const failed = migrationError({ ...failure, error, sql, aftermath });
          if (nothing) NOTHING_APPLIED.add(failed);
          throw failed;
        }
      }
    }
    try {
      // The check and the row in one autocommitted query string: the row commits at once, or not at all.
      await session.exec(`${REQUIRE_NO_TRANSACTION_SQL}\n${row()}`);
    } catch (error) {
      const open = (error as { code?: unknown }).code === ACTIVE_TRANSACTION;
      await rollbackQuietly(session);
      throw migrationError({
        ...failure,
        error: open ? new Error('it left a transaction open') : error,
        aftermath: open
          ? `everything since that transaction began was rolled back; ${leftAs(direction)}`
          : `recording it in ${versionTableName(target.versionTable)} failed; its changes stay, but it is not recorded: check the schema, then use worlddb stamp`,
      });
    }
  } finally {
    await session.exec(resetSettingsSql(ctx.settings)).catch(() => undefined);
  }
}

/** True when the check that worlddb's transaction is still open failed. */
function transactionEnded(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === NO_ACTIVE_TRANSACTION;
}

function endedTransaction(): Error {
  return new Error("it ended worlddb's transaction (a COMMIT or ROLLBACK of its own) before its version-table row was written");
}

/** Ends a failed transaction; a broken connection is not worth a second error. */
export async function rollbackQuietly(session: Session): Promise<void> {
  await session.exec('ROLLBACK').catch(() => undefined);
}
