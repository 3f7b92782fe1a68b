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
 * Modules are loaded through the one module loader (TypeScript with no build step, compiled
 * once and cached); a file changed since it was last imported gets a new compiled module, so it is
 * read afresh. A plain `.js` file is imported under its checksum (`?v=...`) for the same reason.
 */
import { pathToFileURL } from 'node:url';
import { MigrationFileError } from '../errors.js';
import { loadModule } from '../module-loader/load-module.js';
import { describeModuleFailure } from '../module-loader/module-load-failure.js';
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
    throw new MigrationFileError(file, describeModuleFailure('migration', file, error), {
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

/** Plain JavaScript is imported under its checksum, so that a changed file is read afresh; TypeScript through the module loader, whose compiled module is named by content. */
async function importModule(file: string, version: string): Promise<unknown> {
  if (/\.[mc]?ts$/.test(file) || version === '') return loadModule(file);
  return import(pathToFileURL(file).href + `?v=${encodeURIComponent(version)}`);
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
