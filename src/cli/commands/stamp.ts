import { Command } from 'commander';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { UsageError } from '../../errors.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

type StampFlags = SchemaSelection & TimeoutFlags & { readonly to?: string };

/** `worlddb stamp <head|base|name>`: records the version without running migrations. */
export function makeStampCommand(env: CliEnv): Command {
  const command = new Command('stamp')
    .description('record migrations as applied (or not) without running them: head, base, a migration name, +N or -N')
    .addArgument(targetArgument('head (every file), base (none), a migration name or unique prefix (it and those before it), +N or -N'))
    .option('--to <target>', 'the same as the target argument');
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: StampFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'stamp', cmd.name());
    if (to === undefined) {
      throw new UsageError('stamp needs a target', { hint: 'e.g. worlddb stamp head --schema asia (or base, a migration name, +N, -N)' });
    }
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, false);
    const { stamp } = await import('../../runner/index.js');
    await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
      for (const target of targets) {
        const result = await stamp(session, target, to, runOptionsFrom(flags, config));
        for (const name of result.added) env.output.out(`${target.schema}: stamped ${name} as applied`);
        for (const name of result.removed) env.output.out(`${target.schema}: removed ${name} from the version table`);
        if (result.added.length === 0 && result.removed.length === 0) env.output.out(`${target.schema}: already at ${to}`);
      }
    }, { announce: true });
  });
}
