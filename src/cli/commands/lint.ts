import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { SchemaTarget } from '../../config/types.js';
import type { Session } from '../../connection/types.js';
import { ConnectionError, ExitCode, MigrationFileError, UsageError } from '../../errors.js';
import { formatFinding, githubAnnotation, summary } from '../../lint/format-findings.js';
import type { LintFile, LintRun } from '../../lint/lint-files.js';
import { displayPath } from '../../revision/display-path.js';
import { listMigrationFiles } from '../../revision/list-migration-files.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { selectSchemaTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions } from './options.js';

interface LintFlags extends SchemaSelection {
  readonly allFiles?: boolean;
  readonly offline?: boolean;
  readonly json?: boolean;
  readonly format?: 'text' | 'json' | 'github';
}

/** `worlddb lint [FILES...]`: finds the statements that lock, rewrite or destroy. */
export function makeLintCommand(env: CliEnv, setExitCode: (code: number) => void): Command {
  const command = new Command('lint')
    .description('check migrations for statements that lock, rewrite or destroy (default: the pending ones)')
    .argument('[files...]', 'migration files to lint instead of the pending ones')
    .option('--all-files', 'every migration file of the chosen schemas, applied ones included')
    .option('--offline', 'do not connect: lint from the SQL alone')
    .option('--json', 'print the findings as JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'));
  addSchemaOptions(command);
  return command.action(async (fileArgs: string[], flags: LintFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const targets = selectSchemaTargets(config, flags, true, 'lint');
    const explicit = fileArgs.map((file) => explicitFile(env, targets, file));
    const lintWith = async (session: Session | null): Promise<{ run: LintRun; files: LintFile[] }> => {
      const files = explicit.length > 0 ? explicit : await folderFiles(env, targets, session, flags.allFiles === true);
      const { lintRun } = await import('../lint-run.js');
      return { run: await lintRun(config, session, targets.map((t) => t.schema), files), files };
    };
    let offlineReason: string | null = flags.offline === true ? '--offline' : null;
    let result: { run: LintRun; files: LintFile[] };
    if (offlineReason === null) {
      try {
        result = await withSession(env, config, config.lockTimeoutMs, lintWith);
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        offlineReason = `no database reachable (${error.message})`;
        result = await lintWith(null);
      }
    } else {
      result = await lintWith(null);
    }
    print(env, flags, result.run, offlineReason, explicit.length === 0 && flags.allFiles !== true);
    if (result.run.errors > 0) setExitCode(ExitCode.failed);
  });
}

/** A file named on the command line, with the schema whose folder holds it (or the one schema chosen). */
function explicitFile(env: CliEnv, targets: readonly SchemaTarget[], file: string): LintFile {
  const absolute = path.resolve(env.cwd, file);
  const target = targets.find((t) => path.dirname(absolute) === t.source.migrationsDir) ?? (targets.length === 1 ? targets[0] : undefined);
  if (target === undefined) {
    throw new UsageError(`cannot tell which schema ${file} is migrating`, { hint: 'pass --schema NAME (unqualified names in the file resolve to it)' });
  }
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new MigrationFileError(absolute, `cannot read ${file}: ${(error as Error).message}`, { hint: 'check the path' });
  }
  return { schema: target.schema, path: absolute, shown: displayPath(absolute, env.cwd), text };
}

/** The files of the chosen schemas' folders: the pending ones, or all when asked (or with no database). */
async function folderFiles(env: CliEnv, targets: readonly SchemaTarget[], session: Session | null, all: boolean): Promise<LintFile[]> {
  const files: LintFile[] = [];
  for (const target of targets) {
    let entries = await listMigrationFiles(target.source.migrationsDir);
    if (!all && session !== null) {
      const { status } = await import('../../runner/index.js');
      const pending = new Set((await status(session, target)).pending);
      entries = entries.filter((entry) => pending.has(entry.name));
    }
    for (const entry of entries) files.push({ schema: target.schema, path: entry.path, shown: displayPath(entry.path, env.cwd), text: entry.text });
  }
  return files;
}

function print(env: CliEnv, flags: LintFlags, run: LintRun, offlineReason: string | null, pendingOnly: boolean): void {
  const format = flags.json === true ? 'json' : (flags.format ?? 'text');
  const { output } = env;
  if (format === 'json') {
    output.json({ offline: offlineReason !== null, files: run.linted, skipped: run.skipped, errors: run.errors, warnings: run.warnings, findings: run.findings });
    return;
  }
  if (offlineReason !== null) {
    const which = pendingOnly ? ' every file (without a database, which ones are pending is not known),' : '';
    output.err(output.errColor.yellow(`${offlineReason}: linting${which} from the SQL alone; table sizes are not known`));
  }
  for (const skipped of run.skipped) output.err(output.errColor.dim(`${skipped}: code migration, not linted`));
  for (const finding of run.findings) output.out(format === 'github' ? githubAnnotation(finding) : formatFinding(finding, output.color));
  const text = summary(run.errors, run.warnings, run.linted.length);
  output.err(run.errors > 0 ? output.errColor.red(text) : run.warnings > 0 ? output.errColor.yellow(text) : output.errColor.green(text));
}
