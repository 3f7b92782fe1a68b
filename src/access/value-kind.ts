/**
 * What JavaScript values a column takes, derived from its SQL type in the model: the run-time
 * counterpart of the TypeScript types in `model/column-builders.ts`. Used to refuse a wrong value
 * before any SQL is sent, and to encode values the drivers would otherwise send differently.
 */
import type { ColumnType } from '../model/index.js';

export type ValueKind =
  | { readonly kind: 'integer' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'decimal' }
  | { readonly kind: 'float' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'json' }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

/**
 * The value kind of a column type.
 *
 * @example
 * valueKindOf(integer().data.type) // => { kind: 'integer' }
 */
export function valueKindOf(type: ColumnType): ValueKind {
  if (type.kind === 'enum') return { kind: 'enum', values: type.enum.values };
  switch (type.family) {
    case 'integer':
      return type.name === 'bigint' ? { kind: 'bigint' } : { kind: 'integer' };
    case 'numeric':
      return { kind: 'decimal' };
    case 'float':
      return { kind: 'float' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'string' };
    case 'date':
    case 'timestamp':
    case 'timestamptz':
      return { kind: 'datetime' };
    case 'json':
    case 'jsonb':
      return { kind: 'json' };
    case 'bytea':
      return { kind: 'bytes' };
    default: {
      const unknownFamily: never = type.family;
      throw new Error(`unknown type family ${String(unknownFamily)}`);
    }
  }
}

/** What a kind takes, for messages: `an integer (number)`. */
export function describeKind(kind: ValueKind, arrayDimensions: number): string {
  const base: Record<ValueKind['kind'], string> = {
    integer: 'an integer (number)',
    bigint: 'an integer (string, number or bigint)',
    decimal: 'a decimal (string or number)',
    float: 'a number',
    boolean: 'a boolean',
    string: 'a string',
    datetime: 'a Date or a date/time string',
    json: 'a JSON value',
    bytes: 'bytes (Uint8Array)',
    enum: kind.kind === 'enum' ? `one of ${kind.values.map((v) => JSON.stringify(v)).join(', ')}` : '',
  };
  return arrayDimensions > 0 ? `an array of ${base[kind.kind]}` : base[kind.kind];
}

/** A value as messages show it: `the string "126M"`, `the number 1.5`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `the ${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    default:
      return `a value of type ${typeof value === 'object' ? 'object' : typeof value}`;
  }
}

/**
 * True when `value` (not null) fits the kind; an array column takes arrays of the kind (or null
 * elements), nested as deep as its dimensions.
 *
 * @example
 * fitsKind({ kind: 'integer' }, 0, 1.5)   // => false
 * fitsKind({ kind: 'string' }, 1, ['a'])  // => true
 */
export function fitsKind(kind: ValueKind, arrayDimensions: number, value: unknown): boolean {
  if (arrayDimensions > 0) {
    return Array.isArray(value) && value.every((item) => item === null || fitsKind(kind, arrayDimensions - 1, item));
  }
  switch (kind.kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'bigint':
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint' || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value));
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string';
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'datetime':
      return (value instanceof Date && !Number.isNaN(value.getTime())) || typeof value === 'string';
    case 'json':
      return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
    case 'bytes':
      return value instanceof Uint8Array;
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value);
    default: {
      const unknownKind: never = kind;
      throw new Error(`unknown value kind ${JSON.stringify(unknownKind)}`);
    }
  }
}

/**
 * The value as it is sent as a parameter. JSON values are sent as JSON text, because pg would send
 * a JavaScript array as a Postgres array; a bigint as its decimal text. Everything else as it is.
 *
 * @example
 * encodeValue({ kind: 'json' }, 0, [1, 2]) // => '[1,2]'
 */
export function encodeValue(kind: ValueKind, arrayDimensions: number, value: unknown): unknown {
  if (value === null) return null;
  if (arrayDimensions > 0 && Array.isArray(value)) {
    return value.map((item: unknown) => encodeValue(kind, arrayDimensions - 1, item));
  }
  if (kind.kind === 'json') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}
