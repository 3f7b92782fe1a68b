/**
 * What several rules read from a statement: the commands of an `ALTER TABLE`, the columns of a
 * `CREATE TABLE`, the tables a statement locks.
 */
import type { AlterTableCmd, ColumnDef, Constraint } from 'libpg-query';
import { names, nodeOf, tableRef } from '../ast.js';
import type { LintStatement, TableRef } from '../types.js';

/** Memoises a reader per statement: every rule asks the same questions of each statement. */
export function perStatement<T>(read: (statement: LintStatement) => T): (statement: LintStatement) => T {
  const cache = new WeakMap<LintStatement, { value: T }>();
  return (statement) => {
    let hit = cache.get(statement);
    if (hit === undefined) cache.set(statement, (hit = { value: read(statement) }));
    return hit.value;
  };
}

/** The commands of an `ALTER TABLE` (not of `ALTER INDEX`, `ALTER VIEW`, ...), with the table. */
export const alterTable = perStatement(readAlterTable);

function readAlterTable(statement: LintStatement): { readonly table: TableRef; readonly commands: AlterTableCmd[] } | undefined {
  const alter = nodeOf(statement.node, 'AlterTableStmt');
  if (alter === undefined || alter.objtype !== 'OBJECT_TABLE') return undefined;
  const table = tableRef(alter.relation);
  if (table === undefined) return undefined;
  return { table, commands: (alter.cmds ?? []).flatMap((cmd) => nodeOf(cmd, 'AlterTableCmd') ?? []) };
}

/** The constraint added by an `ADD CONSTRAINT` command, if that is what it is. */
export function addedConstraint(command: AlterTableCmd): Constraint | undefined {
  return command.subtype === 'AT_AddConstraint' ? nodeOf(command.def, 'Constraint') : undefined;
}

/** The column definitions of a `CREATE TABLE` or of `ADD COLUMN` commands. */
export const columnDefinitions = perStatement(readColumnDefinitions);

function readColumnDefinitions(statement: LintStatement): { readonly table: TableRef; readonly columns: ColumnDef[]; readonly created: boolean } | undefined {
  const create = nodeOf(statement.node, 'CreateStmt');
  if (create !== undefined) {
    const table = tableRef(create.relation);
    if (table === undefined) return undefined;
    return { table, columns: (create.tableElts ?? []).flatMap((e) => nodeOf(e, 'ColumnDef') ?? []), created: true };
  }
  const alter = alterTable(statement);
  if (alter === undefined) return undefined;
  const columns = alter.commands.flatMap((cmd) => (cmd.subtype === 'AT_AddColumn' ? (nodeOf(cmd.def, 'ColumnDef') ?? []) : []));
  return { table: alter.table, columns, created: false };
}

/** The column constraints of a column definition. */
export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c) => nodeOf(c, 'Constraint') ?? []);
}

/** The names of a `DROP` statement's objects (`[schema, table]` lists, or a bare name). */
export function droppedNames(statement: LintStatement, removeType: string): string[][] {
  if (!('DropStmt' in statement.node)) return [];
  const drop = nodeOf(statement.node, 'DropStmt');
  if (drop === undefined || drop.removeType !== removeType) return [];
  return (drop.objects ?? []).map((object) => {
    const list = nodeOf(object, 'List');
    if (list !== undefined) return names(list.items);
    const single = nodeOf(object, 'String')?.sval;
    return single === undefined ? [] : [single];
  });
}

/** A dotted name list as a table reference (`['s', 't']` or `['t']`). */
export function refFromNames(parts: readonly string[]): TableRef | undefined {
  const name = parts.at(-1);
  if (name === undefined) return undefined;
  return { schema: parts.length > 1 ? (parts.at(-2) as string) : null, name };
}

/** The SQL name of a table, as it would be written (`"s"."t"` only when needed is left to the reader: plain here). */
export function shownTable(table: TableRef): string {
  return table.schema === null ? table.name : `${table.schema}.${table.name}`;
}

/**
 * The tables a statement takes a strong lock on (blocking writes, or reads and writes), for the
 * lock-timeout rule. Concurrent index builds and drops are left out: they wait without blocking.
 */
export const lockedTables = perStatement(readLockedTables);

function readLockedTables(statement: LintStatement): TableRef[] {
  const { node } = statement;
  const alter = alterTable(statement);
  if (alter !== undefined) return [alter.table];
  const index = nodeOf(node, 'IndexStmt');
  if (index !== undefined) return index.concurrent === true ? [] : [tableRef(index.relation)].flatMap((t) => t ?? []);
  const rename = nodeOf(node, 'RenameStmt');
  if (rename !== undefined) return [tableRef(rename.relation)].flatMap((t) => t ?? []);
  const truncate = nodeOf(node, 'TruncateStmt');
  if (truncate !== undefined) return (truncate.relations ?? []).flatMap((r) => tableRef(nodeOf(r, 'RangeVar')) ?? []);
  const trigger = nodeOf(node, 'CreateTrigStmt');
  if (trigger !== undefined) return [tableRef(trigger.relation)].flatMap((t) => t ?? []);
  return droppedNames(statement, 'OBJECT_TABLE').flatMap((parts) => refFromNames(parts) ?? []);
}

/** The serial pseudo-types: an integer column with a sequence default (`nextval`). */
export const SERIAL_TYPES: ReadonlySet<string> = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
