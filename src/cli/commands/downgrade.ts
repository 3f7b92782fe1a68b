import { Command, InvalidArgumentError } from 'commander';
import type { DowngradeOptions, DowngradeResult } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import { UsageError } from '../../errors.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { confirmDowngrade } from '../confirm-downgrade.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, jsonOption, runOptionsFrom, type TimeoutFlags } from './options.js';

interface DowngradeFlags extends TargetFlags, TimeoutFlags {
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
    .option('-y, --yes', 'destroy the data the down parts drop without asking (needed when not on a terminal)')
    .addOption(jsonOption());
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: DowngradeFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'downgrade', cmd.name());
    if (flags.steps !== undefined && to !== undefined) {
      throw new UsageError('--steps and a target cannot be used together', { hint: `pass one of them, e.g. worlddb downgrade -${flags.steps}` });
    }
    const config = await loadProjectConfig(env, cmd);
    const { downgrade, downgradeImpact, downgradeSql, MigrationSources } = await import('../../runner/index.js');
    const options: DowngradeOptions = {
      ...runOptionsFrom(flags, config),
      ...(flags.steps === undefined ? {} : { steps: flags.steps }),
      ...(to === undefined ? {} : { to }),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
      allowMissing: flags.allowMissing === true,
      sources: new MigrationSources(),
    };
    const { color } = env.output;
    await runOnTargets<DowngradeResult | string>({
      env,
      config,
      flags,
      command: 'downgrade',
      defaultToAll: false,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      announce: flags.sql !== true,
      serial: flags.sql === true,
      view: {
        detail: (r) => [typeof r === 'string' ? r : reverted(r) ?? `${r.schema}: nothing to revert`],
        brief: (r) => (typeof r === 'string' ? r : reverted(r)),
      },
      // With several configured schemas, refuse before changing any of them (missing down parts,
      // changed or missing files, --to names unknown to a schema): the preview applies the same checks.
      preflight: async (session, targets) => {
        if (flags.sql === true) return;
        const schemas = targets.filter((t) => t.group === undefined);
        if (schemas.length > 1) for (const target of schemas) await downgradeSql(session, target, options);
        // Say what the down parts destroy (and ask) before any of them runs.
        const impacts = [];
        for (const target of targets) impacts.push(await downgradeImpact(session, target, options));
        await confirmDowngrade(env.output, impacts, flags.yes === true);
      },
      job: (target, session, onEvent) => (flags.sql === true ? downgradeSql(session, target, options) : downgrade(session, target, { ...options, onEvent })),
    });
    function reverted(r: DowngradeResult): string | null {
      return r.reverted.length === 0 ? null : color.bold(`${r.schema}: ${r.reverted.length} migration${r.reverted.length === 1 ? '' : 's'} reverted`);
    }
  });
}
