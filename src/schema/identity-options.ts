/**
 * The sequence options of identity columns: which values are Postgres' defaults (so that both
 * sides of a comparison keep only the others), and the full values an option set stands for.
 */
import type { IdentityOptions } from './types.js';

/** Every option of an identity sequence, with its value. */
export interface FullIdentityOptions {
  readonly start: bigint;
  readonly increment: bigint;
  readonly minValue: bigint;
  readonly maxValue: bigint;
  readonly cache: bigint;
  readonly cycle: boolean;
}

const TYPE_RANGE: ReadonlyMap<string, readonly [bigint, bigint]> = new Map([
  ['smallint', [-32768n, 32767n]],
  ['integer', [-2147483648n, 2147483647n]],
  ['bigint', [-9223372036854775808n, 9223372036854775807n]],
]);

/** The range of an identity column's type (`bigint` when unknown, as for a sequence of its own). */
function rangeOf(type: string): readonly [bigint, bigint] {
  return TYPE_RANGE.get(type) ?? [-9223372036854775808n, 9223372036854775807n];
}

/**
 * The defaults Postgres gives each option left out, as `CREATE SEQUENCE` documents them: an
 * ascending sequence goes from 1 to the type's maximum and starts at its minimum, a descending
 * one from the type's minimum to -1 and starts at its maximum; cache 1, no cycle.
 */
function defaultsFor(type: string, increment: bigint, minValue?: bigint, maxValue?: bigint): FullIdentityOptions {
  const [low, high] = rangeOf(type);
  const min = minValue ?? (increment > 0n ? 1n : low);
  const max = maxValue ?? (increment > 0n ? high : -1n);
  return { start: increment > 0n ? min : max, increment, minValue: min, maxValue: max, cache: 1n, cycle: false };
}

/**
 * Every option value of `options` on a column of `type`, defaults filled in.
 *
 * @example
 * fullIdentityOptions('integer', { start: '100' }).maxValue // => 2147483647n
 */
export function fullIdentityOptions(type: string, options: IdentityOptions | undefined): FullIdentityOptions {
  const increment = BigInt(options?.increment ?? '1');
  const minValue = options?.minValue === undefined ? undefined : BigInt(options.minValue);
  const maxValue = options?.maxValue === undefined ? undefined : BigInt(options.maxValue);
  const defaults = defaultsFor(type, increment, minValue, maxValue);
  return {
    ...defaults,
    start: options?.start === undefined ? defaults.start : BigInt(options.start),
    cache: options?.cache === undefined ? 1n : BigInt(options.cache),
    cycle: options?.cycle === true,
  };
}

/**
 * The options of `full` that are not Postgres' defaults for a column of `type`, or `undefined`
 * when all are. Both the catalog and the model go through this, so that they compare equal
 * whenever Postgres would create the same sequence.
 *
 * @example
 * identityOptionsOf('integer', { start: 100n, increment: 1n, minValue: 1n, maxValue: 2147483647n, cache: 1n, cycle: false })
 * // => { start: '100' }
 */
export function identityOptionsOf(type: string, full: FullIdentityOptions): IdentityOptions | undefined {
  const defaults = defaultsFor(type, full.increment);
  const minValue = full.minValue === defaults.minValue ? undefined : full.minValue;
  const maxValue = full.maxValue === defaults.maxValue ? undefined : full.maxValue;
  const startDefault = defaultsFor(type, full.increment, minValue, maxValue).start;
  const options: { -readonly [K in keyof IdentityOptions]: IdentityOptions[K] } = {};
  if (full.start !== startDefault) options.start = String(full.start);
  if (full.increment !== 1n) options.increment = String(full.increment);
  if (minValue !== undefined) options.minValue = String(minValue);
  if (maxValue !== undefined) options.maxValue = String(maxValue);
  if (full.cache !== 1n) options.cache = String(full.cache);
  if (full.cycle) options.cycle = true;
  return Object.keys(options).length === 0 ? undefined : options;
}

/**
 * The sequence options of `options` as SQL (`START WITH 100 INCREMENT BY 10`), in Postgres'
 * order; empty for none.
 *
 * @example
 * identityOptionsSql({ start: '100', increment: '10' }) // => 'START WITH 100 INCREMENT BY 10'
 */
export function identityOptionsSql(options: IdentityOptions | undefined): string {
  if (options === undefined) return '';
  const parts: string[] = [];
  if (options.increment !== undefined) parts.push(`INCREMENT BY ${BigInt(options.increment)}`);
  if (options.minValue !== undefined) parts.push(`MINVALUE ${BigInt(options.minValue)}`);
  if (options.maxValue !== undefined) parts.push(`MAXVALUE ${BigInt(options.maxValue)}`);
  if (options.start !== undefined) parts.push(`START WITH ${BigInt(options.start)}`);
  if (options.cache !== undefined) parts.push(`CACHE ${BigInt(options.cache)}`);
  if (options.cycle === true) parts.push('CYCLE');
  return parts.join(' ');
}
