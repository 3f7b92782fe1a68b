/**
 * Typed data access: `openWorld` opens the database the CLI uses and gives each schema's tables,
 * typed from the models, with insert, select, update, delete, count and transactions. A schema
 * chosen at run time gets the same checks before any SQL is sent.
 *
 * @example
 * const world = await openWorld({ schemas: { asia, europe } });
 * await world.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'Ramen' });
 * await world.close();
 */
export { openWorld, type OpenWorldOptions, type WorldOf } from './open-world.js';
export { World, WorldScope, type WorldTransaction } from './world.js';
export { SchemaAccess } from './schema-access.js';
export { TableAccess, type UntypedDatabase } from './table-access.js';
export type {
  ChangeOptions,
  ColumnOf,
  Filter,
  ModelOf,
  ModelsOf,
  OrderTerm,
  SchemaBinding,
  SchemaBindings,
  SelectOptions,
  WorldModels,
} from './access-types.js';
export {
  DataAccessError,
  InvalidValueError,
  RefusedQueryError,
  UnknownColumnError,
  UnknownSchemaError,
  UnknownTableError,
} from './access-errors.js';
export {
  CheckViolationError,
  ConstraintViolationError,
  DatabaseQueryError,
  ForeignKeyViolationError,
  NotNullViolationError,
  TransactionAbortedError,
  UniqueViolationError,
  toDataError,
  type PostgresErrorFields,
} from './database-errors.js';
export { SessionDialect, type SessionDialectProps } from './session-dialect.js';
