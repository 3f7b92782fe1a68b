import { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { displayPath } from '../../revision/display-path.js';
import { describeInterrupted } from '../../runner/interrupted.js';
import type { SchemaTarget } from '../../config/types.js';
import type { DatabaseOrSession, HistoryEntry, MigrationProblem, SchemaCurrent, SchemaHistory, SchemaStatus } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import type { Output } from '../output.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, folderLockTimeout, jsonOption, type TimeoutFlags } from './options.js';

interface ReadFlags extends SchemaSelection, TimeoutFlags {
  readonly json?: boolean;
}

type Reader<T> = (env: CliEnv, flags: ReadFlags, cmd: Command) => Promise<T[]>;
type RunnerModule = typeof import('../../runner/index.js');

/** Runs a read-only runner query for every selected schema (default: all of them). */
function readEach<T>(pick: (runner: RunnerModule) => (where: DatabaseOrSession, target: SchemaTarget) => Promise<T>): Reader<T> {
  return async (env, flags, cmd) => {
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, true);
    // The runner is loaded only once the config is valid: start-up time counts.
    const fn = pick(await import('../../runner/index.js'));
    return withSession(env, config, folderLockTimeout(flags, config), async (session) => {
      const results: T[] = [];
      for (const target of targets) results.push(await fn(session, target));
      return results;
    });
  };
}

function readCommand<T>(
  env: CliEnv,
  name: string,
  description: string,
  read: Reader<T>,
  print: (output: Output, results: readonly T[], cwd: string) => void,
  /** An exit code for what was found (0 when all is well), and where to set it. */
  verdict?: { readonly of: (results: readonly T[]) => number; readonly set: (code: number) => void },
): Command {
  const command = new Command(name).description(description).addOption(jsonOption()).option('--lock-timeout <duration>', 'wait at most this long for the embedded database (default 60s)');
  addSchemaOptions(command);
  return command.action(async (flags: ReadFlags, cmd: Command) => {
    const results = await read(env, flags, cmd);
    if (flags.json === true) env.output.json(results);
    else print(env.output, results, env.cwd);
    if (verdict !== undefined) verdict.set(verdict.of(results));
  });
}

/** One line about a problem between the folder and the version table. */
export function problemText(problem: MigrationProblem): string {
  switch (problem.kind) {
    case 'checksum-changed':
      return `${problem.name}: file changed since it was applied (migrate refuses; --accept-checksum to accept)`;
    case 'file-missing':
      return `${problem.name}: applied, but its file is missing`;
    case 'out-of-order':
      return `${problem.name}: pending but sorts before the last applied ${problem.lastApplied} (migrate refuses; --allow-out-of-order)`;
    case 'interrupted':
      return `${problem.name}: interrupted (started ${problem.startedAt.toISOString()}, never finished; migrate refuses)`;
  }
}

function printStatus(output: Output, results: readonly SchemaStatus[], cwd: string): void {
  const { color } = output;
  for (const s of results) {
    output.out(color.bold(s.schema));
    output.out(`  version table  ${s.versionTable.schema}.${s.versionTable.table}${s.versionTableExists ? '' : color.dim(' (not created yet)')}`);
    output.out(`  migrations     ${displayPath(s.migrationsDir, cwd)}`);
    output.out(`  applied        ${s.applied}`);
    output.out(`  pending        ${s.pending.length === 0 ? color.green('0 (at head)') : color.yellow(String(s.pending.length))}`);
    for (const name of s.pending) output.out(color.yellow(`    ${name}`));
    output.out(`  last applied   ${s.last === null ? color.dim('none') : `${s.last.name} ${color.dim(`at ${s.last.appliedAt.toISOString()}`)}`}`);
    for (const problem of s.problems) output.out(color.red(`  problem        ${problemText(problem)}`));
    for (const run of s.interrupted) output.out(color.red(`  interrupted    ${run.name}: ${describeInterrupted(run)}`));
  }
}

function stateLabel(entry: HistoryEntry, output: Output): string {
  const { color } = output;
  switch (entry.state) {
    case 'applied':
      return color.green(entry.stamped ? 'stamped' : 'applied');
    case 'pending':
      return color.yellow(entry.outOfOrder ? 'pending (out of order)' : 'pending');
    case 'changed':
      return color.red('changed');
    case 'missing':
      return color.red('missing');
    case 'interrupted':
      return color.red('interrupted');
  }
}

function printHistory(output: Output, results: readonly SchemaHistory[]): void {
  for (const h of results) {
    output.out(output.color.bold(`${h.schema}${h.versionTableExists ? '' : output.color.dim(' (no version table yet)')}`));
    if (h.entries.length === 0) output.out(output.color.dim('  no migrations'));
    for (const e of h.entries) {
      const when = e.appliedAt === null ? '' : output.color.dim(` ${e.appliedAt.toISOString()} (${e.executionMs ?? 0} ms)`);
      output.out(`  ${stateLabel(e, output).padEnd(output.color.level > 0 ? 17 : 7)} ${e.name}${when}`);
    }
  }
}

function printCurrent(output: Output, results: readonly SchemaCurrent[]): void {
  for (const c of results) {
    const where = c.current === null ? output.color.dim('base (nothing applied)') : c.current.name;
    const head = c.pending === 0 ? output.color.green('(head)') : output.color.yellow(`(${c.pending} pending)`);
    output.out(`${c.schema}: ${where} ${head}`);
  }
}

/**
 * `worlddb status`: per schema, version table, applied, pending, last applied and problems. Exits 5
 * (refused) when it lists problems: `migrate` would refuse to run.
 */
export function makeStatusCommand(env: CliEnv, setExitCode: (code: number) => void = () => undefined): Command {
  return readCommand(env, 'status', 'show each schema: version table, applied, pending, last applied (default: every schema)', readEach((r) => r.status), printStatus, {
    of: (results) => (results.some((s) => s.problems.length > 0) ? ExitCode.refused : ExitCode.ok),
    set: setExitCode,
  });
}

/** `worlddb history`: every migration of each schema with its state. */
export function makeHistoryCommand(env: CliEnv): Command {
  return readCommand(env, 'history', 'list every migration of each schema with its state (default: every schema)', readEach((r) => r.history), printHistory);
}

/** `worlddb current`: the last applied migration of each schema. */
export function makeCurrentCommand(env: CliEnv): Command {
  return readCommand(env, 'current', 'show the last applied migration of each schema (default: every schema)', readEach((r) => r.current), printCurrent);
}
