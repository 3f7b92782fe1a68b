/**
 * What Postgres does when a column changes type: whether values survive, and whether
 * `ALTER COLUMN ... TYPE` needs a `USING` clause.
 *
 * Types come as `format_type` prints them (`character varying(100)`, `timestamp with time zone`,
 * `numeric(10,2)`, `text[]`); common aliases (`varchar`, `int4`, `timestamptz`) are understood too.
 * Anything not known here is treated as unsafe and as needing `USING`: the cautious answer.
 */

/** A type split into its base name, its modifiers and its array dimensions. */
export interface ParsedType {
  /** Canonical base name, e.g. `character varying`, `timestamp with time zone`, `integer`. */
  readonly base: string;
  /** Numeric modifiers: `[100]` for `varchar(100)`, `[10, 2]` for `numeric(10,2)`, `[]` if none. */
  readonly modifiers: readonly number[];
  /** Number of `[]` suffixes. */
  readonly dimensions: number;
}

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['varchar', 'character varying'],
  ['char', 'character'],
  ['bpchar', 'character'],
  ['int', 'integer'],
  ['int4', 'integer'],
  ['int2', 'smallint'],
  ['int8', 'bigint'],
  ['float4', 'real'],
  ['float8', 'double precision'],
  ['bool', 'boolean'],
  ['decimal', 'numeric'],
  ['timestamp', 'timestamp without time zone'],
  ['timestamptz', 'timestamp with time zone'],
  ['time', 'time without time zone'],
  ['timetz', 'time with time zone'],
]);

/**
 * Parses a type as `format_type` prints it.
 *
 * @example
 * parseType('timestamp(3) with time zone[]')
 * // => { base: 'timestamp with time zone', modifiers: [3], dimensions: 1 }
 */
export function parseType(type: string): ParsedType {
  let rest = type.trim();
  let dimensions = 0;
  while (rest.endsWith('[]')) {
    dimensions += 1;
    rest = rest.slice(0, -2).trimEnd();
  }
  let modifiers: number[] = [];
  // Quoted names (enums such as "Odd (type)") are taken as they are.
  if (!rest.startsWith('"')) {
    const match = /^([^(]*)\(([\d,\s]+)\)(.*)$/.exec(rest);
    if (match !== null) {
      modifiers = (match[2] ?? '').split(',').map((part) => Number(part.trim()));
      rest = `${(match[1] ?? '').trim()} ${(match[3] ?? '').trim()}`.trim();
    }
    rest = rest.replace(/\s+/g, ' ').toLowerCase();
  }
  return { base: ALIASES.get(rest) ?? rest, modifiers, dimensions };
}

const STRING_TYPES = new Set(['text', 'character varying', 'character']);
/** Bits of precision each exact integer type needs, and the decimal digits it can hold. */
const INTEGER_DIGITS: ReadonlyMap<string, number> = new Map([
  ['smallint', 5],
  ['integer', 10],
  ['bigint', 19],
]);
const INTEGER_BITS: ReadonlyMap<string, number> = new Map([
  ['smallint', 16],
  ['integer', 32],
  ['bigint', 64],
]);
/** Mantissa bits of the floating point types. */
const FLOAT_BITS: ReadonlyMap<string, number> = new Map([
  ['real', 24],
  ['double precision', 53],
]);
const NUMERIC_TYPES = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);
/** Pairs (`from>to`) of date/time types with an implicit or assignment cast in Postgres. */
const DATETIME_ASSIGNMENT_CASTS = new Set([
  'date>timestamp without time zone',
  'date>timestamp with time zone',
  'timestamp without time zone>date',
  'timestamp with time zone>date',
  'timestamp without time zone>timestamp with time zone',
  'timestamp with time zone>timestamp without time zone',
  'timestamp without time zone>time without time zone',
  'timestamp with time zone>time without time zone',
  'timestamp with time zone>time with time zone',
  'time without time zone>time with time zone',
  'time with time zone>time without time zone',
]);
/** Types whose modifier is a precision where a larger (or absent) one keeps all values. */
const PRECISION_TYPES = new Set([
  'timestamp without time zone',
  'timestamp with time zone',
  'time without time zone',
  'time with time zone',
  'interval',
  'bit varying',
]);

/** True when `modifiers` (an optional single length or precision) fits into `target`'s. */
function lengthFits(from: readonly number[], to: readonly number[]): boolean {
  if (to.length === 0) return true;
  if (from.length === 0) return false;
  return (to[0] ?? 0) >= (from[0] ?? 0);
}

/** Integer digits and scale of a numeric type; `null` for unconstrained `numeric`. */
function numericShape(type: ParsedType): { readonly digits: number; readonly scale: number } | null {
  if (type.base === 'numeric') {
    if (type.modifiers.length === 0) return null;
    const precision = type.modifiers[0] ?? 0;
    const scale = type.modifiers[1] ?? 0;
    return { digits: precision - scale, scale };
  }
  const digits = INTEGER_DIGITS.get(type.base);
  return digits === undefined ? null : { digits, scale: 0 };
}

function scalarKeepsValues(from: ParsedType, to: ParsedType): boolean {
  const same = from.base === to.base;
  if (same && from.modifiers.join(',') === to.modifiers.join(',')) return true;
  // Every value has a text form; an unbounded string type keeps it.
  if ((to.base === 'text' || to.base === 'character varying') && to.modifiers.length === 0) return true;
  if (STRING_TYPES.has(from.base) && STRING_TYPES.has(to.base) && from.base !== 'text') {
    // varchar(n) -> varchar(m >= n), char(n) -> varchar(m >= n) / char(m >= n); varchar -> char pads: unsafe.
    if (to.base === 'character' && from.base !== 'character') return false;
    return lengthFits(from.modifiers, to.modifiers);
  }
  if (same && PRECISION_TYPES.has(from.base)) return lengthFits(from.modifiers, to.modifiers);
  const fromBits = INTEGER_BITS.get(from.base);
  const toBits = INTEGER_BITS.get(to.base);
  if (fromBits !== undefined && toBits !== undefined) return toBits >= fromBits;
  if (fromBits !== undefined && FLOAT_BITS.has(to.base)) return (FLOAT_BITS.get(to.base) ?? 0) > fromBits;
  const fromFloat = FLOAT_BITS.get(from.base);
  const toFloat = FLOAT_BITS.get(to.base);
  if (fromFloat !== undefined && toFloat !== undefined) return toFloat >= fromFloat;
  if (to.base === 'numeric' && (fromBits !== undefined || from.base === 'numeric')) {
    const target = numericShape(to);
    if (target === null) return true;
    const source = numericShape(from);
    if (source === null) return false;
    return target.digits >= source.digits && target.scale >= source.scale;
  }
  if (from.base === 'date' && (to.base === 'timestamp without time zone' || to.base === 'timestamp with time zone')) {
    return true;
  }
  if (from.base === 'timestamp without time zone' && to.base === 'timestamp with time zone') {
    return lengthFits(from.modifiers, to.modifiers);
  }
  if (from.base === 'jsonb' && to.base === 'json') return true;
  return false;
}

/**
 * True when changing a column from `from` to `to` keeps every value: widening (`varchar(50)` →
 * `varchar(100)`, `integer` → `bigint`, `numeric(5,2)` → `numeric(10,2)`), anything → `text`,
 * `date` → `timestamp`. Narrowing and conversions that can fail or round (`text` → `integer`,
 * `bigint` → `integer`, `json` → `jsonb`, which drops duplicate keys) are not.
 *
 * @example
 * typeChangeKeepsValues('character varying(50)', 'character varying(100)') // => true
 * typeChangeKeepsValues('text', 'integer')                                 // => false
 */
export function typeChangeKeepsValues(from: string, to: string): boolean {
  const source = parseType(from);
  const target = parseType(to);
  if (source.dimensions === target.dimensions) return scalarKeepsValues(source, target);
  // An array (or anything) keeps its text form in an unbounded text column.
  return target.dimensions === 0 && (target.base === 'text' || target.base === 'character varying') && target.modifiers.length === 0;
}

function scalarHasAssignmentCast(from: ParsedType, to: ParsedType): boolean {
  if (from.base === to.base) return true;
  // Postgres has assignment casts from every type to the string types (through text I/O).
  if (STRING_TYPES.has(to.base)) return true;
  if (NUMERIC_TYPES.has(from.base) && NUMERIC_TYPES.has(to.base)) return true;
  if (DATETIME_ASSIGNMENT_CASTS.has(`${from.base}>${to.base}`)) return true;
  if ((from.base === 'json' && to.base === 'jsonb') || (from.base === 'jsonb' && to.base === 'json')) return true;
  return false;
}

/**
 * True when `ALTER COLUMN ... TYPE to` works without `USING` because Postgres has an implicit or
 * assignment cast from `from` to `to`. When false the renderer writes `USING "column"::to`.
 *
 * @example
 * typeChangeNeedsUsing('integer', 'bigint') // => false
 * typeChangeNeedsUsing('text', 'integer')   // => true
 */
export function typeChangeNeedsUsing(from: string, to: string): boolean {
  const source = parseType(from);
  const target = parseType(to);
  if (source.dimensions !== target.dimensions) {
    return !(target.dimensions === 0 && STRING_TYPES.has(target.base));
  }
  return !scalarHasAssignmentCast(source, target);
}

/** Base types of Postgres itself that the model uses; any other type (an enum) has no cast but through text. */
const BUILTIN_BASES = new Set([
  ...STRING_TYPES,
  ...NUMERIC_TYPES,
  'boolean',
  'date',
  'time without time zone',
  'time with time zone',
  'timestamp without time zone',
  'timestamp with time zone',
  'interval',
  'uuid',
  'json',
  'jsonb',
  'bytea',
  'inet',
]);

/**
 * True when the `USING` cast from `from` to `to` must go through `text`: Postgres has no direct
 * cast between an enum and another type but a string type (`continent` → `region`, `integer` →
 * `continent`), while every type has a text form and can be read from one.
 *
 * @example
 * castsThroughText('continent', 'region') // => true   (USING "c"::text::region)
 * castsThroughText('text', 'continent')   // => false  (USING "c"::continent)
 */
export function castsThroughText(from: string, to: string): boolean {
  const source = parseType(from);
  const target = parseType(to);
  if (STRING_TYPES.has(source.base)) return false;
  return !BUILTIN_BASES.has(source.base) || !BUILTIN_BASES.has(target.base);
}
