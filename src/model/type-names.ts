/**
 * Column types as `format_type` prints them when `search_path` is the schema itself: enum types
 * of the schema unqualified, of another schema qualified, names quoted only when needed.
 */
import type { ColumnType } from './column-type.js';
import { printIdentifier, printQualifiedIdentifier } from '../sql/print-identifier.js';

function enumName(type: ColumnType & { kind: 'enum' }, schema: string): string {
  const owner = type.enum.schema;
  return owner === null || owner === schema
    ? printIdentifier(type.enum.name)
    : printQualifiedIdentifier(owner, type.enum.name);
}

/**
 * The type of a column as the schema state holds it.
 *
 * @example
 * printColumnType(varchar(100).data.type, 0, 'asia')  // => character varying(100)
 * printColumnType(text().data.type, 1, 'asia')        // => text[]
 */
export function printColumnType(type: ColumnType, arrayDimensions: number, schema: string): string {
  const base = type.kind === 'enum' ? enumName(type, schema) : type.name;
  return arrayDimensions > 0 ? `${base}[]` : base;
}

/** The type without modifier, as Postgres labels a constant of it (`character varying`, `bpchar`). */
export function printCastType(type: ColumnType, schema: string): string {
  return type.kind === 'enum' ? enumName(type, schema) : type.castName;
}
