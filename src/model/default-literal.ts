/**
 * Literal defaults written the way Postgres stores and prints them (`pg_get_expr` on
 * `pg_attrdef`, ruleutils.c `get_const_expr`), so that the model and the catalog compare equal
 * without a round trip to the server:
 *
 * - a non-negative integer that fits int4 prints bare (`0`), a negative one as `'-1'::integer`;
 *   larger integers are int8 constants (`'3000000000'::bigint`);
 * - a decimal prints bare (`1.5`), a negative one as `'-1.5'::numeric`;
 * - booleans print as `true` / `false`;
 * - everything else is a quoted literal labelled with the type without modifier:
 *   `'x'::character varying`, `'ab'::bpchar`, `'2024-01-01'::date`, `'{a,b}'::text[]`,
 *   `'Asia'::continent`.
 *
 * Postgres also normalises some values (an interval `'24 hours'`, a time zone offset); those are
 * written as given, and a later normalisation through the server may still be needed for them.
 */
import type { ColumnType, TypeFamily } from './column-type.js';
import { printStringLiteral } from './sql-expression.js';

export type PrintedDefault = { readonly text: string } | { readonly problem: string };

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;
const INT8_MIN = -9223372036854775808n;
const INT8_MAX = 9223372036854775807n;

/** What numeric_in / float8in accept, roughly: decimals, exponents, NaN and infinities. */
const NUMBER_TEXT = /^\s*([+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|nan|[+-]?inf(inity)?)\s*$/i;

/** Plain decimal text of a finite number, without exponent (numeric_out never uses one). */
function plainDecimal(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  const [mantissa = '', exponentText = '0'] = text.split(/e/i);
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [intPart = '', fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** A JavaScript number as the Postgres constant the parser makes of it. */
function printNumber(n: number): PrintedDefault {
  if (Number.isNaN(n)) return { text: "'NaN'::double precision" };
  if (!Number.isFinite(n)) return { text: `'${n > 0 ? 'Infinity' : '-Infinity'}'::double precision` };
  if (Number.isInteger(n)) {
    const text = plainDecimal(n);
    if (n >= INT4_MIN && n <= INT4_MAX) return { text: n >= 0 ? text : `'${text}'::integer` };
    const big = BigInt(text);
    if (big >= INT8_MIN && big <= INT8_MAX) return { text: `'${text}'::bigint` };
    return { text: `'${text}'::numeric` };
  }
  const text = plainDecimal(n);
  return { text: n >= 0 ? text : `'${text}'::numeric` };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function printDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function printTimestamp(d: Date): string {
  const ms = d.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${pad(ms, 3).replace(/0+$/, '')}`;
  return `${printDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}`;
}

/** jsonb's output form: object keys sorted (shorter first, then bytewise), `", "` and `": "`. */
function printJsonb(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(printJsonb).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => {
      const ab = Buffer.from(a, 'utf8');
      const bb = Buffer.from(b, 'utf8');
      return ab.length - bb.length || Buffer.compare(ab, bb);
    });
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${printJsonb(v)}`).join(', ')}}`;
}

/** One element of an array literal, quoted as `array_out` does when needed. */
function arrayElement(text: string | null): string {
  if (text === null) return 'NULL';
  const needsQuotes = text === '' || /^null$/i.test(text) || /[{}",\\\s]/.test(text);
  return needsQuotes ? `"${text.replace(/(["\\])/g, '\\$1')}"` : text;
}

/** The text form of a scalar value of the family (what the type's output function prints). */
function valueText(value: unknown, family: TypeFamily | 'enum'): string | { problem: string } {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'is an invalid Date' };
    if (family === 'date') return printDate(value);
    if (family === 'timestamp') return printTimestamp(value);
    if (family === 'timestamptz') return `${printTimestamp(value)}+00`;
    return { problem: `is a Date, which does not fit this column type` };
  }
  if (family === 'json') return JSON.stringify(value) ?? 'null';
  if (family === 'jsonb') return printJsonb(value);
  if (value instanceof Uint8Array) {
    if (family !== 'bytea') return { problem: 'is bytes, which do not fit this column type' };
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  switch (typeof value) {
    case 'string':
      if (family === 'integer' && !/^\s*[+-]?\d+\s*$/.test(value)) return { problem: `${printStringLiteral(value)} is not an integer` };
      if ((family === 'numeric' || family === 'float') && !NUMBER_TEXT.test(value)) {
        return { problem: `${printStringLiteral(value)} is not a number` };
      }
      return value;
    case 'number':
    case 'bigint':
      if (family === 'integer' || family === 'numeric' || family === 'float') return String(value);
      return { problem: `is a number, which does not fit this column type` };
    case 'boolean':
      if (family === 'boolean') return value ? 't' : 'f';
      return { problem: 'is a boolean, which does not fit this column type' };
    default:
      return { problem: `is ${value === null ? 'null' : typeof value}, which is not a literal of this column type` };
  }
}

/**
 * Prints a literal default of a column as Postgres would print the stored default.
 *
 * @param castName the type without modifier as Postgres labels a constant of it
 *   (`character varying`, `continent`, `public.currency`), without `[]`.
 *
 * @example
 * printLiteralDefault('x', varcharType, 0, 'character varying')  // => { text: "'x'::character varying" }
 * printLiteralDefault(0, integerType, 0, 'integer')               // => { text: '0' }
 */
export function printLiteralDefault(
  value: unknown,
  type: ColumnType,
  arrayDimensions: number,
  castName: string,
): PrintedDefault {
  const family = type.kind === 'enum' ? 'enum' : type.family;
  if (arrayDimensions > 0) {
    if (!Array.isArray(value)) return { problem: 'is not an array, but the column is an array' };
    let problem: string | null = null;
    const render = (v: unknown, depth: number): string => {
      if (depth < arrayDimensions && Array.isArray(v)) return `{${v.map((e) => render(e, depth + 1)).join(',')}}`;
      if (v === null) return 'NULL';
      const t = valueText(v, family);
      if (typeof t !== 'string') {
        problem ??= `has an element that ${t.problem}`;
        return '';
      }
      return arrayElement(t);
    };
    const literal = render(value, 0);
    if (problem !== null) return { problem };
    return { text: `${printStringLiteral(literal)}::${castName}${'[]'}` };
  }
  if (typeof value === 'number' && (family === 'integer' || family === 'numeric' || family === 'float')) {
    return printNumber(value);
  }
  if (typeof value === 'bigint' && (family === 'integer' || family === 'numeric')) {
    const text = String(value);
    if (value >= BigInt(INT4_MIN) && value <= BigInt(INT4_MAX)) return { text: value >= 0n ? text : `'${text}'::integer` };
    return { text: `'${text}'::${value >= INT8_MIN && value <= INT8_MAX ? 'bigint' : 'numeric'}` };
  }
  if (typeof value === 'boolean' && family === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'string') {
    // An untyped literal becomes a constant of the column's type; int4 and float-looking numeric
    // constants print bare (get_const_expr), the others quoted and labelled.
    const trimmed = value.trim().replace(/^0+(?=\d)/, '');
    if (castName === 'integer' && /^\d+$/.test(trimmed)) return { text: trimmed };
    if (family === 'numeric' && /^\d+\.\d+$/.test(trimmed)) return { text: trimmed };
  }
  if (family === 'enum' && type.kind === 'enum' && typeof value === 'string' && !type.enum.values.includes(value)) {
    return { problem: `is not a label of enum ${type.enum.name} (${type.enum.values.join(', ')})` };
  }
  const t = valueText(value, family);
  if (typeof t !== 'string') return t;
  return { text: `${printStringLiteral(t)}::${castName}` };
}
