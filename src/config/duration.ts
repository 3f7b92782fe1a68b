const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** The longest duration accepted: about 24.8 days, the most a timer (and Postgres' timeouts) can hold. */
export const MAX_DURATION_MS = 2_147_483_647;

/**
 * Parses a duration: a number of milliseconds, or a string with a Postgres unit (`ms`, `s`,
 * `min`, `h`). Returns null when the text is not a duration, or is longer than {@link MAX_DURATION_MS}.
 *
 * @example
 * parseDuration('10s')   // => 10000
 * parseDuration(250)     // => 250
 * parseDuration('1.5min') // => 90000
 */
export function parseDuration(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 && input <= MAX_DURATION_MS ? Math.round(input) : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|h)?\s*$/.exec(input);
  if (match === null) return null;
  const unit = UNITS[match[2] ?? 'ms'] ?? 1;
  const ms = Math.round(Number(match[1]) * unit);
  return ms <= MAX_DURATION_MS ? ms : null;
}
