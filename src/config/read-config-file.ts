import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, describeCause } from '../errors.js';

/**
 * Reads the raw (unvalidated) config object from a `.json` file, or from the default export of a
 * `.ts`/`.js`/`.mjs` module (TypeScript is loaded through tsx, no build step).
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
      throw new ConfigError(`config ${shown} is not valid JSON: ${describeCause(cause)}`, {
        hint: 'fix the JSON syntax (no comments or trailing commas)',
        cause,
      });
    }
  }
  if (/\.(ts|mts|js|mjs)$/.test(path)) {
    try {
      const module = (await importModule(path)) as { default?: unknown };
      // A .ts file outside an ESM package is compiled as CommonJS: its default export arrives wrapped once more.
      const config = unwrapDefault(module.default);
      if (config === undefined) {
        throw new ConfigError(`config ${shown} has no default export`, {
          hint: 'write `export default defineConfig({ ... })`',
        });
      }
      return config;
    } catch (cause) {
      if (cause instanceof ConfigError) throw cause;
      throw new ConfigError(`cannot load config ${shown}: ${describeCause(cause)}`, {
        hint: 'fix the error in the config module (run with --verbose for the stack)',
        cause,
      });
    }
  }
  throw new ConfigError(`config ${shown} has an unknown extension`, { hint: 'use .json or .ts' });
}

/** Imports a module; TypeScript files go through tsx, loaded only when needed (it costs ~0.1 s). */
export async function importModule(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  if (/\.(ts|mts|cts|tsx)$/.test(path)) {
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, import.meta.url);
  }
  return import(url);
}

function unwrapDefault(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'default' in value && !('schemas' in value)) {
    return (value as { default: unknown }).default;
  }
  return value;
}
