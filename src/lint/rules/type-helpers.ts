/**
 * The column types a statement declares (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE), for the
 * type-preference rules.
 */
import type { ColumnDef, TypeName } from 'libpg-query';
import { nodeOf, simpleType, type SimpleType } from '../ast.js';
import { alterTable, columnDefinitions, perStatement } from './support.js';
import type { LintStatement, TableRef } from '../types.js';

export interface DeclaredColumn {
  readonly table: TableRef;
  readonly column: string;
  readonly type: SimpleType;
  readonly typeName: TypeName;
  readonly definition: ColumnDef;
}

/** Every column type written in the statement. */
export const declaredColumns = perStatement(readDeclaredColumns);

function readDeclaredColumns(statement: LintStatement): DeclaredColumn[] {
  const found: DeclaredColumn[] = [];
  const add = (table: TableRef, column: string, definition: ColumnDef | undefined): void => {
    const type = simpleType(definition?.typeName);
    if (definition?.typeName !== undefined && type !== undefined) found.push({ table, column, type, typeName: definition.typeName, definition });
  };
  const definitions = columnDefinitions(statement);
  for (const column of definitions?.columns ?? []) add(definitions!.table, column.colname ?? '', column);
  const alter = alterTable(statement);
  for (const command of alter?.commands ?? []) {
    if (command.subtype === 'AT_AlterColumnType') add(alter!.table, command.name ?? '', nodeOf(command.def, 'ColumnDef'));
  }
  return found;
}
