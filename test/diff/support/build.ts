/**
 * Terse builders of schema states for tests.
 *
 * @example
 * const asia = schema('asia', {
 *   enums: [enumType('continent', ['Asia', 'Europe'])],
 *   tables: [table('countries', [col('id', 'integer', { notNull: true }), col('name', 'text')], { primaryKey: ['id'] })],
 * });
 */
import type {
  CheckState,
  ColumnState,
  EnumState,
  ForeignKeyState,
  IndexState,
  ReferentialAction,
  SchemaState,
  TableState,
  UniqueState,
} from '../../../src/schema/types.js';

export function col(name: string, type: string, options: Partial<Omit<ColumnState, 'name' | 'type'>> = {}): ColumnState {
  return {
    name,
    type,
    notNull: options.notNull ?? false,
    default: options.default ?? null,
    identity: options.identity ?? null,
    comment: options.comment ?? null,
  };
}

export function unique(name: string, columns: readonly string[]): UniqueState {
  return { name, columns };
}

export function check(name: string, expression: string): CheckState {
  return { name, expression };
}

export function fk(
  name: string,
  columns: readonly string[],
  refTable: string,
  refColumns: readonly string[],
  options: { refSchema?: string; onDelete?: ReferentialAction; onUpdate?: ReferentialAction } = {},
): Omit<ForeignKeyState, 'refSchema'> & { readonly refSchema: string | undefined } {
  return {
    name,
    columns,
    refSchema: options.refSchema,
    refTable,
    refColumns,
    onDelete: options.onDelete ?? 'NO ACTION',
    onUpdate: options.onUpdate ?? 'NO ACTION',
  };
}

export function index(
  name: string,
  keys: readonly string[],
  options: { unique?: boolean; method?: string; where?: string } = {},
): IndexState {
  return { name, unique: options.unique ?? false, method: options.method ?? 'btree', keys, where: options.where ?? null };
}

export function enumType(name: string, values: readonly string[]): EnumState {
  return { name, values };
}

/** A foreign key as built by {@link fk}: its schema is filled in by {@link schema}. */
export type LooseForeignKey = ReturnType<typeof fk>;

export interface LooseTable extends Omit<TableState, 'foreignKeys'> {
  readonly foreignKeys: readonly (ForeignKeyState | LooseForeignKey)[];
}

export function table(
  name: string,
  columns: readonly ColumnState[],
  options: {
    primaryKey?: readonly string[] | { name: string; columns: readonly string[] };
    uniques?: readonly UniqueState[];
    foreignKeys?: readonly LooseForeignKey[];
    checks?: readonly CheckState[];
    indexes?: readonly IndexState[];
    comment?: string;
  } = {},
): LooseTable {
  const pk = options.primaryKey;
  return {
    name,
    columns,
    primaryKey:
      pk === undefined ? null : 'columns' in pk ? pk : { name: `${name}_pkey`, columns: pk as readonly string[] },
    uniques: options.uniques ?? [],
    foreignKeys: options.foreignKeys ?? [],
    checks: options.checks ?? [],
    indexes: options.indexes ?? [],
    comment: options.comment ?? null,
  };
}

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A schema state; foreign keys without a `refSchema` point inside `name`. Tables and enums are sorted. */
export function schema(
  name: string,
  contents: { tables?: readonly LooseTable[]; enums?: readonly EnumState[] } = {},
): SchemaState {
  return {
    name,
    tables: byName(
      (contents.tables ?? []).map((t) => ({
        ...t,
        foreignKeys: t.foreignKeys.map((f) => ({ ...f, refSchema: f.refSchema ?? name })),
      })),
    ),
    enums: byName(contents.enums ?? []),
  };
}
