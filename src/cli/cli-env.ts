import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Database, Session } from '../connection/types.js';
import { parseDuration } from '../config/duration.js';
import { UsageError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';
import type { Output } from './output.js';

/** What every command gets from the CLI run: output, working folder, environment. */
export interface CliEnv {
  readonly output: Output;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Options of the `worlddb` program itself, valid before or after the command name. */
export interface GlobalOptions {
  readonly config?: string;
  readonly url?: string;
  readonly verbose?: boolean;
}

/** Loads the config named by the global options. */
export function loadProjectConfig(env: CliEnv, command: Command): Promise<ResolvedConfig> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({
    cwd: env.cwd,
    ...(globals.config === undefined ? {} : { configPath: globals.config }),
    ...(globals.url === undefined ? {} : { url: globals.url }),
    env: env.env,
  });
}

/**
 * Opens the project's database, runs `fn` on one session of it (every schema of the command goes
 * through the same connection), and closes it whatever happens (so the PGlite folder lock is
 * always released).
 */
export async function withSession<T>(
  env: CliEnv,
  config: ResolvedConfig,
  lockTimeoutMs: number,
  fn: (session: Session) => Promise<T>,
  /** A command that writes says first which database it works on (URL with its password masked, or the embedded folder). */
  options: { readonly announce?: boolean } = {},
): Promise<T> {
  return withDatabase(
    env,
    config,
    lockTimeoutMs,
    async (db) => {
      const session = await db.connect();
      try {
        return await fn(session);
      } finally {
        await session.release();
      }
    },
    options,
  );
}

/**
 * Opens the project's database (telling the user when the embedded one is created or busy), runs
 * `fn` with it, and closes it whatever happens (so the PGlite folder lock is always released).
 */
export async function withDatabase<T>(
  env: CliEnv,
  config: ResolvedConfig,
  lockTimeoutMs: number,
  fn: (db: Database) => Promise<T>,
  /** A command that writes says first which database it works on (URL with its password masked, or the embedded folder). */
  options: { readonly announce?: boolean } = {},
): Promise<T> {
  const { openDatabase } = await import('../connection/open-database.js');
  const db = await openDatabase(config.database, {
    lockTimeoutMs,
    rootDir: config.rootDir,
    onCreate: (dir) => env.output.err(env.output.errColor.dim(`creating the embedded database in ${displayPath(dir, env.cwd)} (first use, a few seconds)`)),
    onWait: (holder) =>
      env.output.err(
        env.output.errColor.yellow(
          `the embedded database ${displayPath(config.database.dataDir, env.cwd)} is in use by another worlddb process (pid ${holder.pid}); waiting up to ${(lockTimeoutMs / 1000).toFixed(1)} s`,
        ),
      ),
  });
  try {
    if (options.announce === true) env.output.out(env.output.color.dim(`database: ${db.description}`));
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Parses a duration option (`--lock-timeout 10s`), naming the option when it is wrong. */
export function durationOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a duration`, { hint: 'write e.g. 500ms, 10s or 2min' });
  }
  return ms;
}

/** Collects a repeatable option into an array (commander helper). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
