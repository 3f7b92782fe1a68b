import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ConfigError, describeCause } from '../errors.js';
import { describeJsonError } from './json-error.js';
import { loadModule, MODULE_EXTENSIONS } from '../module-loader/load-module.js';
import { describeModuleFailure, isSyntaxFailure } from '../module-loader/module-load-failure.js';

/**
 * Reads the raw (unvalidated) config object from a `.json` file, or from the default export of a
 * `.ts`/`.mts`/`.cts`/`.js`/`.mjs`/`.cjs` module (through the one module loader: TypeScript with no build
 * step, compiled once and cached).
 */
export async function readConfigFile(path: string, cwd: string): Promise<unknown> {
  const shown = relative(cwd, path) || path;
  if (path.endsWith('.json')) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw new ConfigError(`cannot read config ${shown}: ${describeCause(cause)}`, { cause });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ConfigError(`invalid JSON in config ${shown}${describeJsonError(text, cause)}`, {
        hint: 'fix the JSON syntax (no comments or trailing commas)',
        cause,
      });
    }
  }
  if (MODULE_EXTENSIONS.some((extension) => path.endsWith(extension))) {
    let module: Record<string, unknown>;
    try {
      module = await loadModule(path);
    } catch (cause) {
      throw new ConfigError(describeModuleFailure('config', path, cause, cwd), {
        hint: isSyntaxFailure(cause) ? 'fix the syntax error at that line and column' : 'fix the error in the config module (run with --verbose for the stack)',
        cause,
      });
    }
    // A CommonJS config (`module.exports = ...`, or `export =` in a .cts file) arrives as `default`, sometimes wrapped once more.
    const config = unwrapDefault(module['default']);
    if (config === undefined) {
      throw new ConfigError(`config ${shown} has no default export`, {
        hint: 'write `export default defineConfig({ ... })` (or `module.exports = { ... }` in CommonJS)',
      });
    }
    return config;
  }
  throw new ConfigError(`config ${shown} has an unknown extension`, { hint: `use .json, or one of ${MODULE_EXTENSIONS.join(', ')}` });
}

function unwrapDefault(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'default' in value && !('schemas' in value)) {
    return (value as { default: unknown }).default;
  }
  return value;
}
