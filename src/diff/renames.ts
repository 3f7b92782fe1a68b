/**
 * Renames: the ones declared (`RenameHints`) become rename operations, and the likely ones are
 * listed (`renameCandidates`) so that the CLI can ask about them on a TTY.
 *
 * Without a hint, a table or column that is gone from the model and a new one are a drop and an
 * add: autogenerate never guesses a rename on its own.
 */
import { RenameError } from '../errors.js';
import type { Operation } from '../ops/operation.js';
import type { SchemaState, TableState } from '../schema/types.js';
import { differences } from './differences.js';
import { compareNames } from '../schema/compare-names.js';
import { renameInExpression } from './pg-identifier.js';

/**
 * Declared renames, from `--rename` options or from answers on a TTY.
 *
 * @example
 * const hints: RenameHints = {
 *   tables: new Map([['countries', 'nations']]),
 *   columns: new Map([['nations', new Map([['name', 'title']])]]),
 * };
 */
export interface RenameHints {
  /** Old table name → new table name. */
  readonly tables?: ReadonlyMap<string, string>;
  /**
   * Per table: old column name → new column name. The table is named by its name in the model;
   * for a renamed table its old name is accepted too.
   */
  readonly columns?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The result of {@link applyRenames}. */
export interface AppliedRenames {
  /** `from` as it is after the renames: tables, columns and every reference to them renamed. */
  readonly state: SchemaState;
  /** `renameTable` then `renameColumn` operations, by name. */
  readonly operations: readonly Operation[];
}

const NO_RENAMES: ReadonlyMap<string, string> = new Map();

function refuse(message: string): never {
  throw new RenameError(message, {
    hint: 'a rename must name a table or column that is in the database and not in the model, and a new name that is in the model and not in the database',
  });
}

/**
 * Checks `hints` against the two states and applies them to `from`: the result is what the
 * database looks like once the rename operations have run, so that comparing it with `to` gives
 * only the remaining changes. Postgres keeps foreign keys, constraints and indexes attached
 * through renames; so does the result (references, column lists and expressions follow).
 *
 * @throws RenameError when a hint does not match a table or column gone from the model and a new
 *   one in it.
 * @example
 * const { state, operations } = applyRenames(live, model, { tables: new Map([['countries', 'nations']]) });
 * // operations: [{ kind: 'renameTable', from: 'countries', to: 'nations' }]
 */
export function applyRenames(from: SchemaState, to: SchemaState, hints: RenameHints = {}): AppliedRenames {
  const schema = from.name;
  const fromTables = new Map(from.tables.map((table) => [table.name, table]));
  const toTables = new Map(to.tables.map((table) => [table.name, table]));

  const tableRenames = new Map<string, string>();
  const oldNameOf = new Map<string, string>();
  for (const [oldName, newName] of [...(hints.tables ?? NO_RENAMES)].sort((a, b) => compareNames(a[0], b[0]))) {
    if (oldName === newName) continue;
    const what = `cannot rename table ${schema}.${oldName} to ${newName}`;
    if (!fromTables.has(oldName)) refuse(`${what}: ${schema}.${oldName} is not in the database`);
    if (!toTables.has(newName)) refuse(`${what}: ${schema}.${newName} is not in the model`);
    if (fromTables.has(newName)) refuse(`${what}: ${schema}.${newName} is already in the database`);
    if (oldNameOf.has(newName)) refuse(`${what}: ${schema}.${oldNameOf.get(newName) ?? ''} is renamed to it too`);
    tableRenames.set(oldName, newName);
    oldNameOf.set(newName, oldName);
  }

  /** Keyed by the new table name. */
  const columnRenames = new Map<string, Map<string, string>>();
  for (const [tableKey, renames] of hints.columns ?? new Map<string, ReadonlyMap<string, string>>()) {
    const newTable = toTables.has(tableKey) ? tableKey : (tableRenames.get(tableKey) ?? tableKey);
    const oldTable = oldNameOf.get(newTable) ?? newTable;
    const fromTable = fromTables.get(oldTable);
    const toTable = toTables.get(newTable);
    for (const [oldColumn, newColumn] of [...renames].sort((a, b) => compareNames(a[0], b[0]))) {
      if (oldColumn === newColumn) continue;
      const what = `cannot rename column ${schema}.${newTable}.${oldColumn} to ${newColumn}`;
      if (fromTable === undefined || toTable === undefined) {
        refuse(`${what}: table ${schema}.${tableKey} is not in both the database and the model`);
      }
      const has = (table: TableState, column: string): boolean => table.columns.some((c) => c.name === column);
      if (!has(fromTable, oldColumn)) refuse(`${what}: ${schema}.${oldTable}.${oldColumn} is not in the database`);
      if (!has(toTable, newColumn)) refuse(`${what}: ${schema}.${newTable}.${newColumn} is not in the model`);
      if (has(fromTable, newColumn)) refuse(`${what}: ${schema}.${oldTable}.${newColumn} is already in the database`);
      const map = columnRenames.get(newTable) ?? new Map<string, string>();
      if ([...map.values()].includes(newColumn)) refuse(`${what}: another column is renamed to it too`);
      map.set(oldColumn, newColumn);
      columnRenames.set(newTable, map);
    }
  }

  const operations: Operation[] = [];
  for (const [oldName, newName] of tableRenames) operations.push({ kind: 'renameTable', from: oldName, to: newName });
  for (const [table, renames] of [...columnRenames].sort((a, b) => compareNames(a[0], b[0]))) {
    for (const [oldColumn, newColumn] of renames) {
      operations.push({ kind: 'renameColumn', table, from: oldColumn, to: newColumn });
    }
  }
  if (operations.length === 0) return { state: from, operations };

  const tableName = (name: string): string => tableRenames.get(name) ?? name;
  const columnsOf = (newTable: string): ReadonlyMap<string, string> => columnRenames.get(newTable) ?? NO_RENAMES;
  const tables = from.tables.map((table): TableState => {
    const name = tableName(table.name);
    const renames = columnsOf(name);
    const column = (c: string): string => renames.get(c) ?? c;
    const expression = (text: string): string => renameInExpression(text, renames);
    return {
      ...table,
      name,
      columns: table.columns.map((c) => ({ ...c, name: column(c.name) })),
      primaryKey: table.primaryKey === null ? null : { ...table.primaryKey, columns: table.primaryKey.columns.map(column) },
      uniques: table.uniques.map((u) => ({ ...u, columns: u.columns.map(column) })),
      foreignKeys: table.foreignKeys.map((fk) => {
        if (fk.refSchema !== schema) return { ...fk, columns: fk.columns.map(column) };
        const refTable = tableName(fk.refTable);
        const refRenames = columnsOf(refTable);
        return {
          ...fk,
          columns: fk.columns.map(column),
          refTable,
          refColumns: fk.refColumns.map((c) => refRenames.get(c) ?? c),
        };
      }),
      checks: table.checks.map((check) => ({ ...check, expression: expression(check.expression) })),
      indexes: table.indexes.map((index) => ({
        ...index,
        keys: index.keys.map(expression),
        ...(index.include === undefined ? {} : { include: index.include.map(expression) }),
        where: index.where === null ? null : expression(index.where),
      })),
      ...(table.policies === undefined
        ? {}
        : {
            policies: table.policies.map((policy) => ({
              ...policy,
              using: policy.using === null ? null : expression(policy.using),
              withCheck: policy.withCheck === null ? null : expression(policy.withCheck),
            })),
          }),
    };
  });
  tables.sort((a, b) => compareNames(a.name, b.name));
  return { state: { ...from, tables }, operations };
}

/** A dropped and an added table that may be one table renamed. */
export interface TableRenameCandidate {
  readonly from: string;
  readonly to: string;
  /** Share of columns (name and type) the two have in common, 0 to 1. */
  readonly similarity: number;
}

/** A dropped and an added column of the same type in the same table. */
export interface ColumnRenameCandidate {
  /** The table's name in the model. */
  readonly table: string;
  readonly from: string;
  readonly to: string;
  readonly type: string;
}

export interface RenameCandidates {
  /** Most similar first. */
  readonly tables: readonly TableRenameCandidate[];
  /** By table, then old name, then new name. */
  readonly columns: readonly ColumnRenameCandidate[];
}

/** Tables sharing at least this share of their columns (name and type) are offered as a rename. */
export const TABLE_RENAME_SIMILARITY = 0.5;

function similarity(a: TableState, b: TableState): number {
  const signature = (table: TableState): Set<string> =>
    new Set(table.columns.map((column) => `${column.name}\u0000${column.type}`));
  const left = signature(a);
  const right = signature(b);
  const common = [...left].filter((item) => right.has(item)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 1 : common / all;
}

/**
 * Lists the renames that could explain the difference between `from` (the database) and `to`
 * (the model), apart from those already declared in `hints`: dropped and added tables sharing at
 * least half of their columns, and in each table kept (or renamed by `hints`), dropped and added
 * columns of the same type. The CLI asks about tables first, then calls this again with the
 * accepted table renames in `hints` to get the column candidates of renamed tables.
 *
 * @example
 * renameCandidates(live, model).columns
 * // => [{ table: 'countries', from: 'name', to: 'title', type: 'text' }]
 */
export function renameCandidates(from: SchemaState, to: SchemaState, hints: RenameHints = {}): RenameCandidates {
  const { state } = applyRenames(from, to, hints);
  const split = differences(state.tables, to.tables, () => true);

  const tables: TableRenameCandidate[] = [];
  for (const removed of split.removed) {
    for (const added of split.added) {
      const share = similarity(removed, added);
      if (share >= TABLE_RENAME_SIMILARITY) tables.push({ from: removed.name, to: added.name, similarity: share });
    }
  }
  tables.sort((a, b) => b.similarity - a.similarity || compareNames(a.from, b.from) || compareNames(a.to, b.to));

  const columns: ColumnRenameCandidate[] = [];
  for (const { from: before, to: after } of split.unchanged) {
    const columnSplit = differences(before.columns, after.columns, () => true);
    for (const removed of columnSplit.removed) {
      for (const added of columnSplit.added) {
        if (removed.type === added.type) {
          columns.push({ table: after.name, from: removed.name, to: added.name, type: added.type });
        }
      }
    }
  }
  return { tables, columns };
}
