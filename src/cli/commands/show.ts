import { Command } from 'commander';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import { selectSchemaTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, runOptionsFrom } from './options.js';

/** `worlddb show NAME`: prints one migration's up and down as they would run (no database opened). */
export function makeShowCommand(env: CliEnv): Command {
  const command = new Command('show')
    .description("print one migration's up and down SQL as they would run (code migrations: the file)")
    .argument('<name>', 'a migration name, file name or unique prefix');
  addSchemaOptions(command);
  return command.action(async (name: string, flags: SchemaSelection, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const targets = selectSchemaTargets(config, flags, true, 'show');
    const { findMigration, showMigration } = await import('../../runner/index.js');
    const found = await findMigration(targets, name);
    env.output.out((await showMigration(found, runOptionsFrom({}, config))).trimEnd());
  });
}
