import type { SchemaState } from '../schema/types.js';

/**
 * The same schema state under another schema name: references to the schema itself follow
 * (foreign keys whose `refSchema` is `state.name`); references to other schemas stay as they are.
 * A model is declared under a logical name (`asia`) and can be compared with any physical schema
 * (a scratch schema, or later a tenant of a group).
 *
 * @example
 * retargetState(modelToState(asia), 'worlddb_scratch_1').tables[1].foreignKeys[0].refSchema
 * // => 'worlddb_scratch_1'
 */
export function retargetState(state: SchemaState, schema: string): SchemaState {
  if (state.name === schema) return state;
  return {
    ...state,
    name: schema,
    tables: state.tables.map((table) => ({
      ...table,
      foreignKeys: table.foreignKeys.map((fk) => (fk.refSchema === state.name ? { ...fk, refSchema: schema } : fk)),
    })),
    ...(state.extensions === undefined
      ? {}
      : { extensions: state.extensions.map((e) => (e.schema === state.name ? { ...e, schema } : e)) }),
  };
}

/** A schema with nothing in it. */
export function emptyState(schema: string): SchemaState {
  return { name: schema, tables: [], enums: [] };
}
