import { Command } from 'commander';
import type { RedoResult } from '../../runner/index.js';
import { confirmDowngrade } from '../confirm-downgrade.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, jsonOption, runOptionsFrom, type TimeoutFlags } from './options.js';

interface RedoFlags extends TargetFlags, TimeoutFlags {
  readonly acceptChecksum?: boolean | string[];
  readonly yes?: boolean;
}

/** `worlddb redo`: reverts the last applied migration of each chosen schema and applies it again. */
export function makeRedoCommand(env: CliEnv): Command {
  const command = new Command('redo')
    .description('revert the last applied migration and apply it again (refused if it has no down part)')
    .option('--accept-checksum [names...]', 'accept applied migrations whose file changed (all, or the ones named)')
    .option('-y, --yes', 'destroy the data the down part drops without asking (needed when not on a terminal)')
    .addOption(jsonOption());
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (flags: RedoFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const options = {
      ...runOptionsFrom(flags, config),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
    };
    const { redo, checkRedo, downgradeImpact } = await import('../../runner/index.js');
    const { color } = env.output;
    await runOnTargets<RedoResult>({
      env,
      config,
      flags,
      command: 'redo',
      defaultToAll: false,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      announce: true,
      view: {
        detail: (r) => [r.name === null ? `${r.schema}: nothing to redo` : color.bold(`${r.schema}: redid ${r.name}`)],
        brief: (r) => (r.name === null ? null : `${r.schema}: redid ${r.name}`),
      },
      // With several configured schemas, refuse before changing any of them.
      // Refuse before changing any schema; then say what the down parts destroy (and ask), as downgrade does.
      preflight: async (session, targets) => {
        const impacts = [];
        for (const target of targets) {
          if ((await checkRedo(session, target, options)) !== null) impacts.push(await downgradeImpact(session, target, { ...options, steps: 1 }));
        }
        await confirmDowngrade(env.output, impacts, flags.yes === true);
      },
      job: (target, session, onEvent) => redo(session, target, { ...options, onEvent }),
    });
  });
}
