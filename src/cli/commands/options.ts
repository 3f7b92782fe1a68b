import { Option, type Command } from 'commander';
import type { ResolvedConfig } from '../../config/types.js';
import type { RunOptions } from '../../runner/types.js';
import { collect, durationOption } from '../cli-env.js';

/** `--schema NAME` and `--group NAME` (repeatable), `--all`, and how a group runs (`--concurrency`, `--fail-fast`). */
export function addSchemaOptions(command: Command): Command {
  return command
    .option('-s, --schema <name>', 'schema to work on, or a member of a group (repeat for several)', collect)
    .option('-g, --group <name>', 'every member of this group (repeat for several)', collect)
    .option('-a, --all', 'every schema and every group in the config')
    .option('--concurrency <n>', 'group members worked on at once on a server (default: config "concurrency", else 8)')
    .option('--fail-fast', 'stop starting group members after the first failure');
}

/** Timeouts of the commands that write. */
export function addTimeoutOptions(command: Command): Command {
  return command
    .option('--lock-timeout <duration>', 'wait at most this long for another process migrating the same schema (default 60s)')
    .option('--pg-lock-timeout <duration>', 'Postgres lock_timeout while migrating (e.g. 5s)')
    .option('--statement-timeout <duration>', 'Postgres statement_timeout while migrating (e.g. 10min)');
}

/** `--json` on every command. */
export function jsonOption(): Option {
  return new Option('--json', 'print one JSON object per event, then a summary object (NDJSON)');
}

export interface TimeoutFlags {
  readonly lockTimeout?: string;
  readonly pgLockTimeout?: string;
  readonly statementTimeout?: string;
}

/** The runner settings from the flags, falling back to the config. */
export function runOptionsFrom(flags: TimeoutFlags, config: ResolvedConfig): Required<Omit<RunOptions, 'onEvent' | 'sources' | 'createSchema'>> {
  return {
    migrationLockTimeoutMs: durationOption('--lock-timeout', flags.lockTimeout) ?? config.lockTimeoutMs,
    lockTimeoutMs: durationOption('--pg-lock-timeout', flags.pgLockTimeout) ?? config.pgLockTimeoutMs,
    statementTimeoutMs: durationOption('--statement-timeout', flags.statementTimeout) ?? config.statementTimeoutMs,
    searchPath: config.searchPath,
  };
}

/** How long to wait for the embedded database folder: the same lock timeout. */
export function folderLockTimeout(flags: TimeoutFlags, config: ResolvedConfig): number {
  return durationOption('--lock-timeout', flags.lockTimeout) ?? config.lockTimeoutMs;
}
