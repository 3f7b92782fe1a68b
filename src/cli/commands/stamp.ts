import { Command } from 'commander';
import type { StampResult } from '../../runner/types.js';
import { UsageError } from '../../errors.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, jsonOption, runOptionsFrom, type TimeoutFlags } from './options.js';

type StampFlags = TargetFlags & TimeoutFlags & { readonly to?: string };

function stampLines(result: StampResult): string[] {
  return [
    ...result.added.map((name) => `${result.schema}: stamped ${name} as applied`),
    ...result.removed.map((name) => `${result.schema}: removed ${name} from the version table`),
  ];
}

/** `worlddb stamp <head|base|name>`: records the version without running migrations. */
export function makeStampCommand(env: CliEnv): Command {
  const command = new Command('stamp')
    .description('record migrations as applied (or not) without running them: head, base, a migration name, +N or -N')
    .addArgument(targetArgument('head (every file), base (none), a migration name or unique prefix (it and those before it), +N or -N'))
    .option('--to <target>', 'the same as the target argument')
    .addOption(jsonOption());
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: StampFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'stamp', cmd.name());
    if (to === undefined) {
      throw new UsageError('stamp needs a target', { hint: 'e.g. worlddb stamp head --schema asia (or base, a migration name, +N, -N)' });
    }
    const config = await loadProjectConfig(env, cmd);
    const { stamp, MigrationSources } = await import('../../runner/index.js');
    const options = { ...runOptionsFrom(flags, config), sources: new MigrationSources() };
    await runOnTargets<StampResult>({
      env,
      config,
      flags,
      command: 'stamp',
      defaultToAll: false,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      announce: true,
      view: {
        detail: (r) => {
          const lines = stampLines(r);
          return lines.length === 0 ? [`${r.schema}: already at ${to}`] : lines;
        },
        brief: (r) => {
          const changes = r.added.length + r.removed.length;
          return changes === 0 ? null : `${r.schema}: ${r.added.length} stamped, ${r.removed.length} removed`;
        },
      },
      job: (target, session, onEvent) => stamp(session, target, to, { ...options, ...(target.group === undefined ? {} : { createSchema: false }), onEvent }),
    });
  });
}
