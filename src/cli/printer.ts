/**
 * The one printer of every command's results: what the runner and the loop over targets report
 * becomes lines on a terminal, on a pipe, or NDJSON with `--json`.
 *
 * - A few schemas (no group, or one target): every migration gets a line when it starts and when
 *   it ends, then each schema's result in full, as before groups existed.
 * - A group run on a terminal: one live progress line (done/total, failed, schemas/s, ETA) on
 *   stderr, then the summary. On a pipe: one line per schema that changed or failed, then the summary.
 * - `--json`: one JSON object per event (`{"event":"migration-start",...}`, `{"event":"result",...}`),
 *   then one `{"event":"summary",...}` object.
 */
import { describeCause, MigrationError } from '../errors.js';
import type { RunReport, TargetEvent, TargetOutcome } from '../runner/run-targets.js';
import type { RunnerEvent } from '../runner/types.js';
import type { SchemaTarget } from '../config/types.js';
import type { Output } from './output.js';

/** A target as the printer needs it. */
export type PrintedTarget = SchemaTarget;

/** How one command shows the result of one target. */
export interface ResultView<R> {
  /** Lines of the result when every target is shown in full. */
  readonly detail: (value: R, target: SchemaTarget) => readonly string[];
  /** One line in a group run, or null when the target is not worth a line (nothing changed). */
  readonly brief: (value: R, target: SchemaTarget) => string | null;
  /** The result in `--json` (dates become ISO strings). */
  readonly json?: (value: R) => unknown;
}

export interface PrinterProps<R> {
  readonly output: Output;
  /** The command's name, e.g. `migrate`. */
  readonly command: string;
  readonly json: boolean;
  /** How many targets the run has. */
  readonly total: number;
  /** Group run: progress line or one line per changed member, instead of everything in full. */
  readonly fanOut: boolean;
  readonly view: ResultView<R>;
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

/** One failed target in the summary. */
export interface FailureLine {
  readonly schema: string;
  /** The migration that failed, when a migration did. */
  readonly migration: string | null;
  /** The first line of the error. */
  readonly error: string;
}

/** Whether a run's targets are shown in full or as a group run (see {@link ResultPrinter}). */
export function isFanOut(targets: readonly PrintedTarget[]): boolean {
  return targets.length > 1 && targets.some((t) => t.group !== undefined);
}

/** The summary line of a failed target: the migration that failed and the first line of the error. */
export function failureLine(schema: string, error: unknown): FailureLine {
  return {
    schema,
    migration: error instanceof MigrationError ? error.migration : null,
    error: describeCause(error).split('\n')[0] ?? '',
  };
}

/** Prints events as they come and the summary at the end; see the module comment. */
export class ResultPrinter<R> {
  readonly #props: PrinterProps<R>;
  readonly #now: () => number;
  readonly #started: number;
  #done = 0;
  #failed = 0;
  #lastProgress = 0;

  constructor(props: PrinterProps<R>) {
    this.#props = props;
    this.#now = props.now ?? (() => performance.now());
    this.#started = this.#now();
  }

  /** For the runner's `onEvent`: a line before each migration starts and after it ends. */
  readonly runnerEvent = (event: RunnerEvent): void => {
    const { output, json, fanOut } = this.#props;
    const { color } = output;
    if (json) {
      const { kind, ...rest } = event;
      output.jsonLine({ event: kind, ...rest });
      return;
    }
    switch (event.kind) {
      case 'lock-wait':
        output.err(output.errColor.yellow(`${event.schema}: another process is migrating this schema; waiting for its lock`));
        break;
      case 'checksum-accepted':
        output.out(color.yellow(`${event.schema}: accepted the changed file of ${event.name}: stored its new checksum; its new statements were NOT run (put changes to apply in a new migration)`));
        break;
      case 'migration-start':
        if (!fanOut) output.out(color.dim(`${event.schema}: ${event.direction === 'up' ? 'applying' : 'reverting'} ${event.name} ...`));
        break;
      case 'migration-done':
        if (!fanOut) {
          output.out(
            `${event.schema}: ${event.direction === 'up' ? color.green('applied ') : color.yellow('reverted')} ${event.name} ${color.dim(`(${Math.round(event.durationMs)} ms)`)}`,
          );
        }
        break;
      case 'lock-retry':
        output.err(
          output.errColor.yellow(
            `${event.schema}: ${event.name} timed out waiting for a lock and was rolled back; retry ${event.retry} in ${(event.delayMs / 1000).toFixed(1)} s`,
          ),
        );
        break;
      case 'interrupted-retry':
        output.err(output.errColor.yellow(`${event.schema}: running the interrupted ${event.name} again`));
        break;
      case 'version-table-created':
        // Told in the schema's result line (the table is created in the first migration's transaction).
        break;
    }
  };

  /** For the loop's `onEvent`. */
  readonly targetEvent = <T extends PrintedTarget>(event: TargetEvent<T, R>): void => {
    const { output, json, fanOut, view } = this.#props;
    if (json) {
      output.jsonLine(this.#jsonEvent(event));
      return;
    }
    if (event.kind === 'stage-start') {
      output.out(output.color.bold(`stage ${event.label}: ${event.targets} schema${event.targets === 1 ? '' : 's'}`));
      return;
    }
    if (event.kind === 'target-start') return;
    const { outcome } = event;
    this.#done += 1;
    if (outcome.status === 'failed') this.#failed += 1;
    if (!fanOut) {
      if (outcome.status === 'ok') for (const line of view.detail(outcome.value, outcome.target)) output.out(line);
      return;
    }
    if (output.isTTY) {
      this.#showProgress(false);
      return;
    }
    const line = this.#briefLine(outcome);
    if (line !== null) output.out(line);
  };

  /** Prints the summary. */
  finish<T extends PrintedTarget>(report: RunReport<T, R>): void {
    const { output, json, fanOut, command, total } = this.#props;
    const { color } = output;
    const count = (status: TargetOutcome<T, R>['status']): number => report.outcomes.filter((o) => o.status === status).length;
    const failures = report.outcomes.flatMap((o) => (o.status === 'failed' ? [failureLine(o.target.schema, o.error)] : []));
    const elapsedMs = this.#now() - this.#started;
    if (json) {
      output.jsonLine({
        event: 'summary',
        command,
        total,
        ok: count('ok'),
        failed: count('failed'),
        skipped: count('skipped'),
        durationMs: Math.round(elapsedMs),
        stoppedBy: report.stoppedBy === null ? null : { stage: report.stoppedBy.stage, schema: report.stoppedBy.target.schema },
        failures,
      });
      return;
    }
    output.progress(null);
    if (!fanOut && failures.length === 0 && count('skipped') === 0) return;
    const parts = [`${count('ok')} ok`, ...(failures.length > 0 ? [color.red(`${failures.length} failed`)] : []), ...(count('skipped') > 0 ? [color.yellow(`${count('skipped')} skipped`)] : [])];
    output.out(color.bold(`${command}: ${total} schema${total === 1 ? '' : 's'} in ${(elapsedMs / 1000).toFixed(1)} s: `) + parts.join(', '));
    for (const failure of failures) {
      output.out(color.red(`  ${failure.schema}: ${failure.migration === null ? '' : `${failure.migration}: `}${failure.error}`));
    }
    if (report.stoppedBy !== null) {
      output.out(color.yellow(`  stopped at stage ${report.stoppedBy.stage}: ${report.stoppedBy.target.schema} failed; the later schemas were not started`));
    }
  }

  #briefLine<T extends PrintedTarget>(outcome: TargetOutcome<T, R>): string | null {
    const { color } = this.#props.output;
    switch (outcome.status) {
      case 'ok':
        return this.#props.view.brief(outcome.value, outcome.target);
      case 'failed': {
        const failure = failureLine(outcome.target.schema, outcome.error);
        return color.red(`${failure.schema}: failed${failure.migration === null ? '' : ` at ${failure.migration}`}: ${failure.error}`);
      }
      case 'skipped':
        return color.yellow(`${outcome.target.schema}: skipped (${outcome.reason})`);
    }
  }

  #jsonEvent<T extends PrintedTarget>(event: TargetEvent<T, R>): unknown {
    switch (event.kind) {
      case 'stage-start':
        return { event: 'stage-start', stage: event.label, targets: event.targets };
      case 'target-start':
        return { event: 'target-start', schema: event.target.schema, ...(event.target.group === undefined ? {} : { group: event.target.group }) };
      case 'target-end': {
        const { outcome } = event;
        const base = { event: 'result', schema: outcome.target.schema, ...(outcome.target.group === undefined ? {} : { group: outcome.target.group }), status: outcome.status };
        if (outcome.status === 'ok') return { ...base, durationMs: Math.round(outcome.durationMs), result: (this.#props.view.json ?? ((v: R) => v))(outcome.value) };
        if (outcome.status === 'failed') {
          const { schema: _schema, ...failure } = failureLine(outcome.target.schema, outcome.error);
          return { ...base, durationMs: Math.round(outcome.durationMs), ...failure };
        }
        return { ...base, reason: outcome.reason };
      }
    }
  }

  #showProgress(force: boolean): void {
    const now = this.#now();
    if (!force && now - this.#lastProgress < 100 && this.#done < this.#props.total) return;
    this.#lastProgress = now;
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const left = this.#props.total - this.#done;
    const eta = rate > 0 ? `, ETA ${Math.ceil(left / rate)} s` : '';
    const failed = this.#failed > 0 ? `, ${this.#failed} failed` : '';
    this.#props.output.progress(`${this.#props.command}: ${this.#done}/${this.#props.total} done${failed}, ${rate.toFixed(1)} schemas/s${eta}`);
  }
}
