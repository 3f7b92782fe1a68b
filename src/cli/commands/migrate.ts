import { Command } from 'commander';
import type { ResolvedConfig } from '../../config/types.js';
import { RefusedError } from '../../errors.js';
import { displayPath } from '../../revision/display-path.js';
import type { MigrateOptions, RunnerEvent } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import type { Output } from '../output.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

interface MigrateFlags extends SchemaSelection, TimeoutFlags {
  readonly to?: string;
  readonly sql?: boolean;
  readonly acceptChecksum?: boolean | string[];
  readonly allowOutOfOrder?: boolean;
  readonly allowMissing?: boolean;
  readonly retryInterrupted?: boolean;
  readonly allowUnsafe?: boolean;
}

/** Prints runner progress: one line per migration. */
export function progressPrinter(output: Output): (event: RunnerEvent) => void {
  const { color } = output;
  return (event) => {
    switch (event.kind) {
      case 'lock-wait':
        output.err(output.errColor.yellow(`${event.schema}: another process is migrating this schema; waiting for its lock`));
        break;
      case 'version-table-created':
        // Reported in the schema's summary line (the table is created in the first migration's transaction).
        break;
      case 'checksum-accepted':
        output.out(color.yellow(`${event.schema}: accepted the changed file of ${event.name}: stored its new checksum; its new statements were NOT run (put changes to apply in a new migration)`));
        break;
      case 'migration-done':
        output.out(
          `${event.schema}: ${event.direction === 'up' ? color.green('applied ') : color.yellow('reverted')} ${event.name} ${color.dim(`(${Math.round(event.durationMs)} ms)`)}`,
        );
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
      case 'migration-start':
        break;
    }
  };
}

/**
 * Lints the migrations about to run (libpg-query is loaded only then) and refuses when lint finds
 * errors, printing them; warnings do not stop `migrate` and are not printed (`worlddb lint` shows them).
 */
function lintGate(env: CliEnv, config: ResolvedConfig): NonNullable<MigrateOptions['beforeRun']> {
  return async (entries, session, target) => {
    const { schema } = target;
    const { lintRun } = await import('../lint-run.js');
    const { formatFinding } = await import('../../lint/format-findings.js');
    const files = entries.map((entry) => ({ schema, path: entry.path, shown: displayPath(entry.path, env.cwd), text: entry.text }));
    const run = await lintRun(config, session, [schema], files);
    if (run.errors === 0) return;
    for (const finding of run.findings) if (finding.severity === 'error') env.output.err(formatFinding(finding, env.output.errColor));
    throw new RefusedError(`${schema}: lint found ${run.errors} error${run.errors === 1 ? '' : 's'} in the pending migrations; nothing was applied to this schema`, {
      hint: 'write the safe form each finding shows, mark a reviewed statement with "-- worlddb:lint-ignore RULE reason", or pass --allow-unsafe',
    });
  };
}

/** `worlddb migrate` (alias `upgrade`): applies pending migrations. */
export function makeMigrateCommand(env: CliEnv): Command {
  const command = new Command('migrate')
    .alias('upgrade')
    .description('apply pending migrations (to head, or to the target given)')
    .addArgument(targetArgument('head (default), a migration name or unique prefix (stop after it), or +N (the next N)'))
    .option('--to <target>', 'the same as the target argument')
    .option('--sql', 'print the SQL it would run, without running it')
    .option('--accept-checksum [names...]', 'accept applied migrations whose file changed (all, or the ones named)')
    .option('--allow-out-of-order', 'apply pending migrations that sort before the last applied one')
    .option('--allow-missing', 'go on although applied migrations have no file any more')
    .option('--retry-interrupted', 'run an interrupted no-transaction migration again (drop what it left first: see status)')
    .option('--allow-unsafe', 'apply migrations although lint finds errors in them');
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: MigrateFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'upgrade', cmd.name());
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, false);
    const options: MigrateOptions = {
      ...runOptionsFrom(flags, config),
      ...(to === undefined ? {} : { to }),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
      allowOutOfOrder: flags.allowOutOfOrder === true,
      allowMissing: flags.allowMissing === true,
      retryInterrupted: flags.retryInterrupted === true,
      onEvent: progressPrinter(env.output),
      ...(config.lint.migrate && flags.allowUnsafe !== true && flags.sql !== true ? { beforeRun: lintGate(env, config) } : {}),
    };
    const { migrate, migrateSql } = await import('../../runner/index.js');
    await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
      if (flags.sql === true) {
        for (const target of targets) env.output.out(await migrateSql(session, target, options));
        return;
      }
      // With several schemas, refuse before changing any of them: the preview reads each version
      // table and folder and applies the same checks (changed or missing files, order, broken files).
      if (targets.length > 1) for (const target of targets) await migrateSql(session, target, options);
      for (const target of targets) {
        const result = await migrate(session, target, options);
        if (result.applied.length === 0) {
          env.output.out(`${target.schema}: nothing to apply ${env.output.color.dim(`(${displayPath(target.source.migrationsDir, env.cwd)})`)}`);
        } else {
          const created = result.createdVersionTable
            ? env.output.color.dim(` (created version table ${result.versionTable.schema}.${result.versionTable.table})`)
            : '';
          env.output.out(`${env.output.color.bold(`${target.schema}: ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'} applied`)}${created}`);
        }
      }
    }, { announce: flags.sql !== true });
  });
}
