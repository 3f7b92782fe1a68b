/**
 * A small simulation of Postgres for tests: applies operations to a schema state, the way the
 * rendered SQL would change the catalog, and refuses what Postgres would refuse (dropping a key a
 * foreign key needs, using a missing enum, a stale pre-image). It checks order and pre-images,
 * not SQL text.
 */
import { isObjectOperation } from '../../../src/ops/object-operations.js';
import type { EnumUsage, Operation } from '../../../src/ops/operation.js';
import { parseType } from '../../../src/ops/type-change.js';
import { enumTypeUse, renameInExpression } from '../../../src/diff/pg-identifier.js';
import { deepEqual } from '../../../src/diff/differences.js';
import type { ColumnState, SchemaState, TableState } from '../../../src/schema/types.js';

const BUILTIN = new Set([
  'smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'boolean', 'text',
  'character varying', 'character', 'date', 'time without time zone', 'time with time zone',
  'timestamp without time zone', 'timestamp with time zone', 'interval', 'uuid', 'json', 'jsonb',
  'bytea', 'inet',
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A state with every list sorted by name, so that two states compare with `toEqual`. */
export function normalize(state: SchemaState): SchemaState {
  return {
    name: state.name,
    enums: byName(state.enums),
    tables: byName(state.tables).map((t) => ({
      ...t,
      columns: byName(t.columns),
      uniques: byName(t.uniques),
      foreignKeys: byName(t.foreignKeys),
      checks: byName(t.checks),
      indexes: byName(t.indexes),
    })),
  };
}

function normalizeTable(table: TableState): TableState {
  const state = normalize({ name: '', tables: [table], enums: [] });
  return state.tables[0] as TableState;
}

export class SimulationError extends Error {}

function fail(message: string): never {
  throw new SimulationError(message);
}

/** Applies `ops` in order to `state`; throws {@link SimulationError} where Postgres would fail. */
export function applyOperations(state: SchemaState, ops: readonly Operation[]): SchemaState {
  const schema = state.name;
  const tables = new Map<string, Mutable<TableState>>(state.tables.map((t) => [t.name, { ...t }]));
  const enums = new Map(state.enums.map((e) => [e.name, e]));

  const getTable = (name: string): Mutable<TableState> => tables.get(name) ?? fail(`no table ${name}`);
  const getColumn = (t: TableState, name: string): ColumnState =>
    t.columns.find((c) => c.name === name) ?? fail(`no column ${t.name}.${name}`);
  const setColumn = (t: Mutable<TableState>, name: string, change: Partial<ColumnState>): void => {
    getColumn(t, name);
    t.columns = t.columns.map((c) => (c.name === name ? { ...c, ...change } : c));
  };
  const assertType = (type: string): void => {
    const parsed = parseType(type);
    if (BUILTIN.has(parsed.base)) return;
    const base = type.replace(/(\[\])+$/, '');
    if (![...enums.keys()].some((e) => enumTypeUse(base, e) !== null)) fail(`type ${type} does not exist`);
  };
  const constraintNames = (t: TableState): string[] => [
    ...(t.primaryKey === null ? [] : [t.primaryKey.name]),
    ...t.uniques.map((u) => u.name),
    ...t.checks.map((c) => c.name),
    ...t.foreignKeys.map((f) => f.name),
    ...(t.exclusions ?? []).map((x) => x.name),
  ];
  const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
  /** Foreign keys (anywhere) resting on key `columns` of table `name`. */
  const dependents = (name: string, columns: readonly string[]): string[] =>
    [...tables.values()].flatMap((t) =>
      t.foreignKeys
        .filter((f) => f.refSchema === schema && f.refTable === name && sameSet(f.refColumns, columns))
        .map((f) => `${t.name}.${f.name}`),
    );
  const assertForeignKeyTarget = (refSchema: string, refTable: string, refColumns: readonly string[]): void => {
    if (refSchema !== schema) return;
    const target = getTable(refTable);
    const keys = [...(target.primaryKey === null ? [] : [target.primaryKey.columns]), ...target.uniques.map((u) => u.columns)];
    if (!keys.some((k) => sameSet(k, refColumns))) fail(`no key on ${refTable} (${refColumns.join(', ')})`);
  };
  const columnsUsing = (enumName: string): string[] =>
    [...tables.values()].flatMap((t) =>
      t.columns.filter((c) => enumTypeUse(c.type, enumName) !== null).map((c) => `${t.name}.${c.name}`),
    );
  const checkUsages = (enumName: string, usages: readonly EnumUsage[]): void => {
    const expected = columnsUsing(enumName).sort();
    const given = usages.map((u) => `${u.table}.${u.column}`).sort();
    if (!deepEqual(expected, given)) fail(`usages of ${enumName}: expected ${expected.join(', ')}, got ${given.join(', ')}`);
    for (const usage of usages) {
      const current = getColumn(getTable(usage.table), usage.column);
      if (current.default !== usage.default) {
        fail(`usage ${usage.table}.${usage.column}: default is ${String(current.default)}, op says ${String(usage.default)}`);
      }
    }
  };
  const renameColumnEverywhere = (tableName: string, from: string, to: string): void => {
    const renames = new Map([[from, to]]);
    const rc = (c: string): string => (c === from ? to : c);
    const t = getTable(tableName);
    t.columns = t.columns.map((c) => (c.name === from ? { ...c, name: to } : c));
    if (t.primaryKey !== null) t.primaryKey = { ...t.primaryKey, columns: t.primaryKey.columns.map(rc) };
    t.uniques = t.uniques.map((u) => ({ ...u, columns: u.columns.map(rc) }));
    t.foreignKeys = t.foreignKeys.map((f) => ({ ...f, columns: f.columns.map(rc) }));
    t.checks = t.checks.map((c) => ({ ...c, expression: renameInExpression(c.expression, renames) }));
    t.indexes = t.indexes.map((i) => ({
      ...i,
      keys: i.keys.map((k) => renameInExpression(k, renames)),
      where: i.where === null ? null : renameInExpression(i.where, renames),
    }));
    for (const other of tables.values()) {
      other.foreignKeys = other.foreignKeys.map((f) =>
        f.refSchema === schema && f.refTable === tableName ? { ...f, refColumns: f.refColumns.map(rc) } : f,
      );
    }
  };

  for (const op of ops) {
    // Sequences, domains, views, functions, triggers and extensions are checked against real
    // catalogs by the fixture cases (test/autogenerate), not simulated here.
    if (isObjectOperation(op)) continue;
    switch (op.kind) {
      case 'createTable':
        if (tables.has(op.table.name)) fail(`table ${op.table.name} exists`);
        op.table.columns.forEach((c) => assertType(c.type));
        tables.set(op.table.name, { ...op.table });
        for (const f of op.table.foreignKeys) assertForeignKeyTarget(f.refSchema, f.refTable, f.refColumns);
        break;
      case 'dropTable': {
        const t = getTable(op.table.name);
        if (!deepEqual(normalizeTable(t), normalizeTable(op.table))) fail(`stale pre-image of table ${t.name}`);
        tables.delete(t.name);
        const referencing = [...tables.values()].filter((o) =>
          o.foreignKeys.some((f) => f.refSchema === schema && f.refTable === t.name),
        );
        if (referencing.length > 0) fail(`table ${t.name} is referenced by ${referencing.map((o) => o.name).join(', ')}`);
        break;
      }
      case 'renameTable': {
        const t = getTable(op.from);
        if (tables.has(op.to)) fail(`table ${op.to} exists`);
        tables.delete(op.from);
        tables.set(op.to, { ...t, name: op.to });
        for (const other of tables.values()) {
          other.foreignKeys = other.foreignKeys.map((f) =>
            f.refSchema === schema && f.refTable === op.from ? { ...f, refTable: op.to } : f,
          );
        }
        break;
      }
      case 'addColumn': {
        const t = getTable(op.table);
        if (t.columns.some((c) => c.name === op.column.name)) fail(`column ${op.column.name} exists`);
        assertType(op.column.type);
        t.columns = [...t.columns, op.column];
        break;
      }
      case 'dropColumn': {
        const t = getTable(op.table);
        if (!deepEqual(getColumn(t, op.column.name), op.column)) fail(`stale pre-image of column ${op.column.name}`);
        const name = op.column.name;
        const used = [
          ...(t.primaryKey?.columns ?? []),
          ...t.uniques.flatMap((u) => u.columns),
          ...t.foreignKeys.flatMap((f) => f.columns),
        ];
        if (used.includes(name)) fail(`column ${t.name}.${name} is used by a constraint`);
        if (dependents(t.name, [name]).length > 0) fail(`column ${t.name}.${name} is referenced`);
        t.columns = t.columns.filter((c) => c.name !== name);
        break;
      }
      case 'renameColumn': {
        const t = getTable(op.table);
        getColumn(t, op.from);
        if (t.columns.some((c) => c.name === op.to)) fail(`column ${op.to} exists`);
        renameColumnEverywhere(op.table, op.from, op.to);
        break;
      }
      case 'alterColumnType': {
        const t = getTable(op.table);
        if (getColumn(t, op.column).type !== op.from) fail(`type of ${op.table}.${op.column} is not ${op.from}`);
        assertType(op.to);
        setColumn(t, op.column, { type: op.to });
        break;
      }
      case 'alterColumnNullability': {
        const t = getTable(op.table);
        if (getColumn(t, op.column).notNull === op.notNull) fail(`nullability of ${op.column} already as asked`);
        setColumn(t, op.column, { notNull: op.notNull });
        break;
      }
      case 'alterColumnDefault': {
        const t = getTable(op.table);
        const c = getColumn(t, op.column);
        if (c.default !== op.from) fail(`default of ${op.table}.${op.column} is ${String(c.default)}, not ${String(op.from)}`);
        if (op.to !== null && c.identity !== null) fail(`identity column ${op.column} cannot have a default`);
        setColumn(t, op.column, { default: op.to });
        break;
      }
      case 'alterColumnIdentity': {
        const t = getTable(op.table);
        const c = getColumn(t, op.column);
        if (c.identity !== op.from) fail(`identity of ${op.column} is ${String(c.identity)}`);
        if (op.from === null && (!c.notNull || c.default !== null)) fail(`column ${op.column} must be NOT NULL without default`);
        setColumn(t, op.column, { identity: op.to });
        break;
      }
      case 'addPrimaryKey': {
        const t = getTable(op.table);
        if (t.primaryKey !== null) fail(`table ${t.name} has a primary key`);
        op.primaryKey.columns.forEach((c) => getColumn(t, c));
        t.primaryKey = op.primaryKey;
        break;
      }
      case 'dropPrimaryKey': {
        const t = getTable(op.table);
        if (!deepEqual(t.primaryKey, op.primaryKey)) fail(`stale pre-image of primary key of ${t.name}`);
        const deps = dependents(t.name, op.primaryKey.columns);
        if (deps.length > 0) fail(`primary key of ${t.name} is needed by ${deps.join(', ')}`);
        t.primaryKey = null;
        break;
      }
      case 'addUnique': {
        const t = getTable(op.table);
        if (constraintNames(t).includes(op.unique.name)) fail(`constraint ${op.unique.name} exists`);
        op.unique.columns.forEach((c) => getColumn(t, c));
        t.uniques = [...t.uniques, op.unique];
        break;
      }
      case 'dropUnique': {
        const t = getTable(op.table);
        const current = t.uniques.find((u) => u.name === op.unique.name);
        if (!deepEqual(current, op.unique)) fail(`stale pre-image of unique ${op.unique.name}`);
        const others = t.uniques.filter((u) => u.name !== op.unique.name);
        const stillKeyed =
          others.some((u) => sameSet(u.columns, op.unique.columns)) ||
          (t.primaryKey !== null && sameSet(t.primaryKey.columns, op.unique.columns));
        const deps = dependents(t.name, op.unique.columns);
        if (!stillKeyed && deps.length > 0) fail(`unique ${op.unique.name} is needed by ${deps.join(', ')}`);
        t.uniques = others;
        break;
      }
      case 'addForeignKey': {
        const t = getTable(op.table);
        if (constraintNames(t).includes(op.foreignKey.name)) fail(`constraint ${op.foreignKey.name} exists`);
        op.foreignKey.columns.forEach((c) => getColumn(t, c));
        assertForeignKeyTarget(op.foreignKey.refSchema, op.foreignKey.refTable, op.foreignKey.refColumns);
        t.foreignKeys = [...t.foreignKeys, op.foreignKey];
        break;
      }
      case 'dropForeignKey': {
        const t = getTable(op.table);
        const current = t.foreignKeys.find((f) => f.name === op.foreignKey.name);
        if (!deepEqual(current, op.foreignKey)) fail(`stale pre-image of foreign key ${op.foreignKey.name}`);
        t.foreignKeys = t.foreignKeys.filter((f) => f.name !== op.foreignKey.name);
        break;
      }
      case 'addCheck': {
        const t = getTable(op.table);
        if (constraintNames(t).includes(op.check.name)) fail(`constraint ${op.check.name} exists`);
        t.checks = [...t.checks, op.check];
        break;
      }
      case 'dropCheck': {
        const t = getTable(op.table);
        if (!deepEqual(t.checks.find((c) => c.name === op.check.name), op.check)) fail(`stale check ${op.check.name}`);
        t.checks = t.checks.filter((c) => c.name !== op.check.name);
        break;
      }
      case 'renameConstraint': {
        const t = getTable(op.table);
        if (!constraintNames(t).includes(op.from)) fail(`no constraint ${op.from}`);
        if (constraintNames(t).includes(op.to)) fail(`constraint ${op.to} exists`);
        const rn = <T extends { readonly name: string }>(x: T): T => (x.name === op.from ? { ...x, name: op.to } : x);
        if (t.primaryKey !== null) t.primaryKey = rn(t.primaryKey);
        t.uniques = t.uniques.map(rn);
        t.checks = t.checks.map(rn);
        t.foreignKeys = t.foreignKeys.map(rn);
        break;
      }
      case 'createIndex': {
        const t = getTable(op.table);
        if ([...tables.values()].some((o) => o.indexes.some((i) => i.name === op.index.name))) fail(`index ${op.index.name} exists`);
        t.indexes = [...t.indexes, op.index];
        break;
      }
      case 'dropIndex': {
        const t = getTable(op.table);
        if (!deepEqual(t.indexes.find((i) => i.name === op.index.name), op.index)) fail(`stale index ${op.index.name}`);
        t.indexes = t.indexes.filter((i) => i.name !== op.index.name);
        break;
      }
      case 'renameIndex': {
        const t = getTable(op.table);
        if (!t.indexes.some((i) => i.name === op.from)) fail(`no index ${op.from}`);
        t.indexes = t.indexes.map((i) => (i.name === op.from ? { ...i, name: op.to } : i));
        break;
      }
      case 'createEnum':
        if (enums.has(op.enum.name)) fail(`enum ${op.enum.name} exists`);
        enums.set(op.enum.name, op.enum);
        break;
      case 'dropEnum': {
        if (!deepEqual(enums.get(op.enum.name), op.enum)) fail(`stale enum ${op.enum.name}`);
        const users = columnsUsing(op.enum.name);
        if (users.length > 0) fail(`enum ${op.enum.name} is used by ${users.join(', ')}`);
        enums.delete(op.enum.name);
        break;
      }
      case 'addEnumValue': {
        const current = enums.get(op.enumName) ?? fail(`no enum ${op.enumName}`);
        if (!deepEqual(current.values, op.values)) fail(`labels of ${op.enumName} are not ${op.values.join(',')}`);
        const at = op.before === null ? op.values.length : op.values.indexOf(op.before);
        if (at === -1) fail(`no label ${String(op.before)}`);
        enums.set(op.enumName, { ...current, values: [...op.values.slice(0, at), op.value, ...op.values.slice(at)] });
        break;
      }
      case 'dropEnumValue': {
        const current = enums.get(op.enumName) ?? fail(`no enum ${op.enumName}`);
        const at = op.before === null ? op.values.length : op.values.indexOf(op.before);
        const expected = [...op.values.slice(0, at), op.value, ...op.values.slice(at)];
        if (!deepEqual(current.values, expected)) fail(`labels of ${op.enumName} are not ${expected.join(',')}`);
        checkUsages(op.enumName, op.usages);
        // the rebuild drops and re-creates these: they must be there as recorded
        for (const { table, check } of op.dependents.checks) {
          if (!deepEqual(getTable(table).checks.find((c) => c.name === check.name), check)) fail(`stale dependent check ${check.name}`);
        }
        for (const { table, index } of op.dependents.indexes) {
          if (!deepEqual(getTable(table).indexes.find((i) => i.name === index.name), index)) fail(`stale dependent index ${index.name}`);
        }
        enums.set(op.enumName, { ...current, values: op.values });
        break;
      }
      case 'replaceEnum': {
        const current = enums.get(op.enumName) ?? fail(`no enum ${op.enumName}`);
        if (!deepEqual(current.values, op.from)) fail(`labels of ${op.enumName} are not ${op.from.join(',')}`);
        checkUsages(op.enumName, op.usages);
        enums.set(op.enumName, { ...current, values: op.to });
        break;
      }
      case 'setTableComment': {
        const t = getTable(op.table);
        if (t.comment !== op.from) fail(`comment of ${t.name} is not ${String(op.from)}`);
        t.comment = op.to;
        break;
      }
      case 'setColumnComment': {
        const t = getTable(op.table);
        if (getColumn(t, op.column).comment !== op.from) fail(`comment of ${op.column} is not ${String(op.from)}`);
        setColumn(t, op.column, { comment: op.to });
        break;
      }
      case 'addExclusion': {
        const t = getTable(op.table);
        if (constraintNames(t).includes(op.exclusion.name)) fail(`constraint ${op.exclusion.name} exists`);
        t.exclusions = [...(t.exclusions ?? []), op.exclusion];
        break;
      }
      case 'dropExclusion': {
        const t = getTable(op.table);
        if (!deepEqual(t.exclusions?.find((x) => x.name === op.exclusion.name), op.exclusion)) fail(`stale exclusion ${op.exclusion.name}`);
        const rest = (t.exclusions ?? []).filter((x) => x.name !== op.exclusion.name);
        if (rest.length === 0) delete t.exclusions;
        else t.exclusions = rest;
        break;
      }
      case 'validateConstraint':
      case 'invalidateConstraint': {
        const t = getTable(op.table);
        const validated = op.kind === 'validateConstraint';
        const strip = <T extends { readonly notValid?: true }>(item: T): T => {
          const { notValid: _notValid, ...rest } = item;
          return (validated ? rest : { ...rest, notValid: true }) as T;
        };
        if (op.constraint.kind === 'check') {
          const check = op.constraint.check;
          if (!t.checks.some((c) => c.name === check.name)) fail(`no check ${check.name}`);
          t.checks = t.checks.map((c) => (c.name === check.name ? strip(check) : c));
        } else {
          const fk = op.constraint.foreignKey;
          t.foreignKeys = t.foreignKeys.map((f) => (f.name === fk.name ? strip(fk) : f));
        }
        break;
      }
      case 'setTableLogging': {
        const t = getTable(op.table);
        if ((t.unlogged === true) === op.unlogged) fail(`table ${t.name} is already ${op.unlogged ? 'unlogged' : 'logged'}`);
        if (op.unlogged) t.unlogged = true;
        else delete t.unlogged;
        break;
      }
      case 'setTableStorage': {
        const t = getTable(op.table);
        if (!deepEqual(t.with ?? null, op.from)) fail(`storage of ${t.name} is not as recorded`);
        if (op.to === null) delete t.with;
        else t.with = op.to;
        break;
      }
      case 'setRowSecurity': {
        const t = getTable(op.table);
        if (!deepEqual({ enabled: t.rowSecurity === true, forced: t.forceRowSecurity === true }, op.from)) fail(`row security of ${t.name} is not as recorded`);
        if (op.to.enabled) t.rowSecurity = true;
        else delete t.rowSecurity;
        if (op.to.forced) t.forceRowSecurity = true;
        else delete t.forceRowSecurity;
        break;
      }
      case 'createPolicy': {
        const t = getTable(op.table);
        if ((t.policies ?? []).some((p) => p.name === op.policy.name)) fail(`policy ${op.policy.name} exists`);
        t.policies = [...(t.policies ?? []), op.policy];
        break;
      }
      case 'dropPolicy': {
        const t = getTable(op.table);
        if (!deepEqual(t.policies?.find((p) => p.name === op.policy.name), op.policy)) fail(`stale policy ${op.policy.name}`);
        const rest = (t.policies ?? []).filter((p) => p.name !== op.policy.name);
        if (rest.length === 0) delete t.policies;
        else t.policies = rest;
        break;
      }
      case 'alterColumnGenerated': {
        const t = getTable(op.table);
        if (!deepEqual(getColumn(t, op.from.name), op.from)) fail(`stale pre-image of column ${op.from.name}`);
        if (op.from.generated !== undefined && op.to.generated === undefined) {
          const { generated: _generated, ...plain } = getColumn(t, op.from.name);
          t.columns = t.columns.map((c) => (c.name === op.from.name ? plain : c));
        } else {
          t.columns = [...t.columns.filter((c) => c.name !== op.from.name), op.to];
        }
        break;
      }
      case 'alterIdentityOptions': {
        const t = getTable(op.table);
        const c = getColumn(t, op.column);
        if (!deepEqual(c.identityOptions ?? null, op.from)) fail(`identity options of ${op.column} are not as recorded`);
        if (c.identity === null) fail(`column ${op.column} is no identity`);
        const { identityOptions: _options, ...rest } = c;
        t.columns = t.columns.map((x) => (x.name === op.column ? (op.to === null ? rest : { ...rest, identityOptions: op.to }) : x));
        break;
      }
      case 'alterColumnCollation': {
        const t = getTable(op.table);
        const c = getColumn(t, op.column);
        if ((c.collation ?? null) !== op.from) fail(`collation of ${op.column} is not ${String(op.from)}`);
        if (c.type !== op.type) fail(`type of ${op.column} is not ${op.type}`);
        const { collation: _collation, ...rest } = c;
        t.columns = t.columns.map((x) => (x.name === op.column ? (op.to === null ? rest : { ...rest, collation: op.to }) : x));
        break;
      }
      default: {
        const never: never = op;
        fail(`unknown ${JSON.stringify(never)}`);
      }
    }
  }
  return normalize({ name: schema, tables: [...tables.values()], enums: [...enums.values()] });
}
