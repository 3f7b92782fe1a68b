import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ExitCode, WorlddbError } from '../errors.js';
import type { CliEnv } from './cli-env.js';
import { applyCommandConventions } from './command-help.js';
import { registerCommands } from './commands/index.js';
import { createOutput, type OutputStream } from './output.js';

export interface RunProps {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdinIsTTY?: boolean;
  /** Asks the user a question (interactive terminals only). */
  readonly prompt?: (question: string) => Promise<string>;
}

/** The version printed by `--version`: the package's own. */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * Runs the worlddb CLI with `argv` (without `node` and the script) and returns the exit code.
 * This is the one place where errors become output and exit codes.
 *
 * @example
 * const code = await run(['status', '--json'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function run(argv: readonly string[], props: RunProps): Promise<number> {
  const output = createOutput(props);
  const env: CliEnv = { output, cwd: props.cwd, env: props.env };
  let exitCode: number = ExitCode.ok;
  const program = new Command('worlddb')
    .description('Migrations and autogenerate for Postgres databases made of several schemas')
    .version(VERSION)
    .option('-c, --config <path>', 'config file (default: config/worlddb.config.json, searched upwards)')
    .option('--url <url>', 'Postgres URL (beats DATABASE_URL and the config; default: the embedded database)')
    .option('--verbose', 'show stack traces of errors')
    .configureOutput({
      writeOut: (text) => props.stdout.write(text),
      writeErr: (text) => props.stderr.write(text),
    })
    .exitOverride();
  registerCommands(program, env, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  applyCommandConventions(program, (text) => props.stderr.write(text), output.errColor);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const verbose = argv.includes('--verbose');
    return report(error, output.err, verbose, output.errColor);
  }
}

function report(error: unknown, err: (line: string) => void, verbose: boolean, color: CliEnv['output']['color']): number {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; commander has already printed the message.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof WorlddbError) {
    err(color.red(`error: ${oneLine(error.message)}`));
    if (error.hint !== undefined) err(color.dim(`hint: ${oneLine(error.hint)}`));
    if (verbose) err(stackOf(error));
    return error.exitCode;
  }
  if (isPostgresError(error)) {
    err(color.red(`error: the database said: ${oneLine(error.message)}`));
    err(color.dim('hint: run with --verbose for details'));
    if (verbose) err(stackOf(error));
    return ExitCode.failed;
  }
  err(color.red(`internal error: ${error instanceof Error ? error.message : String(error)}`));
  err(color.dim('hint: this is a bug in worlddb; run with --verbose and report the stack trace'));
  if (verbose) err(stackOf(error));
  return ExitCode.internal;
}

/**
 * A message on one line: a name a user typed may hold a newline or other control characters
 * (`--schema $'a\nb'`), which are shown escaped, as JSON would.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function isPostgresError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && parts.length < 5; ) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('caused by:');
  }
  return parts.join('\n');
}
