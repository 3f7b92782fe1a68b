import type { WorlddbConfigInput } from './types.js';

/**
 * Types a TypeScript config file. It returns its argument unchanged.
 *
 * @example
 * // config/worlddb.config.ts
 * import { defineConfig } from 'worlddb';
 * export default defineConfig({ schemas: { asia: { model: 'src/db/asia.ts' } } });
 */
export function defineConfig(config: WorlddbConfigInput): WorlddbConfigInput {
  return config;
}
