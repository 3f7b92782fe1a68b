import { Command, InvalidArgumentError } from 'commander';
import type { DowngradeOptions } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { UsageError } from '../../errors.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { confirmDowngrade } from '../confirm-downgrade.js';
import { progressPrinter } from './migrate.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

interface DowngradeFlags extends SchemaSelection, TimeoutFlags {
  readonly steps?: number;
  readonly to?: string;
  readonly sql?: boolean;
  readonly acceptChecksum?: boolean | string[];
  readonly allowMissing?: boolean;
  readonly yes?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** `worlddb downgrade`: reverts applied migrations, newest first (one step by default). */
export function makeDowngradeCommand(env: CliEnv): Command {
  const command = new Command('downgrade')
    .description('revert applied migrations, newest first (default: the last one)')
    .addArgument(targetArgument('-N (the last N, default -1), base (all), or a migration name or unique prefix (revert those after it)'))
    .option('--to <target>', 'the same as the target argument')
    .option('--steps <n>', 'how many migrations to revert (the same as -N)', positiveInteger)
    .option('--sql', 'print the SQL it would run, without running it')
    .option('--accept-checksum [names...]', 'accept applied migrations whose file changed (all, or the ones named)')
    .option('--allow-missing', 'go on although applied migrations have no file any more')
    .option('-y, --yes', 'destroy the data the down parts drop without asking (needed when not on a terminal)');
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: DowngradeFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'downgrade', cmd.name());
    if (flags.steps !== undefined && to !== undefined) {
      throw new UsageError('--steps and a target cannot be used together', { hint: `pass one of them, e.g. worlddb downgrade -${flags.steps}` });
    }
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, false);
    const options: DowngradeOptions = {
      ...runOptionsFrom(flags, config),
      ...(flags.steps === undefined ? {} : { steps: flags.steps }),
      ...(to === undefined ? {} : { to }),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
      allowMissing: flags.allowMissing === true,
      onEvent: progressPrinter(env.output),
    };
    const { downgrade, downgradeImpact, downgradeSql } = await import('../../runner/index.js');
    await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
      if (flags.sql === true) {
        for (const target of targets) env.output.out(await downgradeSql(session, target, options));
        return;
      }
      // With several schemas, refuse before changing any of them (missing down parts, changed or
      // missing files, --to names unknown to a schema): the preview applies the same checks.
      if (targets.length > 1) for (const target of targets) await downgradeSql(session, target, options);
      // Say what the down parts destroy (and ask) before any of them runs.
      const impacts = [];
      for (const target of targets) impacts.push(await downgradeImpact(session, target, options));
      await confirmDowngrade(env.output, impacts, flags.yes === true);
      for (const target of targets) {
        const result = await downgrade(session, target, options);
        env.output.out(
          result.reverted.length === 0
            ? `${target.schema}: nothing to revert`
            : env.output.color.bold(`${target.schema}: ${result.reverted.length} migration${result.reverted.length === 1 ? '' : 's'} reverted`),
        );
      }
    }, { announce: flags.sql !== true });
  });
}
