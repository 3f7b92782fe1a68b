import { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RefusedError, UsageError } from '../../errors.js';
import { MODEL_STUB_MARKER } from '../../init/init-files.js';
import { displayPath } from '../../revision/display-path.js';
import { type CliEnv, loadProjectConfig, withSession } from '../cli-env.js';
import { selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, folderLockTimeout, type TimeoutFlags } from './options.js';

type PullFlags = SchemaSelection & TimeoutFlags & { readonly force?: boolean; readonly stdout?: boolean };

/** `worlddb pull --schema asia`: writes the model of a live schema to the schema's model file. */
export function makePullCommand(env: CliEnv): Command {
  const command = new Command('pull')
    .description("write the model of each chosen schema from the database (to the config's model file); what the model cannot declare yet is written as a commented TODO and listed")
    .option('--force', 'replace a model file that exists (one written by init is replaced without it)')
    .option('--stdout', 'print the model instead of writing it')
    .option('--lock-timeout <duration>', 'wait at most this long for the embedded database (default 60s)')
    .addHelpText('after', '\nExamples:\n  npx worlddb pull --schema asia\n  npx worlddb pull --schema asia --schema europe   # shared tables written once, in a base file');
  addSchemaOptions(command);
  return command.action(async (flags: PullFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const targets = selectTargets(config, flags, false);
    for (const target of targets) {
      if (target.source.model === null && flags.stdout !== true) {
        throw new UsageError(`schema "${target.schema}" has no model file in the config`, {
          hint: `set "model" in config key "schemas.${target.schema}" (e.g. src/db/${target.schema}.ts), or pass --stdout`,
        });
      }
    }
    const { pullSchemas } = await import('../../pull/pull-schemas.js');
    const { introspectSchema } = await import('../../introspect/introspect-schema.js');
    const states = await withSession(env, config, folderLockTimeout(flags, config), (session) =>
      Promise.all(targets.map((target) => introspectSchema(session, target.schema, { exclude: [target.versionTable] }))),
    );
    const pulled = pullSchemas(states.map((state, i) => ({ state, file: targets[i]?.source.model ?? `${state.name}.ts` })));
    if (flags.stdout === true) {
      for (const file of pulled.files) env.output.out(`// ${displayPath(file.path, env.cwd)}\n${file.text}`);
    } else {
      for (const file of pulled.files) {
        const existing = await readFile(file.path, 'utf8').catch(() => null);
        if (existing !== null && existing !== file.text && flags.force !== true && !existing.startsWith(MODEL_STUB_MARKER)) {
          throw new RefusedError(`${displayPath(file.path, env.cwd)} exists and was not written by init`, {
            hint: 'pass --force to replace it (or --stdout to print the model), or move it away first',
          });
        }
      }
      for (const file of pulled.files) {
        await mkdir(dirname(file.path), { recursive: true });
        await writeFile(file.path, file.text);
        env.output.out(`wrote ${displayPath(file.path, env.cwd)} (${file.summary})`);
      }
    }
    for (const todo of pulled.todos) env.output.err(env.output.errColor.yellow(`TODO ${todo.object}: ${todo.reason} (its SQL is in the model file as a comment)`));
  });
}
