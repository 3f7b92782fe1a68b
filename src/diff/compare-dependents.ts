/**
 * Dependency-aware migrations: what `pg_depend` says uses a changed column is dropped before the
 * change and created again after it, and views are ordered by how they read each other.
 */
import { RefusedError } from '../errors.js';
import type { Operation } from '../ops/operation.js';
import type { DependencyState, TriggerState, ViewState } from '../schema/object-types.js';
import type { SchemaState } from '../schema/types.js';
import { compareNames } from '../schema/compare-names.js';
import { columnKey } from './compare-context.js';
import { deepEqual } from './differences.js';

/** The columns and tables that `ops` change in a way dependents must be out of the way for. */
function touched(ops: readonly Operation[]): { columns: Set<string>; tables: Set<string> } {
  const columns = new Set<string>();
  const tables = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'alterColumnType') columns.add(columnKey(op.table, op.column));
    else if (op.kind === 'dropColumn') columns.add(columnKey(op.table, op.column.name));
    else if (op.kind === 'dropTable') tables.add(op.table.name);
  }
  return { columns, tables };
}

function hits(d: DependencyState, columns: ReadonlySet<string>, tables: ReadonlySet<string>): boolean {
  return tables.has(d.table) || (d.column !== null && columns.has(columnKey(d.table, d.column)));
}

/**
 * `ops` with the views and triggers that use a column whose type changes (or that is dropped)
 * dropped before and created again after, as the model has them, when the model keeps them
 * unchanged (changed or removed ones are dropped by the comparison already); views reading a view
 * that is dropped come along. A view or trigger of another schema using such a column or table
 * cannot be re-created by this schema's migration: the change is refused, naming it.
 *
 * @throws RefusedError naming the dependent object of another schema.
 * @example
 * aroundDependents(live, model, [{ kind: 'alterColumnType', table: 'film', column: 'length', ... }])
 * // => [...ops, { kind: 'dropView', view: filmList }, { kind: 'createView', view: filmList }]
 */
export function aroundDependents(live: SchemaState, to: SchemaState, ops: readonly Operation[]): Operation[] {
  const dependencies = live.dependencies ?? [];
  const { columns, tables } = touched(ops);
  const external = dependencies.find((d) => d.schema !== live.name && hits(d, columns, tables));
  if (external !== undefined) {
    const what = external.column === null ? `${live.name}.${external.table}` : `${live.name}.${external.table}.${external.column}`;
    throw new RefusedError(`${external.kind} ${external.schema}.${external.name} of another schema uses ${what}, which this change alters or drops`, {
      hint: `drop ${external.schema}.${external.name} in a migration of schema ${external.schema} first, and create it again after this one`,
    });
  }
  const result = [...ops];
  const droppedViews = new Set(ops.flatMap((op) => (op.kind === 'dropView' ? [op.view.name] : [])));
  const droppedTriggers = new Set(ops.flatMap((op) => (op.kind === 'dropTrigger' ? [op.trigger.name] : [])));
  const views = new Map<string, ViewState>((live.views ?? []).map((v) => [v.name, v]));
  const toViews = new Map<string, ViewState>((to.views ?? []).map((v) => [v.name, v]));
  const own = dependencies.filter((d) => d.schema === live.name);
  // Views first, to a fixed point: a view reading a view that goes goes too.
  const gone = new Set(droppedViews);
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of own) {
      if (d.kind !== 'view' || gone.has(d.name) || !views.has(d.name)) continue;
      if (hits(d, columns, tables) || gone.has(d.table)) {
        gone.add(d.name);
        changed = true;
      }
    }
  }
  for (const name of [...gone].sort(compareNames)) {
    if (droppedViews.has(name)) continue;
    const before = views.get(name);
    const after = toViews.get(name);
    if (before === undefined || after === undefined || !deepEqual(before, after)) continue;
    result.push({ kind: 'dropView', view: before }, { kind: 'createView', view: after });
  }
  const triggers = new Map<string, TriggerState>((live.triggers ?? []).map((t) => [t.name, t]));
  const toTriggers = new Map<string, TriggerState>((to.triggers ?? []).map((t) => [t.name, t]));
  const triggerNames = new Set(own.filter((d) => d.kind === 'trigger' && !tables.has(d.table) && hits(d, columns, tables)).map((d) => d.name));
  for (const name of [...triggerNames].sort(compareNames)) {
    const before = triggers.get(name);
    const after = toTriggers.get(name);
    if (droppedTriggers.has(name) || before === undefined || after === undefined || !deepEqual(before, after)) continue;
    result.push({ kind: 'dropTrigger', trigger: before }, { kind: 'createTrigger', trigger: after });
  }
  return withViewLevels(live, to, result);
}

/** Level of each view of `state` (see `CreateView.level`), from its dependencies. */
function viewLevels(state: SchemaState): Map<string, number> {
  const viewNames = new Set((state.views ?? []).map((v) => v.name));
  const reads = new Map<string, string[]>();
  for (const d of state.dependencies ?? []) {
    if (d.schema !== state.name || d.kind !== 'view' || !viewNames.has(d.table) || d.table === d.name) continue;
    reads.set(d.name, [...(reads.get(d.name) ?? []), d.table]);
  }
  const levels = new Map<string, number>();
  const level = (name: string, seen: ReadonlySet<string>): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    const deeper = (reads.get(name) ?? []).filter((r) => !seen.has(r)).map((r) => level(r, new Set([...seen, name])) + 1);
    const value = Math.max(0, ...deeper);
    levels.set(name, value);
    return value;
  };
  for (const name of viewNames) level(name, new Set());
  return levels;
}

/** `ops` with the level of each created (from `to`) and dropped (from `live`) view set. */
function withViewLevels(live: SchemaState, to: SchemaState, ops: readonly Operation[]): Operation[] {
  const before = viewLevels(live);
  const after = viewLevels(to);
  return ops.map((op) => {
    const level = op.kind === 'dropView' ? before.get(op.view.name) : op.kind === 'createView' ? after.get(op.view.name) : undefined;
    return level === undefined || level === 0 || (op.kind !== 'dropView' && op.kind !== 'createView') ? op : { ...op, level };
  });
}
