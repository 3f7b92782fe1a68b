/**
 * What the writing commands share: a session, the migration lock, the version table created on
 * first use, and migration files loaded once.
 */
import type { SchemaTarget } from '../config/types.js';
import { withAdvisoryLock } from '../connection/advisory-lock.js';
import type { Queryable, Session } from '../connection/types.js';
import { describeCause, ExitCode, RefusedError, WorlddbError } from '../errors.js';
import { listMigrationFiles } from '../revision/list-migration-files.js';
import { loadMigration } from '../revision/load-migration.js';
import type { MigrationFile, MigrationFileEntry } from '../revision/types.js';
import { quoteIdent } from '../sql/quote.js';
import { rollbackQuietly } from './execute-migrations.js';
import { DEFAULT_PG_LOCK_TIMEOUT_MS } from './lock-retry.js';
import { beginSql } from './migration-sql.js';
import type { MigrationSettings } from './migration-sql.js';
import type { DatabaseOrSession, RunOptions } from './types.js';
import { createVersionTableSql, versionTableName } from './version-table.js';

/** Default wait for another process migrating the same schema. */
export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 60_000;

/**
 * Runs `fn` on a session: the given one (left open), or a new one from the database (released
 * afterwards, also on failure).
 */
export async function withSession<T>(where: DatabaseOrSession, fn: (session: Session) => Promise<T>): Promise<T> {
  if (!('connect' in where)) return fn(where);
  const session = await where.connect();
  try {
    return await fn(session);
  } finally {
    await session.release();
  }
}

/** The settings migrations of `target` run with. */
export function migrationSettings(target: SchemaTarget, options: RunOptions): MigrationSettings {
  return {
    schema: target.schema,
    searchPath: options.searchPath ?? [],
    lockTimeoutMs: options.lockTimeoutMs === 0 ? null : (options.lockTimeoutMs ?? DEFAULT_PG_LOCK_TIMEOUT_MS),
    statementTimeoutMs: options.statementTimeoutMs ?? null,
  };
}

/**
 * Runs `fn` holding the advisory lock of the target's version table, on `session`. Two processes
 * migrating the same schema take turns; different version tables have different keys and never
 * wait on each other. Whatever `fn` decides must be based on what it reads after the lock is taken.
 *
 * @throws LockTimeoutError naming the schema when the lock is not granted in time.
 */
export async function withMigrationLock<T>(
  session: Session,
  target: SchemaTarget,
  options: RunOptions,
  fn: () => Promise<T>,
): Promise<T> {
  let told = false;
  const timeoutMs = options.migrationLockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS;
  // Passes the lock queries through, and tells once that we are waiting when an attempt fails.
  const probe: Queryable = {
    exec: (sql) => session.exec(sql),
    query: async <R extends object>(sql: string, params?: readonly unknown[]) => {
      const result = await session.query<R>(sql, params);
      const row = result.rows[0] as { locked?: unknown } | undefined;
      if (!told && row?.locked === false) {
        told = true;
        options.onEvent?.({ kind: 'lock-wait', schema: target.schema });
      }
      return result;
    },
  };
  return withAdvisoryLock(
    probe,
    { name: versionTableName(target.versionTable), timeoutMs, label: `schema ${JSON.stringify(target.schema)}` },
    fn,
  );
}

/**
 * Prepares the creation of the version table, called when it was not found. Returns the DDL that
 * creates the migrated schema (if missing) and the version table, to run in a transaction of the
 * caller's choice — the first migration's, so that a failing first migration leaves no trace.
 *
 * A version table kept in another schema (e.g. all version tables in one shared schema) has that
 * schema created here, at once, in its own transaction: several processes migrating different
 * schemas may create it at the same moment, which is retried. Only missing schemas are created
 * (CREATE SCHEMA needs the CREATE privilege on the database even with IF NOT EXISTS).
 *
 * @throws WorlddbError naming the version table when Postgres refuses (e.g. no privilege).
 */
export async function prepareVersionTable(
  session: Session,
  target: SchemaTarget,
  settings: MigrationSettings,
  createSchema = true,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const wanted = [...new Set([target.schema, target.versionTable.schema])];
      const { rows } = await session.query<{ nspname: string }>(
        'SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])',
        [wanted],
      );
      const existing = new Set(rows.map((row) => row.nspname));
      const missing = wanted.filter((schema) => !existing.has(schema));
      if (!createSchema && !existing.has(target.schema)) {
        throw new RefusedError(`schema ${JSON.stringify(target.schema)} does not exist (any more)`, {
          hint: target.group === undefined ? 'create it first' : `it was dropped, or is new: migrate --group ${target.group} --schema ${target.schema} --create-schema creates it`,
        });
      }
      const shared = missing.filter((schema) => schema !== target.schema);
      if (shared.length > 0) {
        const create = shared.map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};`).join('\n');
        await session.exec(`${beginSql(settings)}${create}\nCOMMIT;`);
      }
      return createVersionTableSql(target, missing.filter((schema) => schema === target.schema));
    } catch (error) {
      if (error instanceof RefusedError) throw error;
      await rollbackQuietly(session);
      const code = (error as { code?: unknown }).code;
      const raced = code === '23505' || code === '42P06';
      if (raced && attempt < 2) continue;
      throw versionTableError(target, error);
    }
  }
}

/**
 * Runs the version table's setup SQL (from {@link prepareVersionTable}) in a transaction of its own.
 */
export async function createVersionTable(
  session: Session,
  target: SchemaTarget,
  settings: MigrationSettings,
  setupSql: string,
): Promise<void> {
  try {
    await session.exec(`${beginSql(settings)}${setupSql}\nCOMMIT;`);
  } catch (error) {
    await rollbackQuietly(session);
    throw versionTableError(target, error);
  }
}

function versionTableError(target: SchemaTarget, error: unknown): WorlddbError {
  return new WorlddbError(
    `schema ${JSON.stringify(target.schema)}: cannot create version table ${versionTableName(target.versionTable)}: ${describeCause(error)}`,
    ExitCode.failed,
    { hint: 'check that the database user may create schemas and tables there', cause: error },
  );
}

/**
 * The migration folders of a run read once and their files loaded once, however many schemas
 * share them (every member of a group): pass one as `RunOptions.sources` to every call of a run.
 */
export class MigrationSources {
  readonly loader = new MigrationLoader();
  private readonly folders = new Map<string, Promise<MigrationFileEntry[]>>();

  /** The files of a folder, read on first use. */
  files(dir: string): Promise<MigrationFileEntry[]> {
    let read = this.folders.get(dir);
    if (read === undefined) {
      read = listMigrationFiles(dir);
      read.catch(() => undefined);
      this.folders.set(dir, read);
    }
    return read;
  }
}

/** The files of the target's folder: from the run's {@link MigrationSources}, or read now. */
export function readFolder(target: SchemaTarget, options: RunOptions): Promise<MigrationFileEntry[]> {
  const read = options.sources?.files(target.source.migrationsDir) ?? listMigrationFiles(target.source.migrationsDir);
  read.catch(() => undefined); // awaited by the caller; a failure must not go unhandled meanwhile
  return read;
}

/** The run's shared loader, or a new one. */
export function loaderOf(options: RunOptions): MigrationLoader {
  return options.sources?.loader ?? new MigrationLoader();
}

/** Loads migration files once per run, however often they are asked for. */
export class MigrationLoader {
  private readonly cache = new Map<string, Promise<MigrationFile>>();

  /** The loaded migrations, in the given order. Fails on the first broken file, before anything runs. */
  async load(entries: readonly MigrationFileEntry[]): Promise<MigrationFile[]> {
    return Promise.all(
      entries.map((entry) => {
        let loaded = this.cache.get(entry.path);
        if (loaded === undefined) {
          loaded = loadMigration(entry);
          // Rejections are seen by whoever awaits; do not let an unawaited one crash the process.
          loaded.catch(() => undefined);
          this.cache.set(entry.path, loaded);
        }
        return loaded;
      }),
    );
  }
}

/**
 * Runs statements in one transaction of their own (BEGIN, the settings, the statements, COMMIT),
 * rolling back on failure. For the runner's own bookkeeping: stamping rows, storing accepted
 * checksums.
 *
 * @throws WorlddbError naming the schema and `what` failed, with Postgres' message.
 */
export async function execBookkeeping(
  session: Session,
  target: SchemaTarget,
  settings: MigrationSettings,
  statements: readonly string[],
  what: string,
): Promise<void> {
  try {
    await session.exec(`${beginSql(settings)}${statements.join('\n')}\nCOMMIT;`);
  } catch (error) {
    await rollbackQuietly(session);
    throw new WorlddbError(`schema ${JSON.stringify(target.schema)}: ${what} failed: ${describeCause(error)}`, ExitCode.failed, {
      hint: 'nothing was changed',
      cause: error,
    });
  }
}

/** Loads one migration of `files` by name through `loader`, or null when there is no such file or it is broken. */
export function fileLoader(files: readonly MigrationFileEntry[], loader: MigrationLoader): (name: string) => Promise<MigrationFile | null> {
  return async (name) => {
    const entry = files.find((file) => file.name === name);
    if (entry === undefined) return null;
    return (await loader.load([entry]).catch(() => null))?.[0] ?? null;
  };
}
