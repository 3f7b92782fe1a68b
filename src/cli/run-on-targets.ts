/**
 * The wiring every command shares: choose the targets, open the database and a bounded pool of
 * sessions, find the members of groups, run the command's job on each target through the one loop
 * (`runTargets`), print through the one printer, and end with the right error.
 */
import type { ResolvedConfig, SchemaTarget } from '../config/types.js';
import { DEFAULT_CONCURRENCY, sessionBudget } from '../connection/free-connections.js';
import { SessionPool } from '../connection/session-pool.js';
import type { Session } from '../connection/types.js';
import { ExitCode, UsageError, WorlddbError } from '../errors.js';
import type { RunReport, Stage } from '../runner/run-targets.js';
import type { RunnerEvent } from '../runner/types.js';
import { type CliEnv, withDatabase } from './cli-env.js';
import { isFanOut, ResultPrinter, type ResultView } from './printer.js';
import { chooseTargets, resolveTargets, type SchemaSelection } from './select-targets.js';

/** The command-line flags every command shares about targets. */
export interface TargetFlags extends SchemaSelection {
  readonly json?: boolean;
  readonly concurrency?: string;
  readonly failFast?: boolean;
  readonly canary?: string;
  readonly createSchema?: boolean;
}

export interface RunOnTargetsProps<R> {
  readonly env: CliEnv;
  readonly config: ResolvedConfig;
  readonly flags: TargetFlags;
  /** The command's name, for the summary. */
  readonly command: string;
  /** Read-only commands default to every schema and group. */
  readonly defaultToAll: boolean;
  /** How long to wait for the embedded database folder. */
  readonly folderLockTimeoutMs: number;
  readonly view: ResultView<R>;
  /** Runs once before any target, on one session (e.g. the checks that refuse before anything changes). */
  readonly preflight?: (session: Session, targets: readonly SchemaTarget[]) => Promise<void>;
  /** The work on one target; `onEvent` prints the runner's progress. */
  readonly job: (target: SchemaTarget, session: Session, onEvent: (event: RunnerEvent) => void) => Promise<R>;
  /** Run one target at a time whatever the flags say (e.g. `--sql`, whose output is read in order). */
  readonly serial?: boolean;
  /** A command that writes says first which database it works on (not with `--json`). */
  readonly announce?: boolean;
}

/**
 * Runs the command on its targets and prints the results. Configured schemas run first, one after
 * the other, stopping at the first failure (as they may depend on each other); then each group's
 * members, in parallel, a failing member not stopping the others (unless `--fail-fast`).
 *
 * @throws the target's own error when the run had one target, or one schema of several configured
 *   schemas, and it failed; else a WorlddbError counting the failures (printed above it).
 */
export async function runOnTargets<R>(props: RunOnTargetsProps<R>): Promise<RunReport<SchemaTarget, R>> {
  const { env, config, flags } = props;
  const choice = chooseTargets(config, flags, props.defaultToAll);
  const wanted = positive('--concurrency', flags.concurrency) ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  const canary = positive('--canary', flags.canary);
  if (flags.createSchema === true && (choice.groups.length !== 1 || choice.members.length === 0)) {
    throw new UsageError('--create-schema needs one --group and the new member with --schema', {
      hint: 'e.g. worlddb migrate --group tenants --schema tenant_new --create-schema',
    });
  }
  const { runTargets } = await import('../runner/run-targets.js');
  const announce = props.announce === true && flags.json !== true;
  return withDatabase(env, config, props.folderLockTimeoutMs, async (database) => {
    const pool = new SessionPool({ database, maxSessions: Math.max(wanted, ...config.groups.map((g) => g.concurrency ?? 1)), keepIdle: true });
    try {
      const first = await pool.acquire();
      let targets: SchemaTarget[];
      let concurrency: number;
      try {
        const { listGroupMembers } = await import('../introspect/list-group-members.js');
        targets = await resolveTargets(first, choice, {
          ...(flags.createSchema === undefined ? {} : { createSchema: flags.createSchema }),
          listMembers: (groups) => listGroupMembers(first, groups, config.targets),
        });
        concurrency = props.serial === true ? 1 : await sessionBudget(first, database.kind, wanted, targets.length);
        await props.preflight?.(first, targets);
      } finally {
        await pool.release(first);
      }
      const printer = new ResultPrinter<R>({
        output: env.output,
        command: props.command,
        json: flags.json === true,
        total: targets.length,
        fanOut: isFanOut(targets),
        view: props.view,
      });
      const report = await runTargets<SchemaTarget, R>({
        stages: stagesOf(targets, config, concurrency, canary),
        job: (target, session) => props.job(target, session, printer.runnerEvent),
        sessions: pool,
        concurrency,
        ...(flags.failFast === true ? { failFast: true } : {}),
        onEvent: printer.targetEvent,
      });
      printer.finish(report);
      throwFailures(report, isFanOut(targets), props.command);
      return report;
    } finally {
      await pool.close();
    }
  }, { announce });
}

/**
 * Configured schemas as one stage run in turn that stops at the first failure; then each group's
 * members, with `--canary N` the first N of them as a stage of their own.
 */
function stagesOf(targets: readonly SchemaTarget[], config: ResolvedConfig, concurrency: number, canary: number | undefined): Stage<SchemaTarget>[] {
  const stages: Stage<SchemaTarget>[] = [];
  const schemas = targets.filter((t) => t.group === undefined);
  if (schemas.length > 0) stages.push({ label: 'schemas', targets: schemas, concurrency: 1, failFast: true });
  for (const group of config.groups) {
    const members = targets.filter((t) => t.group === group.name);
    if (members.length === 0) continue;
    const width = Math.min(concurrency, group.concurrency ?? concurrency);
    if (canary !== undefined && canary < members.length) {
      stages.push({ label: `${group.name} canary`, targets: members.slice(0, canary), concurrency: width });
      stages.push({ label: `${group.name} rest`, targets: members.slice(canary), concurrency: width });
    } else {
      stages.push({ label: group.name, targets: members, concurrency: width });
    }
  }
  return stages;
}

function throwFailures<R>(report: RunReport<SchemaTarget, R>, fanOut: boolean, command: string): void {
  const failed = report.outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
  const first = failed[0];
  if (first === undefined) return;
  // One failure among a few schemas: its own message and hint, as it always was.
  if (failed.length === 1 && !fanOut) throw first.error;
  const codes = new Set(failed.map((o) => (o.error instanceof WorlddbError ? o.error.exitCode : ExitCode.failed)));
  const code = codes.size === 1 ? ([...codes][0] ?? ExitCode.failed) : ExitCode.failed;
  throw new WorlddbError(`${command}: ${failed.length} of ${report.outcomes.length} schemas failed (listed above)`, code, {
    hint: `fix them and run ${command} again; it only does what is left`,
  });
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a whole number of 1 or more`, { hint: `e.g. ${flag} 8` });
  return n;
}
