/**
 * The one loader of user modules: models, configs and code migrations.
 *
 * `.js`, `.mjs` and `.cjs` files are imported by Node as they are (so a CommonJS project's
 * `require('worlddb/model')` works). TypeScript files (`.ts`, `.mts`, `.cts`) are compiled with
 * esbuild, together with the local files they import, into one ES module kept in the project's
 * `.worlddb/cache/`, keyed by the content hash of every file that went into it and the loader's
 * version: an unchanged model is imported straight from the cache, with no compiler loaded.
 */
import { access } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedOutput, storeOutput } from './compile-cache.js';
import { compileTypescript, locateSyntaxError } from './compile-typescript.js';

/** Extensions of the modules worlddb can load. */
export const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

/** A module file that does not exist. */
export class ModuleNotFoundError extends Error {
  readonly file: string;

  constructor(file: string) {
    super(`${file} does not exist`);
    this.name = 'ModuleNotFoundError';
    this.file = file;
  }
}

/**
 * Imports a user module and returns its namespace (`default` holds a CommonJS module's
 * `module.exports`).
 *
 * @throws ModuleNotFoundError when the file does not exist; ModuleSyntaxError (file, line, column,
 *   line text) when it does not parse; whatever the module throws while it runs.
 * @example
 * const { default: model } = await loadModule('/project/src/db/asia.ts');
 */
export async function loadModule(file: string): Promise<Record<string, unknown>> {
  if (!(await access(file).then(() => true, () => false))) throw new ModuleNotFoundError(file);
  if (TYPESCRIPT.has(extname(file))) return (await import(pathToFileURL(await compiled(file)).href)) as Record<string, unknown>;
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw (error instanceof SyntaxError ? await locateSyntaxError(file) : null) ?? error;
  }
}

/** The path of the compiled module of a TypeScript file, compiling it only when the cache has no current copy. */
async function compiled(file: string): Promise<string> {
  const cacheDir = join(await projectDir(file), '.worlddb', 'cache');
  const cached = await cachedOutput(cacheDir, file);
  if (cached !== null) return cached;
  return storeOutput(cacheDir, file, await compileTypescript(file));
}

/**
 * The folder of the nearest `package.json` above the file (else the file's folder): the compiled
 * module lives below it, so Node resolves its package imports as it would from the file itself.
 */
async function projectDir(file: string): Promise<string> {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (await access(join(dir, 'package.json')).then(() => true, () => false)) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}
