/**
 * What every subcommand shares, applied once to all of them (also to commands added later): its
 * `--help` lists the global options, the environment, its exit codes and examples; a usage error
 * that commander detects (unknown option, missing or invalid argument) is one `error:` line and one
 * `hint: run worlddb <the command> --help` line, exit 2.
 */
import type { Command } from 'commander';
import type { ChalkInstance } from 'chalk';

/** Exit codes and examples of one command's help. */
export interface CommandHelp {
  /** Exit codes this command can end with besides 0, 2, 3 and 70 (which every command has). */
  readonly exitCodes: readonly number[];
  readonly examples: readonly string[];
  /** What a code means for this command, where it differs from the shared text. */
  readonly exitCodeText?: Readonly<Record<number, string>>;
}

const EXIT_CODE_TEXT: Readonly<Record<number, string>> = {
  0: 'success',
  1: 'a migration or query failed in Postgres',
  2: 'usage or config error (bad option, unknown schema, broken file)',
  3: 'the database cannot be reached or opened',
  4: 'a lock was not granted in time',
  5: 'refused by a safety check (changed checksum, out of order, no down part, ...)',
  6: 'check: pending migrations, what migrate would refuse, or drift between the database and the model',
  7: 'refused until confirmed: it would destroy data (answer on a terminal, or pass --yes)',
  70: 'a bug in worlddb (run with --verbose and report it)',
};

/** Help of the commands this module knows; others get the shared part and every exit code. */
const HELP: Readonly<Record<string, CommandHelp>> = {
  migrate: {
    exitCodes: [1, 4, 5],
    examples: ['worlddb migrate --all', 'worlddb upgrade head --schema asia', 'worlddb migrate --to 20261127 --schema asia --sql'],
  },
  downgrade: {
    exitCodes: [1, 4, 5, 7],
    examples: ['worlddb downgrade -1 --schema asia', 'worlddb downgrade base --schema asia', 'worlddb downgrade --steps 2 --schema asia --sql'],
  },
  stamp: { exitCodes: [4], examples: ['worlddb stamp head --schema asia', 'worlddb stamp -1 --schema asia'] },
  redo: { exitCodes: [1, 4, 5, 7], examples: ['worlddb redo --schema asia', 'worlddb redo --schema asia --yes   # not on a terminal, the down part drops rows'] },
  show: { exitCodes: [], examples: ['worlddb show 20261127 --schema asia'] },
  lint: {
    exitCodes: [1],
    exitCodeText: { 1: 'lint found errors (warnings alone exit 0)' },
    examples: ['worlddb lint --schema asia', 'worlddb lint --all-files --all --offline', 'worlddb lint migrations/asia/20261127090000_add_languages.sql'],
  },
  // init and pull print their own examples.
  init: { exitCodes: [], examples: [] },
  pull: { exitCodes: [1], examples: [] },
  revision: {
    exitCodes: [1, 5],
    examples: ['worlddb revision -m "add languages" --schema asia', 'worlddb revision --autogenerate -m "add capital" --schema asia'],
  },
  check: { exitCodes: [1, 6], examples: ['worlddb check --all', 'worlddb check --schema asia --json'] },
  status: { exitCodes: [1, 5], examples: ['worlddb status', 'worlddb status --schema asia --json'] },
  history: { exitCodes: [1], examples: ['worlddb history --schema asia'] },
  current: { exitCodes: [1], examples: ['worlddb current'] },
};

/**
 * The text after a command's own options in its `--help`.
 *
 * @example
 * helpFooter('migrate') // => '\nEnvironment:\n  DATABASE_URL ...\n\nExit codes:\n  0  success\n...'
 */
export function helpFooter(name: string): string {
  const help = HELP[name];
  const codes = help === undefined ? Object.keys(EXIT_CODE_TEXT).map(Number) : [...new Set([0, 2, 3, 70, ...help.exitCodes])];
  codes.sort((a, b) => a - b);
  const lines = [
    '',
    'Environment:',
    '  DATABASE_URL   Postgres URL (--url beats it; it beats the config; default: the embedded database)',
    '  NO_COLOR       any value turns colour off; FORCE_COLOR=1..3 turns it on when not a terminal',
    '',
    'Exit codes:',
    ...codes.map((code) => `  ${String(code).padEnd(3)} ${help?.exitCodeText?.[code] ?? EXIT_CODE_TEXT[code] ?? ''}`),
  ];
  if (help !== undefined && help.examples.length > 0) {
    lines.push('', 'Examples:', ...help.examples.map((example) => `  $ ${example}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Turns commander's error text (`error: unknown option '--tp'\n(Did you mean --to?)`) into the
 * `error:`/`hint:` pair naming the real command.
 *
 * @example
 * usageErrorLines("error: unknown option '--tp'\n(Did you mean --to?)\n", 'worlddb migrate')
 * // => ["error: unknown option '--tp'", 'hint: did you mean --to? run worlddb migrate --help']
 */
export function usageErrorLines(text: string, commandPath: string): [string, string] {
  const lines = text.trim().split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const suggestion = lines.map((line) => /^\(Did you mean (.+)\?\)$/.exec(line)?.[1]).find((s) => s !== undefined);
  const message = lines.filter((line) => !line.startsWith('(Did you mean')).join(' ');
  const error = message.startsWith('error: ') ? message : `error: ${message}`;
  const hint = `hint: ${suggestion === undefined ? '' : `did you mean ${suggestion}? `}run ${commandPath} --help`;
  return [error, hint];
}

/** The full name of a command, e.g. `worlddb migrate`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

/**
 * Applies the shared help and usage-error format to `program` and every subcommand it has now.
 * Call it after every command is added.
 */
export function applyCommandConventions(program: Command, write: (text: string) => void, errColor: ChalkInstance): void {
  const configure = (command: Command): void => {
    command.showHelpAfterError(false).configureOutput({
      ...program.configureOutput(),
      outputError: (text) => {
        const [error, hint] = usageErrorLines(text, commandPath(command));
        write(`${errColor.red(error)}\n${errColor.dim(hint)}\n`);
      },
    });
  };
  configure(program);
  for (const command of program.commands) {
    configure(command);
    command.configureHelp({ ...command.configureHelp(), showGlobalOptions: true });
    command.addHelpText('after', helpFooter(command.name()));
  }
}
