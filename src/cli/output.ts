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
  /** Prints a value as one line of JSON on stdout (an NDJSON event of `--json`). */
  jsonLine(value: unknown): void;
  /**
   * Shows one live line on stderr when it is a terminal, replacing the previous one; null clears
   * it. Does nothing elsewhere (a pipe or a file gets no progress line).
   */
  progress(line: string | null): void;
  /** Whether stdout is a terminal. */
  readonly isTTY: boolean;
  /** Colours for `out`: see {@link colorLevel}. */
  readonly color: ChalkInstance;
  /** Colours for `err`: see {@link colorLevel}. */
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

/** A chalk colour level: 0 none, 1 basic 16 colours, 2 256 colours, 3 true colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The colour level of one stream. Any non-empty `NO_COLOR` turns colour off and wins over
 * everything (https://no-color.org: the user's explicit opt-out). Otherwise a non-empty
 * `FORCE_COLOR` decides, as chalk and https://force-color.org read it: `0`/`false` off, `2` 256
 * colours, `3` true colour, any other value basic colours — also when the stream is not a
 * terminal. Without either, a terminal gets basic colours and anything else none.
 *
 * @example
 * colorLevel({ FORCE_COLOR: '3' }, false) // => 3
 * colorLevel({ NO_COLOR: '1', FORCE_COLOR: '1' }, true) // => 0
 */
export function colorLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): ColorLevel {
  if ((env['NO_COLOR'] ?? '') !== '') return 0;
  const force = (env['FORCE_COLOR'] ?? '').trim().toLowerCase();
  if (force !== '') {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  return isTTY ? 1 : 0;
}

/**
 * Writes to a stream whose reader may have gone (`worlddb migrate | head -1`): a failing write is
 * dropped, never thrown into the command (a migrate must not stop half-way because of its output).
 */
function write(stream: OutputStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // The reader is gone; the work goes on, the exit code still tells.
  }
}

/**
 * Builds the {@link Output} of one CLI run. Colour, for each stream on its own, follows
 * {@link colorLevel} (`NO_COLOR`, then `FORCE_COLOR`, then whether the stream is a terminal).
 */
export function createOutput(props: OutputProps): Output {
  const color = new Chalk({ level: colorLevel(props.env, props.stdout.isTTY === true) });
  const errColor = new Chalk({ level: colorLevel(props.env, props.stderr.isTTY === true) });
  const interactive = props.stdinIsTTY === true && props.stderr.isTTY === true && props.prompt !== undefined;
  const live = props.stderr.isTTY === true;
  let shown = false;
  const clear = (): void => {
    if (shown) write(props.stderr, '\r\x1b[2K');
    shown = false;
  };
  return {
    out: (line) => {
      clear();
      write(props.stdout, `${line}\n`);
    },
    err: (line) => {
      clear();
      write(props.stderr, `${line}\n`);
    },
    json: (value) => write(props.stdout, `${JSON.stringify(value, null, 2)}\n`),
    jsonLine: (value) => write(props.stdout, `${JSON.stringify(value)}\n`),
    progress: (line) => {
      if (!live) return;
      clear();
      if (line !== null) write(props.stderr, line);
      shown = line !== null;
    },
    isTTY: props.stdout.isTTY === true,
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
