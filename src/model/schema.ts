/**
 * `defineSchema`: the model of one Postgres schema, validated when it is defined, and the
 * brand that recognises a model without `instanceof` (the CLI may load a model file through
 * another copy of this module).
 */
import { ModelError } from '../errors.js';
import type { SchemaState } from '../schema/types.js';
import type { EnumType } from './enum-type.js';
import type { ObjectDeclarations } from './object-states.js';
import { buildSchemaState } from './schema-state.js';
import type { ColumnsShape, Table } from './table.js';

/** The key under which a schema model carries its brand; a global symbol, the same in every module copy. */
export const schemaModelBrand: unique symbol = Symbol.for('worlddb.schema-model');

/** Version of the model format the brand stands for. */
const MODEL_FORMAT = 1 as const;

/** The tables of a schema, by table name. */
export type TablesShape = Readonly<Record<string, Table<ColumnsShape, string>>>;

/**
 * The schema's tables, and its other objects (see {@link ObjectDeclarations}: sequences, domains,
 * views, functions, triggers, extensions).
 */
export interface SchemaOptions<T extends TablesShape> extends ObjectDeclarations {
  /** The schema's tables; the key is the table's name. */
  readonly tables: T;
  /**
   * Enum types the schema owns but no column uses (yet). Enums used by the columns are found by
   * themselves; an enum declared with `{ schema }` of another schema is only referenced.
   */
  readonly enums?: readonly EnumType[];
}

/** The model of one schema: its name (kept as a literal type), its tables, and its state. */
export interface SchemaModel<N extends string = string, T extends TablesShape = TablesShape> {
  readonly [schemaModelBrand]: typeof MODEL_FORMAT;
  readonly name: N;
  readonly tables: T;
  /** The enum types the schema owns (creates), sorted by name. */
  readonly enums: readonly EnumType[];
  /** The canonical state, computed and checked when the model was defined. */
  readonly state: SchemaState;
}

/**
 * Defines the model of one schema. Fails at once with a ModelError (naming schema, table and
 * column) if a reference points at an unknown table or column, a name is repeated, or a
 * declaration is otherwise invalid. A model file's default export is its schema.
 *
 * @example
 * // src/db/asia.ts
 * export default defineSchema('asia', {
 *   tables: {
 *     countries: countries.extend({ signature_dish: varchar(100) }),
 *     capitals: capitals.extend({}),
 *     languages: table({
 *       language_id: integer().primaryKey(),
 *       country: varchar(100).references('countries', 'name'),
 *     }),
 *   },
 * });
 */
export function defineSchema<const N extends string, const T extends TablesShape>(
  name: N,
  options: SchemaOptions<T>,
): SchemaModel<N, T> {
  if (typeof options !== 'object' || options === null) {
    throw new ModelError(`schema ${String(name)}: defineSchema needs { tables }`, {
      hint: `defineSchema('${String(name)}', { tables: { ... } })`,
    });
  }
  const enums = options.enums ?? [];
  const built = buildSchemaState({ name, tables: options.tables, enums, objects: options });
  return Object.freeze({
    [schemaModelBrand]: MODEL_FORMAT,
    name,
    tables: Object.freeze({ ...options.tables }) as T,
    enums: built.enums,
    state: built.state,
  });
}

/**
 * True when `value` is a schema model made by `defineSchema`, whichever copy of worlddb made it.
 *
 * @example
 * const mod = await import(modelPath);
 * if (!isSchemaModel(mod.default)) throw new ConfigError(`${modelPath} does not export a schema model`);
 */
export function isSchemaModel(value: unknown): value is SchemaModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [schemaModelBrand]?: unknown })[schemaModelBrand] === MODEL_FORMAT &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { state?: unknown }).state === 'object'
  );
}

/**
 * The canonical, frozen {@link SchemaState} of a model: what autogenerate compares with the
 * catalog. Tables and enums are sorted by name, columns in declaration order (a base table's
 * first), constraints and indexes sorted by name, names defaulted as Postgres names them.
 *
 * @example
 * import asia from '../db/asia.js';
 * const state = modelToState(asia);
 * state.tables.map((t) => t.name);  // ['capitals', 'countries', 'languages']
 */
export function modelToState(model: SchemaModel): SchemaState {
  return model.state;
}
