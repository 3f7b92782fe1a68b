/**
 * The run-time view of the models a world was opened with: for each schema name, its tables and
 * their columns, as the checks before any SQL need them. Built once by `openWorld`; frozen.
 */
import type { SchemaModel } from '../model/index.js';
import { UnknownSchemaError, UnknownTableError } from './access-errors.js';
import { valueKindOf, type ValueKind } from './value-kind.js';

export interface ColumnInfo {
  readonly name: string;
  /** NOT NULL, including primary key and identity columns. */
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  readonly identity: 'always' | 'by default' | null;
  readonly kind: ValueKind;
  readonly arrayDimensions: number;
}

export interface TableInfo {
  /** The schema's name in the world (`world.schema(name)`), used in messages. */
  readonly schema: string;
  /** The Postgres schema the table lives in: the model's name unless bound elsewhere; usually the same as `schema`. */
  readonly dbSchema: string;
  readonly table: string;
  /** Columns in declaration order. */
  readonly columns: readonly ColumnInfo[];
  readonly byName: ReadonlyMap<string, ColumnInfo>;
}

export interface SchemaInfo {
  readonly name: string;
  readonly dbSchema: string;
  readonly model: SchemaModel;
  readonly tables: ReadonlyMap<string, TableInfo>;
}

/** One schema of a world: its name in the world, its model, and the Postgres schema it lives in. */
export interface SchemaPlacement {
  readonly name: string;
  readonly model: SchemaModel;
  readonly dbSchema: string;
}

/**
 * Looks up schemas and tables by name, throwing {@link UnknownSchemaError} or
 * {@link UnknownTableError} with the known names.
 *
 * @example
 * const catalog = new WorldCatalog([{ name: 'asia', model: asia, dbSchema: 'asia' }]);
 * catalog.table('asia', 'countries').columns.map((c) => c.name);
 * // => ['country_id', 'name', 'population', 'signature_dish']
 */
export class WorldCatalog {
  readonly #schemas: ReadonlyMap<string, SchemaInfo>;

  constructor(placements: readonly SchemaPlacement[]) {
    this.#schemas = new Map(placements.map((p) => [p.name, schemaInfo(p)]));
  }

  /** Schema names, in the order the world was opened with. */
  get schemaNames(): readonly string[] {
    return [...this.#schemas.keys()];
  }

  has(name: string): boolean {
    return this.#schemas.has(name);
  }

  schema(name: string): SchemaInfo {
    const info = this.#schemas.get(name);
    if (info === undefined) throw new UnknownSchemaError(name, this.schemaNames);
    return info;
  }

  table(schema: string, table: string): TableInfo {
    const info = this.schema(schema);
    const found = info.tables.get(table);
    if (found === undefined) throw new UnknownTableError(schema, table, [...info.tables.keys()]);
    return found;
  }
}

function schemaInfo(placement: SchemaPlacement): SchemaInfo {
  const { model } = placement;
  const tables = new Map<string, TableInfo>();
  // The state has the final NOT NULL (a composite primary key makes its columns NOT NULL too);
  // the model's columns have the type that says which JavaScript values fit.
  for (const tableState of model.state.tables) {
    const declared = model.tables[tableState.name];
    if (declared === undefined) continue;
    const columns = tableState.columns.map((state): ColumnInfo => {
      const column = declared.columns[state.name];
      if (column === undefined) throw new Error(`model ${model.name}: column ${tableState.name}.${state.name} has no declaration`);
      return Object.freeze({
        name: state.name,
        notNull: state.notNull,
        hasDefault: column.data.default !== null,
        identity: state.identity,
        kind: valueKindOf(column.data.type),
        arrayDimensions: column.data.arrayDimensions,
      });
    });
    tables.set(
      tableState.name,
      Object.freeze({
        schema: placement.name,
        dbSchema: placement.dbSchema,
        table: tableState.name,
        columns: Object.freeze(columns),
        byName: new Map(columns.map((c) => [c.name, c])),
      }),
    );
  }
  // Tables in the order they were declared, as the model lists them.
  const ordered = new Map(Object.keys(model.tables).flatMap((name) => {
    const info = tables.get(name);
    return info === undefined ? [] : [[name, info] as const];
  }));
  return Object.freeze({ name: placement.name, dbSchema: placement.dbSchema, model, tables: ordered });
}
