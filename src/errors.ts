/**
 * The error hierarchy of worlddb.
 *
 * Every failure a user can cause is a {@link WorlddbError}: a one-line message naming the thing
 * that is wrong, a hint saying what to do, and the exit code the CLI ends with. The CLI turns these
 * into output in exactly one place (`src/cli/run.ts`); anything else that escapes is a bug and is
 * reported as an internal error.
 */

/** Exit codes of the `worlddb` command, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A migration (or a query the command ran) failed in Postgres. */
  failed: 1,
  /** Bad command line or bad config: unknown schema, missing option, invalid value. */
  usage: 2,
  /** The database could not be reached or opened (including a PGlite folder held by another process). */
  unavailable: 3,
  /** A lock (advisory lock of a version table, or the PGlite folder lock) was not granted in time. */
  lockTimeout: 4,
  /** A safety check refused the work: checksum changed, out-of-order migration, missing down part, not at head. */
  refused: 5,
  /** `worlddb check`: the database differs from the model or has pending migrations. */
  drift: 6,
  /** Refused until confirmed: the command would destroy data; confirm on a terminal, or pass `--yes`. */
  needsConfirmation: 7,
  /** A bug in worlddb. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface WorlddbErrorProps {
  readonly hint?: string;
  readonly cause?: unknown;
}

/** Base class of all user-facing errors. */
export class WorlddbError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode, props: WorlddbErrorProps = {}) {
    super(message, props.cause === undefined ? undefined : { cause: props.cause });
    this.name = new.target.name;
    this.hint = props.hint;
    this.exitCode = exitCode;
  }
}

/** Invalid config file or config value. The message names the key. */
export class ConfigError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
  }
}

/** Invalid command-line usage: unknown schema, conflicting options, bad value. */
export class UsageError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
  }
}

/** The database cannot be reached or opened. */
export class ConnectionError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.unavailable, props);
  }
}

/** A lock was not granted within the allowed time. */
export class LockTimeoutError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.lockTimeout, props);
  }
}

/** A safety check refused to go on (checksum changed, out of order, no down part, ...). */
export class RefusedError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.refused, props);
  }
}

/** The command would destroy data and was not confirmed (not on a terminal without `--yes`, or answered no). */
export class ConfirmationError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.needsConfirmation, props);
  }
}

/** A migration file cannot be read or parsed. */
export class MigrationFileError extends WorlddbError {
  readonly file: string;
  constructor(file: string, message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
    this.file = file;
  }
}

/** A migration failed while running: names the schema, the file, the direction and the Postgres error. */
export class MigrationError extends WorlddbError {
  readonly schema: string;
  readonly migration: string;
  readonly direction: 'up' | 'down';
  constructor(
    schema: string,
    migration: string,
    direction: 'up' | 'down',
    message: string,
    props: WorlddbErrorProps = {},
  ) {
    super(message, ExitCode.failed, props);
    this.schema = schema;
    this.migration = migration;
    this.direction = direction;
  }
}

/** Drift found by `worlddb check`. */
export class DriftError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.drift, props);
  }
}

/** Turns anything thrown into a short text, for messages that wrap a cause. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error && cause.message !== '') return cause.message.split('\n')[0] ?? cause.message;
  if (typeof cause === 'object' && cause !== null) {
    // Some libraries (emscripten file systems, for one) throw plain objects.
    const { message, code, errno } = cause as { message?: unknown; code?: unknown; errno?: unknown };
    if (typeof message === 'string' && message !== '') return message.split('\n')[0] ?? message;
    if (typeof code === 'string' || typeof code === 'number') return `error ${String(code)}`;
    if (typeof errno === 'number') return `system error ${errno}`;
    return 'unknown error';
  }
  return String(cause);
}

/** A model declaration is invalid: names the schema, table and column. */
export class ModelError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
  }
}

/**
 * A declared rename (`--rename asia.countries.name=title`, or an answer on a TTY) does not match a
 * dropped and an added table or column. The message names the schema, table and column.
 */
export class RenameError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
  }
}
