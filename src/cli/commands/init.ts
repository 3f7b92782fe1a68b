import { Command } from 'commander';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_CANDIDATES } from '../../config/find-config.js';
import { UsageError } from '../../errors.js';
import { INIT_CONFIG_PATH, initFiles } from '../../init/init-files.js';
import { identifierProblem } from '../../sql/quote.js';
import { type CliEnv, collect } from '../cli-env.js';

interface InitFlags {
  readonly schema?: string[];
  readonly group?: string[];
  readonly like?: string[];
}

const exists = (path: string): Promise<boolean> => readFile(path).then(() => true, () => false);

/** `worlddb init --schema asia --schema europe` (or `--group tenants --like 'tenant_%'`): a new worlddb project. */
export function makeInitCommand(env: CliEnv): Command {
  return new Command('init')
    .description('set up worlddb in this folder: a commented worlddb.config.ts, a model stub and a migration folder per schema or group, .worlddb/ in .gitignore; never overwrites a file')
    .option('-s, --schema <name>', 'a schema to manage (repeat for several)', collect)
    .option('-g, --group <name>', 'a group of schemas sharing one model and one migration folder (with --like)', collect)
    .option('--like <pattern>', "the group's members: schemas whose name matches this LIKE pattern (one per --group)", collect)
    .addHelpText('after', "\nExamples:\n  npx worlddb init --schema asia --schema europe\n  npx worlddb init --group tenants --like 'tenant_%'")
    .action(async (flags: InitFlags) => {
      const schemas = flags.schema ?? [];
      const groupNames = flags.group ?? [];
      const likes = flags.like ?? [];
      if (schemas.length === 0 && groupNames.length === 0) {
        throw new UsageError('init needs at least one --schema or --group', { hint: "e.g. npx worlddb init --schema asia, or npx worlddb init --group tenants --like 'tenant_%'" });
      }
      if (likes.length !== groupNames.length) {
        throw new UsageError(`init got ${groupNames.length} --group and ${likes.length} --like`, { hint: "give each --group its --like pattern, e.g. --group tenants --like 'tenant_%'" });
      }
      for (const name of [...schemas, ...groupNames]) {
        const problem = identifierProblem(name);
        if (problem !== null) throw new UsageError(`"${name}": the name ${problem}`, { hint: 'Postgres names are 1 to 63 bytes' });
      }
      const files = initFiles({ schemas, groups: groupNames.map((name, i) => ({ name, like: likes[i] ?? '' })) });
      const existingConfig = await firstExisting(env.cwd, CONFIG_CANDIDATES);
      for (const file of files) {
        const path = join(env.cwd, file.path);
        if (file.path === INIT_CONFIG_PATH && existingConfig !== null) {
          env.output.out(`left alone ${existingConfig} (a config exists; add the schemas to it by hand)`);
          continue;
        }
        if (await exists(path)) {
          if (!file.path.endsWith('.gitkeep')) env.output.out(`left alone ${file.path} (it exists)`);
          continue;
        }
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.text, { flag: 'wx' });
        env.output.out(file.path.endsWith('.gitkeep') ? `created ${dirname(file.path)}/` : `created ${file.path}`);
      }
      await ignoreCacheFolder(env);
    });
}

async function firstExisting(cwd: string, candidates: readonly string[]): Promise<string | null> {
  for (const candidate of candidates) if (await exists(join(cwd, candidate))) return candidate;
  return null;
}

/** Adds `.worlddb/` (the embedded database and the compile cache) to `.gitignore`, unless it is there. */
async function ignoreCacheFolder(env: CliEnv): Promise<void> {
  const path = join(env.cwd, '.gitignore');
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text !== null && text.split(/\r?\n/).some((line) => /^\/?\.worlddb\/?$/.test(line.trim()))) return;
  await appendFile(path, `${text === null || text === '' || text.endsWith('\n') ? '' : '\n'}.worlddb/\n`);
  env.output.out(text === null ? 'created .gitignore (.worlddb/)' : 'added .worlddb/ to .gitignore');
}
