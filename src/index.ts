/**
 * The worlddb package: declare each schema's tables in TypeScript (the model API), configure the
 * schemas (`defineConfig`), write code migrations (`MigrationContext`), and read and write rows of
 * any schema, typed from its model (`openWorld`).
 *
 * @example
 * import { openWorld } from 'worlddb';
 * import asia from './db/asia.js';
 * import europe from './db/europe.js';
 *
 * const world = await openWorld({ schemas: { asia, europe } });
 * await world.schema('europe').table('countries').insert({ name: 'Switzerland', eu_member: false });
 * await world.close();
 */
export * from './model/index.js';
export { defineConfig } from './config/define-config.js';
export type { WorlddbConfigInput, DatabaseConfigInput, SchemaConfigInput, DurationInput } from './config/types.js';
export type { MigrationContext } from './revision/types.js';
export {
  ConfigError,
  ConnectionError,
  DriftError,
  ExitCode,
  LockTimeoutError,
  MigrationError,
  MigrationFileError,
  ModelError,
  RefusedError,
  RenameError,
  UsageError,
  WorlddbError,
  type WorlddbErrorProps,
} from './errors.js';
export * from './access/index.js';
