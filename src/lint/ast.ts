/**
 * Small readers over the Postgres parse tree (libpg-query's JSON): which kind a node is, the names
 * and types it holds. Only types are imported from libpg-query, so this module loads nothing.
 */
import type { Node, RangeVar, TypeName } from 'libpg-query';
import type { TableRef } from './types.js';

type Unwrapped<K extends string> = Node extends infer N ? (N extends Record<K, infer B> ? B : never) : never;

/** The body of `node` when it is of kind `kind` (`'AlterTableStmt'`, ...), else undefined. */
export function nodeOf<K extends string>(node: Node | undefined, kind: K): Unwrapped<K> | undefined {
  if (node === undefined) return undefined;
  return (node as Record<string, unknown>)[kind] as Unwrapped<K> | undefined;
}

/** The kind of a node (its only key). */
export function kindOf(node: Node): string {
  return Object.keys(node)[0] ?? '';
}

/** The text of `String` nodes (names are lists of them). */
export function names(list: readonly Node[] | undefined): string[] {
  return (list ?? []).flatMap((item) => {
    const s = nodeOf(item, 'String');
    return s?.sval === undefined ? [] : [s.sval];
  });
}

/** The table a `RangeVar` names. */
export function tableRef(relation: RangeVar | undefined): TableRef | undefined {
  if (relation?.relname === undefined) return undefined;
  return { schema: relation.schemaname ?? null, name: relation.relname };
}

/** `schema.table` with the unqualified schema resolved: the key of {@link MigrationState} sets. */
export function tableKey(defaultSchema: string, ref: TableRef): string {
  return `${ref.schema ?? defaultSchema}.${ref.name}`;
}

/** A type as written, normalised: name without `pg_catalog.`, and its modifiers (`varchar(20)` → `{ name: 'varchar', mods: [20] }`). */
export interface SimpleType {
  readonly name: string;
  readonly mods: readonly number[];
  readonly array: boolean;
}

/** Reads a `TypeName` node. Modifiers that are not integer constants are dropped. */
export function simpleType(type: TypeName | undefined): SimpleType | undefined {
  if (type === undefined) return undefined;
  const parts = names(type.names);
  const name = parts.length === 2 && parts[0] === 'pg_catalog' ? (parts[1] as string) : parts.join('.');
  const mods = (type.typmods ?? []).flatMap((mod) => {
    const value = nodeOf(mod, 'A_Const')?.ival?.ival;
    return value === undefined ? (nodeOf(mod, 'A_Const')?.ival !== undefined ? [0] : []) : [value];
  });
  return { name, mods, array: (type.arrayBounds ?? []).length > 0 };
}

/** The type as one string, for messages and for the column-type map (`varchar(20)`, `int4[]`). */
export function typeText(type: SimpleType): string {
  return `${type.name}${type.mods.length > 0 ? `(${type.mods.join(',')})` : ''}${type.array ? '[]' : ''}`;
}

/** Calls `visit` on every node of the tree (depth first). */
export function walk(value: unknown, visit: (kind: string, body: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, body] of Object.entries(value)) {
    if (typeof body === 'object' && body !== null && !Array.isArray(body) && /^[A-Z]/.test(key)) {
      visit(key, body as Record<string, unknown>);
    }
    walk(body, visit);
  }
}
