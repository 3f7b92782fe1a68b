import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** Extensions of a config file, in the order they are looked for (JSON loads fastest). */
const CONFIG_EXTENSIONS = ['json', 'ts', 'mts', 'cts', 'js', 'mjs', 'cjs'] as const;

/** File names looked for, in this order, in each folder from the working folder up to the root. */
export const CONFIG_CANDIDATES: readonly string[] = ['config/', ''].flatMap((folder) =>
  CONFIG_EXTENSIONS.map((extension) => `${folder}worlddb.config.${extension}`),
);

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/**
 * Finds the config file: `explicit` (from `--config`) when given, else the first of
 * {@link CONFIG_CANDIDATES} in `cwd` or the nearest folder above it.
 */
export async function findConfig(cwd: string, explicit?: string): Promise<string> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!(await exists(path))) {
      throw new ConfigError(`config file ${explicit} does not exist`, { hint: 'check the path given to --config' });
    }
    return path;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const candidate of CONFIG_CANDIDATES) {
      const path = join(dir, candidate);
      if (await exists(path)) return path;
    }
    if (dirname(dir) === dir) break;
  }
  throw new ConfigError(`no worlddb config found in ${cwd} or any folder above it`, {
    hint: 'create config/worlddb.config.json (see the README) or pass --config PATH',
  });
}
