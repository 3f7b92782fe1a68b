import { Chalk, type ChalkInstance } from 'chalk';

/** A stream the CLI writes to: `process.stdout`, or a collector in tests. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where commands print: results to `out`, messages and warnings to `err`. */
export interface Output {
  /** A line of the command's result (stdout). */
  out(line: string): void;
  /** A line of progress, warning or error (stderr). */
  err(line: string): void;
  /** Prints a value as JSON on stdout (for `--json`). */
  json(value: unknown): void;
  /** Colours for `out`: active only when stdout is a TTY and `NO_COLOR` is not set. */
  readonly color: ChalkInstance;
  /** Colours for `err`: active only when stderr is a TTY and `NO_COLOR` is not set. */
  readonly errColor: ChalkInstance;
  /** Whether the user can be asked questions (stdin and stderr are TTYs). */
  readonly interactive: boolean;
  /** Asks a yes/no question on the terminal; false when not interactive. */
  confirm(question: string): Promise<boolean>;
}

export interface OutputProps {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTTY?: boolean;
  /** Reads one answer from the user (the CLI passes a readline prompt on a TTY). */
  readonly prompt?: (question: string) => Promise<string>;
}

/**
 * Builds the {@link Output} of one CLI run. Colour follows https://no-color.org: any non-empty
 * `NO_COLOR` turns it off, and so does a stream that is not a terminal (each stream on its own).
 */
export function createOutput(props: OutputProps): Output {
  const noColor = (props.env['NO_COLOR'] ?? '') !== '';
  const color = new Chalk({ level: props.stdout.isTTY === true && !noColor ? 1 : 0 });
  const errColor = new Chalk({ level: props.stderr.isTTY === true && !noColor ? 1 : 0 });
  const interactive = props.stdinIsTTY === true && props.stderr.isTTY === true && props.prompt !== undefined;
  return {
    out: (line) => props.stdout.write(`${line}\n`),
    err: (line) => props.stderr.write(`${line}\n`),
    json: (value) => props.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    color,
    errColor,
    interactive,
    async confirm(question) {
      if (!interactive || props.prompt === undefined) return false;
      const answer = await props.prompt(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    },
  };
}
