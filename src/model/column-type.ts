/**
 * The SQL type of a column, as data. Built-in types carry their `format_type` spelling already;
 * enum types are printed once the using schema is known (unqualified inside their own schema).
 */
import type { DomainType } from './schema-objects.js';
import type { EnumType } from './enum-type.js';

/** How a literal default of the type is written; see `default-literal.ts`. */
export type TypeFamily =
  | 'integer'
  | 'numeric'
  | 'float'
  | 'boolean'
  | 'string'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'json'
  | 'jsonb'
  | 'bytea';

export interface BuiltinType {
  readonly kind: 'builtin';
  /** As `format_type` prints it with the column's modifier: `character varying(100)`, `numeric(10,2)`. */
  readonly name: string;
  /** As `format_type` prints it without a modifier, the way Postgres labels literals: `character varying`, `bpchar`. */
  readonly castName: string;
  readonly family: TypeFamily;
  /** The domain this type names, for a column made with `domainColumn` (the schema creates it). */
  readonly domain?: DomainType;
}

export interface EnumColumnType {
  readonly kind: 'enum';
  readonly enum: EnumType;
}

export type ColumnType = BuiltinType | EnumColumnType;

export function builtinType(name: string, family: TypeFamily, castName: string = name): BuiltinType {
  return Object.freeze({ kind: 'builtin' as const, name, castName, family });
}

/** True for smallint, integer and bigint, the types an identity column may have. */
export function isIntegerType(type: ColumnType): boolean {
  return type.kind === 'builtin' && type.family === 'integer';
}
