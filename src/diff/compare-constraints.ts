/**
 * Constraints of a table present on both sides: primary key, uniques, checks and foreign keys.
 * A changed constraint is dropped and added again; one whose definition is unchanged but whose
 * name differs (as after a table rename, where Postgres keeps `countries_pkey`) is renamed.
 */
import type { Operation, ValidatableConstraint } from '../ops/operation.js';
import type { ForeignKeyState, SchemaState, TableState } from '../schema/types.js';
import type { CompareContext } from './compare-context.js';
import { deepEqual, differences, pairRenamed } from './differences.js';

function withoutName<T extends { readonly name: string }>(item: T): Omit<T, 'name'> {
  const { name: _name, ...rest } = item;
  return rest;
}

function sameDefinition<T extends { readonly name: string }>(a: T, b: T): boolean {
  return deepEqual(withoutName(a), withoutName(b));
}

/**
 * Compares one kind of named constraint and appends renames, drops and adds to `ops`.
 */
function compareNamed<T extends { readonly name: string }>(
  ops: Operation[],
  table: string,
  from: readonly T[],
  to: readonly T[],
  drop: (item: T) => Operation,
  add: (item: T) => Operation,
): void {
  const split = differences(from, to);
  const paired = pairRenamed(split.removed, split.added, sameDefinition);
  for (const { from: before, to: after } of paired.renamed) {
    ops.push({ kind: 'renameConstraint', table, from: before.name, to: after.name });
  }
  for (const item of paired.removed) ops.push(drop(item));
  for (const { from: before } of split.modified) ops.push(drop(before));
  for (const { to: after } of split.modified) ops.push(add(after));
  for (const item of paired.added) ops.push(add(item));
}

/**
 * The constraint operations turning table `from` into table `to` (same name; renames applied).
 *
 * @example
 * compareConstraints(liveCountries, modelCountries)
 * // => [{ kind: 'addUnique', table: 'countries', unique: { name: 'countries_name_key', columns: ['name'] } }]
 */
export function compareConstraints(from: TableState, to: TableState): Operation[] {
  const table = to.name;
  const ops: Operation[] = [];
  compareNamed(
    ops,
    table,
    from.primaryKey === null ? [] : [from.primaryKey],
    to.primaryKey === null ? [] : [to.primaryKey],
    (primaryKey) => ({ kind: 'dropPrimaryKey', table, primaryKey }),
    (primaryKey) => ({ kind: 'addPrimaryKey', table, primaryKey }),
  );
  compareNamed(
    ops,
    table,
    from.uniques,
    to.uniques,
    (unique) => ({ kind: 'dropUnique', table, unique }),
    (unique) => ({ kind: 'addUnique', table, unique }),
  );
  const checks = compareValidity(ops, table, from.checks, to.checks, (check) => ({ kind: 'check', check }));
  compareNamed(
    ops,
    table,
    checks,
    to.checks,
    (check) => ({ kind: 'dropCheck', table, check }),
    (check) => ({ kind: 'addCheck', table, check }),
  );
  compareNamed(
    ops,
    table,
    from.exclusions ?? [],
    to.exclusions ?? [],
    (exclusion) => ({ kind: 'dropExclusion', table, exclusion }),
    (exclusion) => ({ kind: 'addExclusion', table, exclusion }),
  );
  const foreignKeys = compareValidity(ops, table, from.foreignKeys, to.foreignKeys, (foreignKey) => ({ kind: 'foreignKey', foreignKey }));
  compareNamed(
    ops,
    table,
    foreignKeys,
    to.foreignKeys,
    (foreignKey) => ({ kind: 'dropForeignKey', table, foreignKey }),
    (foreignKey) => ({ kind: 'addForeignKey', table, foreignKey }),
  );
  return ops;
}

/**
 * Checks or foreign keys of the same name that differ only in being NOT VALID: validated
 * (`VALIDATE CONSTRAINT`) or made NOT VALID again, rather than dropped and added. Appends those
 * operations to `ops` and returns `from` with these constraints as they will be, for the rest of
 * the comparison.
 */
function compareValidity<T extends { readonly name: string; readonly notValid?: true }>(
  ops: Operation[],
  table: string,
  from: readonly T[],
  to: readonly T[],
  wrap: (item: T) => ValidatableConstraint,
): T[] {
  const targets = new Map(to.map((item) => [item.name, item]));
  return from.map((before) => {
    const after = targets.get(before.name);
    if (after === undefined || before.notValid === after.notValid) return before;
    const { notValid: _before, ...beforeRest } = before;
    const { notValid: _after, ...afterRest } = after;
    if (!deepEqual(beforeRest, afterRest)) return before;
    if (before.notValid === true) ops.push({ kind: 'validateConstraint', table, constraint: wrap(before) });
    else ops.push({ kind: 'invalidateConstraint', table, constraint: wrap(after) });
    return after;
  });
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/**
 * Foreign keys that must be dropped and added again because `ops` drop the primary key or unique
 * constraint they rest on (Postgres refuses to drop a key a foreign key needs). Covers foreign keys
 * that are otherwise unchanged or only renamed; the rename, if any, is replaced by the drop and add.
 * Returns the operations to use instead of `ops`.
 */
export function rebuildDependentForeignKeys(
  live: SchemaState,
  to: SchemaState,
  ops: readonly Operation[],
  context: CompareContext,
): Operation[] {
  const droppedKeys: { readonly table: string; readonly columns: readonly string[] }[] = [];
  const droppedForeignKeys = new Set<string>();
  const renamedConstraints = new Map<string, string>();
  for (const op of ops) {
    if (op.kind === 'dropPrimaryKey') droppedKeys.push({ table: op.table, columns: op.primaryKey.columns });
    if (op.kind === 'dropUnique') droppedKeys.push({ table: op.table, columns: op.unique.columns });
    if (op.kind === 'dropForeignKey') droppedForeignKeys.add(`${op.table}\u0000${op.foreignKey.name}`);
    if (op.kind === 'renameConstraint') renamedConstraints.set(`${op.table}\u0000${op.from}`, op.to);
  }
  if (droppedKeys.length === 0) return [...ops];

  const toTables = new Map(to.tables.map((table) => [table.name, table]));
  const rebuilt = new Set<string>();
  const extra: Operation[] = [];
  for (const table of live.tables) {
    const target = toTables.get(table.name);
    if (target === undefined) continue;
    for (const foreignKey of table.foreignKeys) {
      const key = `${table.name}\u0000${foreignKey.name}`;
      if (droppedForeignKeys.has(key) || foreignKey.refSchema !== context.schema) continue;
      const restsOnDroppedKey = droppedKeys.some(
        (dropped) => dropped.table === foreignKey.refTable && sameColumns(dropped.columns, foreignKey.refColumns),
      );
      if (!restsOnDroppedKey) continue;
      const newName = renamedConstraints.get(key) ?? foreignKey.name;
      const after: ForeignKeyState | undefined = target.foreignKeys.find((fk) => fk.name === newName);
      if (after === undefined) continue;
      rebuilt.add(key);
      extra.push({ kind: 'dropForeignKey', table: table.name, foreignKey });
      extra.push({ kind: 'addForeignKey', table: table.name, foreignKey: after });
    }
  }
  const kept = ops.filter((op) => !(op.kind === 'renameConstraint' && rebuilt.has(`${op.table}\u0000${op.from}`)));
  return [...kept, ...extra];
}
