/**
 * The declarative model API: describe each schema's tables in TypeScript, get its canonical
 * {@link SchemaState} for autogenerate and its row types for typed data access.
 *
 * @example
 * import { abstractTable, defineSchema, integer, varchar } from '../model/index.js';
 *
 * const countries = abstractTable({
 *   country_id: integer().primaryKey(),
 *   name: varchar(100).notNull().unique(),
 * });
 * export default defineSchema('asia', {
 *   tables: { countries: countries.extend({ signature_dish: varchar(100) }) },
 * });
 */
export { sql, isSqlExpression, type SqlExpression, type SqlValue } from './sql-expression.js';
export {
  smallint,
  integer,
  bigint,
  numeric,
  real,
  doublePrecision,
  boolean,
  text,
  varchar,
  char,
  date,
  time,
  timestamp,
  timestamptz,
  interval,
  uuid,
  json,
  jsonb,
  bytea,
  inet,
  enumColumn,
} from './column-builders.js';
export {
  Column,
  type BaseConfig,
  type ColumnCheck,
  type ColumnConfig,
  type ColumnData,
  type ColumnDefault,
  type ColumnReference,
  type IdentityKind,
  type IdentityOptionsInput,
  type CheckOptions,
  type DeferrableOptions,
  type KeyOptions,
  type NameOption,
  type ReferenceOptions,
  type ReferentialActionName,
  type TableTarget,
  type WithConfig,
} from './column.js';
export type { BuiltinType, ColumnType, EnumColumnType, TypeFamily } from './column-type.js';
export { enumType, type EnumType, type EnumTypeOptions } from './enum-type.js';
export {
  check,
  exclude,
  foreignKey,
  index,
  primaryKey,
  unique,
  type CheckConstraint,
  type ExclusionConstraint,
  type ExclusionOptions,
  type ForeignKeyConstraint,
  type IndexDefinition,
  type IndexOptions,
  type PrimaryKeyConstraint,
  type TableConstraint,
  type UniqueConstraint,
} from './constraints.js';
export { policy, type PolicyCommand, type PolicyDefinition, type PolicyOptions } from './policy.js';
export {
  AbstractTable,
  Table,
  abstractTable,
  table,
  type ColumnsShape,
  type MergeColumns,
  type PrimaryKeyOf,
  type TableOptions,
  type TableSettings,
} from './table.js';
export {
  defineSchema,
  isSchemaModel,
  modelToState,
  schemaModelBrand,
  type SchemaModel,
  type SchemaOptions,
  type TablesShape,
} from './schema.js';
export type {
  ColumnNameOf,
  InsertOf,
  RowOf,
  SchemaNameOf,
  Simplify,
  TableInsert,
  TableNameOf,
  TableRow,
  TableUpdate,
  TablesOf,
  UpdateOf,
} from './row-types.js';
export { compareNames } from '../schema/compare-names.js';
export { printIdentifier } from '../sql/print-identifier.js';
export { makeObjectName } from './pg-naming.js';
export {
  customType,
  domain,
  domainColumn,
  fn,
  materializedView,
  procedure,
  sequence,
  trigger,
  view,
  type DomainOptions,
  type DomainType,
  type FunctionDefinition,
  type FunctionOptions,
  type MaterializedViewOptions,
  type SequenceDefinition,
  type SequenceOptions,
  type TriggerDefinition,
  type TriggerEvent,
  type TriggerOptions,
  type ViewDefinition,
} from './schema-objects.js';
export type { ObjectDeclarations } from './object-states.js';
