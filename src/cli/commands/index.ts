import type { Command } from 'commander';
import type { CliEnv } from '../cli-env.js';
import { makeCheckCommand } from './check.js';
import { makeDowngradeCommand } from './downgrade.js';
import { makeLintCommand } from './lint.js';
import { makeCurrentCommand, makeHistoryCommand, makeStatusCommand } from './inspect-commands.js';
import { makeInitCommand } from './init.js';
import { makeMigrateCommand } from './migrate.js';
import { makePullCommand } from './pull.js';
import { makeRevisionCommand } from './revision.js';
import { makeRedoCommand } from './redo.js';
import { makeShowCommand } from './show.js';
import { makeStampCommand } from './stamp.js';

/**
 * Attaches every command to the program. `setExitCode` lets a command end with a code other than
 * 0 without throwing (e.g. `check` finding drift).
 */
export function registerCommands(program: Command, env: CliEnv, setExitCode: (code: number) => void): void {
  for (const command of [
    makeInitCommand(env),
    makePullCommand(env),
    makeMigrateCommand(env),
    makeDowngradeCommand(env),
    makeRevisionCommand(env),
    makeStatusCommand(env, setExitCode),
    makeHistoryCommand(env),
    makeCurrentCommand(env),
    makeStampCommand(env),
    makeRedoCommand(env),
    makeShowCommand(env),
    makeCheckCommand(env, setExitCode),
    makeLintCommand(env, setExitCode),
  ]) {
    program.addCommand(command.configureOutput(program.configureOutput()).exitOverride());
  }
}
