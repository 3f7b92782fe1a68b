/**
 * The one loop over targets (schemas, group members) of every command and of
 * `openWorld({ migrate: true })`: a job per target on a bounded pool of sessions, in stages, with
 * one result per target (ok, failed with its cause, or skipped) and events for the printer.
 */
import type { Session } from '../connection/types.js';

/** What the loop needs of a target: a name for messages. */
export interface RunTarget {
  readonly schema: string;
}

/** Where the sessions come from: one pool per database (see `SessionPool`). */
export interface SessionSource {
  acquire(): Promise<Session>;
  /** Gives a session back; a `broken` one (its job failed) is closed rather than reused. */
  release(session: Session, broken?: boolean): Promise<void>;
}

/** A part of a rollout: its targets run at once (up to `concurrency`), and only if every earlier stage succeeded. */
export interface Stage<T extends RunTarget> {
  /** Shown when the stage stops the rollout, e.g. `canary` or `tenant_internal_%`. */
  readonly label: string;
  readonly targets: readonly T[];
  /** Targets run at once in this stage. Default: the run's concurrency. */
  readonly concurrency?: number;
  /** Stop starting this stage's targets after its first failure. Default: the run's `failFast`. */
  readonly failFast?: boolean;
}

export type TargetOutcome<T extends RunTarget, R> =
  | { readonly status: 'ok'; readonly target: T; readonly value: R; readonly durationMs: number }
  | { readonly status: 'failed'; readonly target: T; readonly error: unknown; readonly durationMs: number }
  | { readonly status: 'skipped'; readonly target: T; readonly reason: string };

export type TargetEvent<T extends RunTarget, R> =
  | { readonly kind: 'stage-start'; readonly label: string; readonly targets: number }
  | { readonly kind: 'target-start'; readonly target: T }
  | { readonly kind: 'target-end'; readonly outcome: TargetOutcome<T, R> };

export interface RunTargetsProps<T extends RunTarget, R> {
  /** The targets in stages (a plain run is one stage). */
  readonly stages: readonly Stage<T>[];
  /** The work on one target, on a session of its own for the time of the job. */
  readonly job: (target: T, session: Session) => Promise<R>;
  readonly sessions: SessionSource;
  /** Targets run at once (1 on the embedded database, whose one backend takes sessions in turn). */
  readonly concurrency: number;
  /** Stop starting new targets after the first failure. Default: go on with the others. */
  readonly failFast?: boolean;
  readonly onEvent?: (event: TargetEvent<T, R>) => void;
  /** Clock, for tests. */
  readonly now?: () => number;
}

export interface RunReport<T extends RunTarget, R> {
  /** One outcome per target, in the order of the stages and their targets. */
  readonly outcomes: readonly TargetOutcome<T, R>[];
  /** When a failure stopped the run early: the stage it happened in and the first target that failed. */
  readonly stoppedBy: { readonly stage: string; readonly target: T } | null;
}

/**
 * Runs `job` on every target. A failing target does not stop the others (unless `failFast`), but
 * does stop the later stages: the rest are reported as skipped. Sessions are taken from
 * `sessions` and given back after each job; at most `concurrency` are in use at once.
 *
 * Several databases (each with its own pool and concurrency) are several calls run side by side.
 *
 * @example
 * const report = await runTargets({
 *   stages: [{ label: 'all', targets }],
 *   job: (target, session) => migrate(session, target, options),
 *   sessions: pool,
 *   concurrency: 8,
 * });
 * report.outcomes.filter((o) => o.status === 'failed').length // => 0
 */
export async function runTargets<T extends RunTarget, R>(props: RunTargetsProps<T, R>): Promise<RunReport<T, R>> {
  const now = props.now ?? (() => performance.now());
  const outcomes = new Map<T, TargetOutcome<T, R>>();
  let stoppedBy: RunReport<T, R>['stoppedBy'] = null;
  const record = (outcome: TargetOutcome<T, R>): void => {
    outcomes.set(outcome.target, outcome);
    props.onEvent?.({ kind: 'target-end', outcome });
  };

  for (const stage of props.stages) {
    if (stoppedBy !== null) {
      for (const target of stage.targets) record({ status: 'skipped', target, reason: `the rollout stopped at stage ${stoppedBy.stage}` });
      continue;
    }
    if (props.stages.length > 1) props.onEvent?.({ kind: 'stage-start', label: stage.label, targets: stage.targets.length });
    let next = 0;
    let firstFailure: T | null = null;
    const worker = async (): Promise<void> => {
      while (next < stage.targets.length) {
        const target = stage.targets[next++] as T;
        if (firstFailure !== null && (stage.failFast ?? props.failFast) === true) {
          record({ status: 'skipped', target, reason: `--fail-fast: ${firstFailure.schema} failed` });
          continue;
        }
        props.onEvent?.({ kind: 'target-start', target });
        const started = now();
        let session: Session | null = null;
        try {
          session = await props.sessions.acquire();
          const value = await props.job(target, session);
          await props.sessions.release(session);
          record({ status: 'ok', target, value, durationMs: now() - started });
        } catch (error) {
          if (session !== null) await props.sessions.release(session, true);
          firstFailure ??= target;
          record({ status: 'failed', target, error, durationMs: now() - started });
        }
      }
    };
    const width = Math.max(1, Math.min(stage.concurrency ?? props.concurrency, stage.targets.length));
    await Promise.all(Array.from({ length: width }, worker));
    if (firstFailure !== null) stoppedBy = { stage: stage.label, target: firstFailure };
  }
  const ordered = props.stages.flatMap((stage) => stage.targets.map((target) => outcomes.get(target) as TargetOutcome<T, R>));
  // A failure that left nothing unstarted stopped nothing.
  return { outcomes: ordered, stoppedBy: ordered.some((o) => o.status === 'skipped') ? stoppedBy : null };
}
