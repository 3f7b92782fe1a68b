/**
 * Loads `.ts`/`.js` migration modules.
 *
 * A code migration exports `up(context)`, optionally `down(context)`, and optionally
 * `export const transaction = false` to run outside a transaction. The context
 * ({@link MigrationContext}) carries `query`, `exec` and the schema name:
 *
 * ```ts
 * import type { MigrationContext } from 'worlddb';
 *
 * export async function up({ query }: MigrationContext): Promise<void> {
 *   await query('UPDATE countries SET population = population * 1000');
 * }
 *
 * export async function down({ query }: MigrationContext): Promise<void> {
 *   await query('UPDATE countries SET population = population / 1000');
 * }
 * ```
 *
 * `.ts` files are loaded through tsx, so no build step is needed; tsx is imported only when a
 * `.ts` migration actually has to run. One tsx namespace serves the whole process (a new one per
 * file costs several times more), and each file is imported under its checksum (`?v=...`), so a
 * file changed since it was last imported is read afresh.
 */
import { pathToFileURL } from 'node:url';
import { MigrationFileError } from '../errors.js';
import { displayPath } from './display-path.js';
import type { MigrationContext, MigrationStep } from './types.js';

/** What a code migration module provides, checked. */
export interface LoadedCodeMigration {
  readonly transactional: boolean;
  readonly up: Extract<MigrationStep, { kind: 'code' }>;
  readonly down: Extract<MigrationStep, { kind: 'code' }> | null;
}

type MigrationFunction = (context: MigrationContext) => unknown;

/**
 * Imports a `.ts` or `.js` migration module and checks its exports. `version` (e.g. the file's
 * checksum) tells apart successive contents of the same file.
 *
 * @throws MigrationFileError naming the file when the module cannot be loaded (syntax error, error
 *   at import time) or does not export an `up` function.
 */
export async function loadCodeMigration(file: string, version = ''): Promise<LoadedCodeMigration> {
  const shown = displayPath(file);
  let loaded: unknown;
  try {
    loaded = await importModule(file, version);
  } catch (error) {
    const text = loadErrorText(error, file, shown);
    const message = text.startsWith(`${shown}:`) ? `cannot load migration ${text}` : `cannot load migration ${shown}: ${text}`;
    throw new MigrationFileError(file, message, {
      hint: 'fix the module so that it can be imported, then run the command again',
      cause: error,
    });
  }
  const exports = moduleExports(loaded);
  const up = exports['up'];
  const down = exports['down'];
  const transaction = exports['transaction'];
  const shapeHint =
    'a code migration exports "async function up(context)", optionally "async function down(context)" ' +
    'and optionally "export const transaction = false"';
  if (typeof up !== 'function') {
    throw new MigrationFileError(file, `migration ${shown} does not export an "up" function`, { hint: shapeHint });
  }
  if (down !== undefined && typeof down !== 'function') {
    throw new MigrationFileError(file, `migration ${shown} exports "down", but it is not a function`, { hint: shapeHint });
  }
  if (transaction !== undefined && typeof transaction !== 'boolean') {
    throw new MigrationFileError(file, `migration ${shown} exports "transaction", but it is not true or false`, {
      hint: shapeHint,
    });
  }
  return {
    transactional: transaction !== false,
    up: step(up as MigrationFunction),
    down: typeof down === 'function' ? step(down as MigrationFunction) : null,
  };
}

function step(fn: MigrationFunction): Extract<MigrationStep, { kind: 'code' }> {
  return {
    kind: 'code',
    run: async (context) => {
      await fn(context);
    },
  };
}

type ScopedImport = (specifier: string, parentURL: string) => Promise<unknown>;
let tsxImport: Promise<ScopedImport> | undefined;

/** tsx's importer, registered once per process in a namespace of its own. */
function typescriptImporter(): Promise<ScopedImport> {
  tsxImport ??= import('tsx/esm/api').then(({ register }) => {
    const api = register({ namespace: 'worlddb-migrations' });
    return (specifier: string, parentURL: string): Promise<unknown> => api.import(specifier, parentURL);
  });
  return tsxImport;
}

async function importModule(file: string, version: string): Promise<unknown> {
  const url = pathToFileURL(file).href + (version === '' ? '' : `?v=${encodeURIComponent(version)}`);
  if (file.endsWith('.ts')) {
    const importer = await typescriptImporter();
    return importer(url, import.meta.url);
  }
  return import(url);
}

/** The exports of a module namespace; falls back to `default` for CommonJS-style modules. */
function moduleExports(loaded: unknown): Record<string, unknown> {
  if (typeof loaded !== 'object' || loaded === null) return {};
  const namespace = loaded as Record<string, unknown>;
  if (namespace['up'] === undefined) {
    const fallback = namespace['default'];
    if (typeof fallback === 'object' && fallback !== null && 'up' in fallback) {
      return fallback as Record<string, unknown>;
    }
  }
  return namespace;
}

/**
 * The useful part of an import error: its first line, without tsx's "Transform failed" preamble;
 * an esbuild location (`/abs/file.ts:2:0: ERROR: ...`) is shortened to `shown:2:0: ...`.
 */
function loadErrorText(error: unknown, file: string, shown: string): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^Transform failed with \d+ errors?:?$/.test(line));
  const text = lines[0] ?? error.message;
  if (text.startsWith(`${file}:`)) return shown + text.slice(file.length).replace(/^(:\d+:\d+:) ERROR:/, '$1');
  return error.name !== 'Error' && error.name !== 'TransformError' && !text.startsWith(error.name) ? `${error.name}: ${text}` : text;
}
