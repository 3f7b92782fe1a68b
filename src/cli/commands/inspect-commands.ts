import { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { displayPath } from '../../revision/display-path.js';
import { describeInterrupted } from '../../runner/interrupted.js';
import type { SchemaTarget } from '../../config/types.js';
import type { InspectOptions, VersionTableState } from '../../runner/index.js';
import type { DatabaseOrSession, HistoryEntry, MigrationProblem, SchemaCurrent, SchemaHistory, SchemaStatus } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import type { Output } from '../output.js';
import type { ResultView } from '../printer.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import { addSchemaOptions, folderLockTimeout, jsonOption, type TimeoutFlags } from './options.js';

interface ReadFlags extends TargetFlags, TimeoutFlags {}

type RunnerModule = typeof import('../../runner/index.js');

/** A read-only command: a runner query for every chosen schema and group member (default: all of them). */
function readCommand<T>(
  env: CliEnv,
  name: string,
  description: string,
  pick: (runner: RunnerModule) => (where: DatabaseOrSession, target: SchemaTarget, options: InspectOptions) => Promise<T>,
  view: (output: Output, cwd: string) => ResultView<T>,
  /** An exit code for what was found (0 when all is well), and where to set it. */
  verdict?: { readonly of: (results: readonly T[]) => number; readonly set: (code: number) => void },
): Command {
  const command = new Command(name).description(description).addOption(jsonOption()).option('--lock-timeout <duration>', 'wait at most this long for the embedded database (default 60s)');
  addSchemaOptions(command);
  return command.action(async (flags: ReadFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    // The runner is loaded only once the config is valid: start-up time counts.
    const runner = await import('../../runner/index.js');
    const read = pick(runner);
    const sources = new runner.MigrationSources();
    // Several schemas: every version table is read up front in a fixed number of queries.
    let states: Map<string, VersionTableState | null> | null = null;
    const report = await runOnTargets<T>({
      env,
      config,
      flags,
      command: name,
      defaultToAll: true,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      view: view(env.output, env.cwd),
      preflight: async (session, targets) => {
        if (targets.length < 2) return;
        const read = await runner.readVersionStates(session, targets.map((t) => t.versionTable));
        states = new Map(targets.map((t, i) => [t.schema, read[i] ?? null]));
      },
      job: (target, session) => read(session, target, { sources, ...(states === null ? {} : { state: states.get(target.schema) ?? null }) }),
    });
    if (verdict !== undefined) verdict.set(verdict.of(report.outcomes.flatMap((o) => (o.status === 'ok' ? [o.value] : []))));
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

function statusView(output: Output, cwd: string): ResultView<SchemaStatus> {
  const { color } = output;
  return {
    detail: (s) => [
      color.bold(s.schema),
      `  version table  ${s.versionTable.schema}.${s.versionTable.table}${s.versionTableExists ? '' : color.dim(' (not created yet)')}`,
      `  migrations     ${displayPath(s.migrationsDir, cwd)}`,
      `  applied        ${s.applied}`,
      `  pending        ${s.pending.length === 0 ? color.green('0 (at head)') : color.yellow(String(s.pending.length))}`,
      ...s.pending.map((name) => color.yellow(`    ${name}`)),
      `  last applied   ${s.last === null ? color.dim('none') : `${s.last.name} ${color.dim(`at ${s.last.appliedAt.toISOString()}`)}`}`,
      ...s.problems.map((problem) => color.red(`  problem        ${problemText(problem)}`)),
      ...s.interrupted.map((run) => color.red(`  interrupted    ${run.name}: ${describeInterrupted(run)}`)),
    ],
    brief: (s) => {
      const parts = [
        ...(s.versionTableExists ? [] : ['no version table']),
        ...(s.pending.length > 0 ? [`${s.pending.length} behind head`] : []),
        ...s.problems.map(problemText),
      ];
      return parts.length === 0 ? null : color.yellow(`${s.schema}: ${parts.join('; ')}`);
    },
  };
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

function historyView(output: Output): ResultView<SchemaHistory> {
  const { color } = output;
  return {
    detail: (h) => [
      color.bold(`${h.schema}${h.versionTableExists ? '' : color.dim(' (no version table yet)')}`),
      ...(h.entries.length === 0 ? [color.dim('  no migrations')] : []),
      ...h.entries.map((e) => {
        const when = e.appliedAt === null ? '' : color.dim(` ${e.appliedAt.toISOString()} (${e.executionMs ?? 0} ms)`);
        return `  ${stateLabel(e, output).padEnd(color.level > 0 ? 17 : 7)} ${e.name}${when}`;
      }),
    ],
    brief: (h) => {
      const notApplied = h.entries.filter((e) => e.state !== 'applied');
      return notApplied.length === 0 ? null : `${h.schema}: ${notApplied.map((e) => `${e.state} ${e.name}`).join(', ')}`;
    },
  };
}

function currentView(output: Output): ResultView<SchemaCurrent> {
  const line = (c: SchemaCurrent): string => {
    const where = c.current === null ? output.color.dim('base (nothing applied)') : c.current.name;
    const head = c.pending === 0 ? output.color.green('(head)') : output.color.yellow(`(${c.pending} pending)`);
    return `${c.schema}: ${where} ${head}`;
  };
  return { detail: (c) => [line(c)], brief: (c) => (c.pending === 0 ? null : line(c)) };
}

/**
 * `worlddb status`: per schema, version table, applied, pending, last applied and problems. Exits 5
 * (refused) when it lists problems: `migrate` would refuse to run.
 */
export function makeStatusCommand(env: CliEnv, setExitCode: (code: number) => void = () => undefined): Command {
  return readCommand(env, 'status', 'show each schema: version table, applied, pending, last applied (default: every schema)', (r) => r.status, statusView, {
    of: (results) => (results.some((s) => s.problems.length > 0) ? ExitCode.refused : ExitCode.ok),
    set: setExitCode,
  });
}

/** `worlddb history`: every migration of each schema with its state. */
export function makeHistoryCommand(env: CliEnv): Command {
  return readCommand(env, 'history', 'list every migration of each schema with its state (default: every schema)', (r) => r.history, historyView);
}

/** `worlddb current`: the last applied migration of each schema. */
export function makeCurrentCommand(env: CliEnv): Command {
  return readCommand(env, 'current', 'show the last applied migration of each schema (default: every schema)', (r) => r.current, currentView);
}
