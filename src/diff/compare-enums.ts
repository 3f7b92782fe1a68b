/**
 * Enum types of the schema: created, dropped, and labels changed.
 *
 * Labels only added (the old labels keep their order) become `ALTER TYPE ... ADD VALUE`
 * operations. Anything else (a label removed, labels reordered) becomes a `replaceEnum`, a rebuild
 * of the type that re-casts every column using it.
 */
import type { EnumDependents, EnumUsage, Operation, TableCheck, TableIndex } from '../ops/operation.js';
import type { EnumState, SchemaState } from '../schema/types.js';
import { columnKey } from './compare-context.js';
import { differences, type Differences } from './differences.js';
import { compareNames } from '../schema/compare-names.js';
import { printIdentifier } from '../sql/print-identifier.js';
import { enumTypeUse, leavesChangingEnum } from '../ops/enum-type-use.js';
import { quoteIdent } from '../sql/quote.js';
import { deepEqual } from './differences.js';

/** The columns an enum change must re-cast, per enum, and all of them as a set of column keys. */
export interface EnumColumns {
  readonly usages: ReadonlyMap<string, readonly EnumUsage[]>;
  readonly columns: ReadonlySet<string>;
}

/**
 * The columns using each of `enumNames` (the enums whose labels change) at the moment enum
 * changes run (after drops, renames and the type changes of columns leaving these enums, before
 * additions and other type changes): columns of `live` that are still in `to`, except those whose
 * type leaves the enums (see {@link leavesChangingEnum}: `continent` → `text` changes type first,
 * so that a label being removed can stay in it). Each carries its default at that moment: the
 * live one when it does not change, otherwise none (a changing default is dropped before the
 * enum change and set after it).
 *
 * @example
 * enumUsages(live, model, ['continent']).usages.get('continent')
 * // => [{ table: 'countries', column: 'continent', array: false, default: null }]
 */
export function enumUsages(live: SchemaState, to: SchemaState, enumNames: readonly string[]): EnumColumns {
  const usages = new Map<string, EnumUsage[]>(enumNames.map((name) => [name, []]));
  const columns = new Set<string>();
  if (enumNames.length === 0) return { usages, columns };
  const toTables = new Map(to.tables.map((table) => [table.name, table]));
  for (const table of live.tables) {
    const target = toTables.get(table.name);
    if (target === undefined) continue;
    for (const column of table.columns) {
      const after = target.columns.find((c) => c.name === column.name);
      if (after === undefined || leavesChangingEnum(column.type, after.type, enumNames)) continue;
      for (const name of enumNames) {
        const use = enumTypeUse(column.type, name);
        if (use === null) continue;
        usages.get(name)?.push({
          table: table.name,
          column: column.name,
          array: use.array,
          default: column.default === after.default ? column.default : null,
        });
        columns.add(columnKey(table.name, column.name));
      }
    }
  }
  for (const list of usages.values()) {
    list.sort((a, b) => compareNames(a.table, b.table) || compareNames(a.column, b.column));
  }
  return { usages, columns };
}

/** True when `labels` appear in `within` in the same order (other labels may come between). */
function isSubsequence(labels: readonly string[], within: readonly string[]): boolean {
  let next = 0;
  for (const label of within) if (label === labels[next]) next += 1;
  return next === labels.length;
}

/**
 * True when `to` only adds labels to `from` (the old labels keep their order): the change is made
 * in place with `ALTER TYPE ... ADD VALUE`, without rebuilding the type.
 */
export function onlyAddsLabels(from: EnumState, to: EnumState): boolean {
  return isSubsequence(from.values, to.values) && new Set(to.values).size === to.values.length;
}

const NO_DEPENDENTS: EnumDependents = { checks: [], indexes: [] };

function labelChanges(
  from: EnumState,
  to: EnumState,
  usages: readonly EnumUsage[],
  dependents: EnumDependents,
): Operation[] {
  if (!onlyAddsLabels(from, to)) {
    return [{ kind: 'replaceEnum', enumName: to.name, from: from.values, to: to.values, usages }];
  }
  const ops: Operation[] = [];
  const present = new Set(from.values);
  let current = [...from.values];
  to.values.forEach((value, index) => {
    if (present.has(value)) return;
    // Placed before the next label of the target that is already there; at the end if none.
    const before = to.values.slice(index + 1).find((label) => present.has(label)) ?? null;
    ops.push({ kind: 'addEnumValue', enumName: to.name, value, before, values: current, usages, dependents });
    const at = before === null ? current.length : current.indexOf(before);
    current = [...current.slice(0, at), value, ...current.slice(at)];
  });
  return ops;
}

/**
 * The enum operations turning the enums of `live` into those of `to`. `dependents` holds, for each
 * enum that only gains labels, its checks and indexes (see {@link enumDependentStates}): recorded on
 * its `addEnumValue` operations for their reverse, which rebuilds the type.
 *
 * @example
 * compareEnums(split, usages, dependents)
 * // => [{ kind: 'addEnumValue', enumName: 'continent', value: 'Africa', before: null, values: ['Asia', 'Europe'], usages: [...], dependents: {...} }]
 */
export function compareEnums(
  split: Differences<EnumState>,
  columns: EnumColumns,
  dependents: ReadonlyMap<string, EnumDependents> = new Map(),
): Operation[] {
  const ops: Operation[] = [];
  for (const added of split.added) ops.push({ kind: 'createEnum', enum: added });
  for (const removed of split.removed) ops.push({ kind: 'dropEnum', enum: removed });
  for (const { from, to } of split.modified) {
    ops.push(...labelChanges(from, to, columns.usages.get(to.name) ?? [], dependents.get(to.name) ?? NO_DEPENDENTS));
  }
  return ops;
}

/** Splits the enums of two states (a convenience over {@link differences}). */
export function enumDifferences(live: SchemaState, to: SchemaState): Differences<EnumState> {
  return differences(live.enums, to.enums);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Checks and indexes that must be dropped before and created again after a rebuild of one of
 * `enumNames`: those whose expression casts to the enum (`k <> 'Asia'::continent`). Postgres
 * rebuilds them from their text when the column's type changes, and that text then names the
 * old type, so the rebuild would fail. Covers those unchanged by the comparison (changed ones
 * are dropped and added anyway), as they are in `live` (names after renames), by table then name.
 *
 * @example
 * enumDependentStates(live, model, ['continent'])
 * // => { checks: [{ table: 'countries', check: { name: 'not_asia', expression: "(k <> 'Asia'::continent)" } }], indexes: [] }
 */
export function enumDependentStates(live: SchemaState, to: SchemaState, enumNames: readonly string[]): EnumDependents {
  if (enumNames.length === 0) return NO_DEPENDENTS;
  const pattern = new RegExp(
    `::(${enumNames
      .flatMap((name) => [printIdentifier(name), quoteIdent(name)])
      .map(escapeRegExp)
      .join('|')})(?![A-Za-z0-9_$])`,
  );
  const mentions = (text: string | null): boolean => text !== null && pattern.test(text);
  const toTables = new Map(to.tables.map((table) => [table.name, table]));
  const checks: TableCheck[] = [];
  const indexes: TableIndex[] = [];
  for (const table of live.tables) {
    const target = toTables.get(table.name);
    if (target === undefined) continue;
    for (const check of table.checks) {
      const after = target.checks.find((c) => c.name === check.name);
      if (after === undefined || !deepEqual(check, after) || !mentions(check.expression)) continue;
      checks.push({ table: table.name, check });
    }
    for (const index of table.indexes) {
      const after = target.indexes.find((i) => i.name === index.name);
      if (after === undefined || !deepEqual(index, after)) continue;
      if (!index.keys.some(mentions) && !mentions(index.where)) continue;
      indexes.push({ table: table.name, index });
    }
  }
  checks.sort((a, b) => compareNames(a.table, b.table) || compareNames(a.check.name, b.check.name));
  indexes.sort((a, b) => compareNames(a.table, b.table) || compareNames(a.index.name, b.index.name));
  return { checks, indexes };
}

/**
 * The {@link enumDependentStates} of `enumNames` as operations dropping and adding them again,
 * for enums that are rebuilt (`replaceEnum`). Enums that only gain labels need none: adding a
 * label leaves checks and indexes alone (their `addEnumValue` operations keep the dependents for
 * the reverse instead).
 *
 * @example
 * enumDependents(live, model, ['continent'])
 * // => [{ kind: 'dropCheck', ... }, { kind: 'addCheck', ... }]
 */
export function enumDependents(live: SchemaState, to: SchemaState, enumNames: readonly string[]): Operation[] {
  const { checks, indexes } = enumDependentStates(live, to, enumNames);
  return [
    ...checks.flatMap(({ table, check }): Operation[] => [
      { kind: 'dropCheck', table, check },
      { kind: 'addCheck', table, check },
    ]),
    ...indexes.flatMap(({ table, index }): Operation[] => [
      { kind: 'dropIndex', table, index },
      { kind: 'createIndex', table, index },
    ]),
  ];
}
