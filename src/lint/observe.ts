/**
 * What a statement teaches the rules about the statements after it in the same migration: tables
 * created, column types, validated `IS NOT NULL` checks, enum labels added, `lock_timeout` set.
 */
import { names, nodeOf, simpleType, tableKey, tableRef } from './ast.js';
import { alterTable, columnDefinitions } from './rules/support.js';
import type { LintStatement, MigrationState } from './types.js';

/** A fresh state for one migration file; `columnTypes` may be shared by the files of one schema. */
export function newMigrationState(columnTypes: MigrationState['columnTypes'] = new Map()): MigrationState {
  return {
    createdTables: new Set(),
    columnTypes,
    addedEnumLabels: new Set(),
    notNullChecks: new Map(),
    validatedNotNull: new Set(),
    lockTimeoutSet: false,
  };
}

/** Records what `statement` changes, once the rules have looked at it. */
export function observe(statement: LintStatement, schema: string, state: MigrationState): void {
  const { node } = statement;
  const definitions = columnDefinitions(statement);
  if (definitions !== undefined) {
    const key = tableKey(schema, definitions.table);
    if (definitions.created) state.createdTables.add(key);
    for (const column of definitions.columns) {
      const type = simpleType(column.typeName);
      if (type !== undefined && column.colname !== undefined) state.columnTypes.set(`${key}.${column.colname}`, type);
    }
  }
  const alter = alterTable(statement);
  if (alter !== undefined) {
    const key = tableKey(schema, alter.table);
    for (const command of alter.commands) {
      if (command.subtype === 'AT_AlterColumnType' && command.name !== undefined) {
        const type = simpleType(nodeOf(command.def, 'ColumnDef')?.typeName);
        if (type !== undefined) state.columnTypes.set(`${key}.${command.name}`, type);
      }
      const constraint = command.subtype === 'AT_AddConstraint' ? nodeOf(command.def, 'Constraint') : undefined;
      const test = nodeOf(constraint?.raw_expr, 'NullTest');
      const column = names(nodeOf(test?.arg, 'ColumnRef')?.fields).at(-1);
      if (constraint?.contype === 'CONSTR_CHECK' && test?.nulltesttype === 'IS_NOT_NULL' && column !== undefined) {
        if (constraint.conname !== undefined) state.notNullChecks.set(constraint.conname, `${key}.${column}`);
        if (constraint.skip_validation !== true) state.validatedNotNull.add(`${key}.${column}`);
      }
      if (command.subtype === 'AT_ValidateConstraint' && command.name !== undefined) {
        const checked = state.notNullChecks.get(command.name);
        if (checked !== undefined) state.validatedNotNull.add(checked);
      }
    }
  }
  const createAs = nodeOf(node, 'CreateTableAsStmt');
  const created = tableRef(createAs?.into?.rel);
  if (created !== undefined) state.createdTables.add(tableKey(schema, created));
  const set = nodeOf(node, 'VariableSetStmt');
  if (set?.name === 'lock_timeout' && set.kind === 'VAR_SET_VALUE') state.lockTimeoutSet = true;
  const enumChange = nodeOf(node, 'AlterEnumStmt');
  if (enumChange?.newVal !== undefined && enumChange.oldVal === undefined) state.addedEnumLabels.add(enumChange.newVal);
  const rename = nodeOf(node, 'RenameStmt');
  const renamed = tableRef(rename?.relation);
  if (rename?.renameType === 'OBJECT_TABLE' && renamed !== undefined && rename.newname !== undefined) {
    const from = tableKey(schema, renamed);
    if (state.createdTables.delete(from)) state.createdTables.add(tableKey(schema, { schema: renamed.schema, name: rename.newname }));
  }
}
