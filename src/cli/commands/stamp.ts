import { Command } from 'commander';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

type StampFlags = SchemaSelection & TimeoutFlags;

/** `worlddb stamp <head|base|name>`: records the version without running migrations. */
export function makeStampCommand(env: CliEnv): Command {
  const command = new Command('stamp')
    .description('record migrations as applied (or not) without running them: head, base, or a migration name')
    .argument('<target>', '"head" (every file), "base" (none), or a migration name');
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (to: string, flags: StampFlags, cmd: Command) => {
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
    });
  });
}
