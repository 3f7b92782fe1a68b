import { Command } from 'commander';
import { confirmDowngrade } from '../confirm-downgrade.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { progressPrinter } from './migrate.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, runOptionsFrom, type TimeoutFlags } from './options.js';

interface RedoFlags extends SchemaSelection, TimeoutFlags {
  readonly acceptChecksum?: boolean | string[];
  readonly yes?: boolean;
}

/** `worlddb redo`: reverts the last applied migration of each chosen schema and applies it again. */
export function makeRedoCommand(env: CliEnv): Command {
  const command = new Command('redo')
    .description('revert the last applied migration and apply it again (refused if it has no down part)')
    .option('--accept-checksum [names...]', 'accept applied migrations whose file changed (all, or the ones named)')
    .option('-y, --yes', 'destroy the data the down part drops without asking (needed when not on a terminal)');
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (flags: RedoFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, false);
    const options = {
      ...runOptionsFrom(flags, config),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
      onEvent: progressPrinter(env.output),
    };
    const { redo, checkRedo, downgradeImpact } = await import('../../runner/index.js');
    await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
      // Refuse before changing any schema; then say what the down parts destroy (and ask), as downgrade does.
      const impacts = [];
      for (const target of targets) {
        if ((await checkRedo(session, target, options)) !== null) impacts.push(await downgradeImpact(session, target, { ...options, steps: 1 }));
      }
      await confirmDowngrade(env.output, impacts, flags.yes === true);
      for (const target of targets) {
        const result = await redo(session, target, options);
        env.output.out(result.name === null ? `${target.schema}: nothing to redo` : env.output.color.bold(`${target.schema}: redid ${result.name}`));
      }
    }, { announce: true });
  });
}
