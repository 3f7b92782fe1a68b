/**
 * Names of migration files: `<YYYYMMDDHHMMSS>_<slug>.<sql|ts|js>`, where the timestamp is UTC.
 *
 * The name recorded in the version table is the file name without its extension, and migrations run
 * in the order of their timestamp prefix (then of their whole name), so the order never depends on
 * the locale or on the file system.
 */
import path from 'node:path';

/** Extensions of migration files. Any other file in a migration folder is ignored. */
export const MIGRATION_EXTENSIONS = ['.sql', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;
export type MigrationExtension = (typeof MIGRATION_EXTENSIONS)[number];

/** What a migration file name is made of. */
export interface MigrationFileName {
  /** The file name without its extension: the name recorded in the version table. */
  readonly name: string;
  /** The 14-digit UTC timestamp prefix, e.g. `20261126154200`. */
  readonly timestamp: string;
  /** The part after the timestamp and the underscore, e.g. `create_countries`. */
  readonly slug: string;
  readonly extension: MigrationExtension;
}

/** How migration file names look, for hints. */
export const FILE_NAME_FORMAT = '<YYYYMMDDHHMMSS>_<slug>.sql (or .ts/.mts/.cts/.js/.mjs/.cjs), the timestamp in UTC';

const NAME_PATTERN = /^(\d{14})_(.+)$/;

/**
 * Sorts out the files of a migration folder.
 *
 * Returns `'ignore'` for files that are not migrations (another extension, `.d.ts`, names starting
 * with `.` or `_`), the parsed name for a well-named migration, and a string saying what is wrong
 * for a `.sql`/`.ts`/`.js` file whose name does not follow {@link FILE_NAME_FORMAT} — such a file
 * was almost certainly meant as a migration, and silently skipping it would be worse than refusing.
 *
 * @example
 * classifyFileName('20261126154200_create_countries.sql') // => { name: '20261126154200_create_countries', ... }
 * classifyFileName('README.md')                           // => 'ignore'
 * classifyFileName('create_countries.sql')                // => 'does not start with a 14-digit timestamp and "_"'
 */
export function classifyFileName(fileName: string): MigrationFileName | 'ignore' | string {
  if (fileName.startsWith('.') || fileName.startsWith('_')) return 'ignore';
  if (/\.d\.[mc]?ts$/.test(fileName)) return 'ignore';
  const extension = path.extname(fileName);
  if (!isMigrationExtension(extension)) return 'ignore';
  const name = fileName.slice(0, -extension.length);
  const match = NAME_PATTERN.exec(name);
  if (match === null) return 'does not start with a 14-digit timestamp and "_"';
  const timestamp = match[1] ?? '';
  const slug = match[2] ?? '';
  const dateProblem = timestampProblem(timestamp);
  if (dateProblem !== null) return dateProblem;
  return { name, timestamp, slug, extension };
}

function isMigrationExtension(extension: string): extension is MigrationExtension {
  return (MIGRATION_EXTENSIONS as readonly string[]).includes(extension);
}

/** Says why a 14-digit prefix is not a valid UTC date and time, or returns null. */
function timestampProblem(timestamp: string): string | null {
  const date = parseTimestamp(timestamp);
  if (date === null) return `has the prefix ${timestamp}, which is not a valid date and time (YYYYMMDDHHMMSS)`;
  return null;
}

/**
 * Reads a 14-digit `YYYYMMDDHHMMSS` prefix as a UTC date, or null when it is not a real date.
 *
 * @example
 * parseTimestamp('20261126154200')?.toISOString() // => '2026-11-26T15:42:00.000Z'
 */
export function parseTimestamp(timestamp: string): Date | null {
  if (!/^\d{14}$/.test(timestamp)) return null;
  const part = (from: number, to: number): number => Number(timestamp.slice(from, to));
  const [year, month, day, hour, minute, second] = [
    part(0, 4),
    part(4, 6),
    part(6, 8),
    part(8, 10),
    part(10, 12),
    part(12, 14),
  ] as const;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls over (month 13 → next year); a round trip catches every out-of-range field.
  if (formatTimestamp(date) !== timestamp) return null;
  return date;
}

/**
 * Formats a date as the 14-digit UTC prefix of a migration file name.
 *
 * @example
 * formatTimestamp(new Date('2026-11-26T15:42:00Z')) // => '20261126154200'
 */
export function formatTimestamp(date: Date): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

/**
 * Orders migration names: by their timestamp prefix, then by the whole name, comparing code units
 * (never the locale), so every machine sorts the same way. Names without a timestamp prefix (rows
 * written by hand into a version table) sort by the whole name.
 */
export function compareMigrationNames(a: string, b: string): number {
  const prefixA = NAME_PATTERN.exec(a)?.[1] ?? a;
  const prefixB = NAME_PATTERN.exec(b)?.[1] ?? b;
  if (prefixA !== prefixB) return prefixA < prefixB ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Turns a revision message into the slug of a file name: lower case letters and digits (any
 * script) joined by `_`, at most 60 characters. Returns an empty string when nothing is left.
 *
 * @example
 * slugify('Add languages!')   // => 'add_languages'
 * slugify('  Länder & Städte') // => 'länder_städte'
 */
export function slugify(message: string): string {
  const words = message
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}_${word}`;
    if ([...next].length > 60) break;
    slug = next;
  }
  if (slug === '' && words[0] !== undefined) slug = [...words[0]].slice(0, 60).join('');
  return slug;
}
