/**
 * Turns a failure inside a migration into a {@link MigrationError} that names the schema, the file,
 * the direction and the Postgres error, with the error position mapped back to `file:line:column`.
 */
import { describeCause, MigrationError, WorlddbError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';

/** Where the SQL that failed came from, to map Postgres' error position into the file. */
export interface SentSql {
  /** The whole query string sent to Postgres. */
  readonly sent: string;
  /** Length (UTF-16 code units) of what precedes the file's text in {@link sent} (e.g. `BEGIN; SET ...`). */
  readonly prefixLength: number;
  /** The text of the file part (up or down) the statement was taken from. */
  readonly part: string;
  /** Index (UTF-16 code units) in {@link part} where the sent file text starts. */
  readonly partOffset: number;
  /** 1-based line of the file where {@link part} starts. */
  readonly partLine: number;
}

/** What is known about the failure. */
export interface MigrationFailure {
  readonly schema: string;
  readonly name: string;
  /** Absolute path of the migration file. */
  readonly path: string;
  readonly direction: 'up' | 'down';
  readonly error: unknown;
  /** Present when the failing SQL came from a `.sql` file. */
  readonly sql?: SentSql;
  /** Said in the hint after Postgres' own detail and hint: what state the database was left in. */
  readonly aftermath: string;
}

/** A 1-based line and column in a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps Postgres' error position (1-based, counted in characters of the query string sent) to a line
 * and column of the file, or null when the position lies outside the file's text.
 *
 * @example
 * const part = 'create table t (\n  x intt\n);\n';
 * mapErrorPosition({ sent: 'BEGIN;\n' + part, prefixLength: 7, part, partOffset: 0, partLine: 5 }, 29)
 * // => { line: 6, column: 5 }
 */
export function mapErrorPosition(sql: SentSql, position: number): TextPosition | null {
  if (!Number.isInteger(position) || position < 1) return null;
  const sentIndex = codePointIndexToOffset(sql.sent, position - 1);
  if (sentIndex === null || sentIndex < sql.prefixLength) return null;
  const partIndex = sentIndex - sql.prefixLength + sql.partOffset;
  if (partIndex > sql.part.length) return null;
  const before = sql.part.slice(0, partIndex);
  const lineStart = before.lastIndexOf('\n') + 1;
  const newlines = before.length - before.replaceAll('\n', '').length;
  return {
    line: sql.partLine + newlines,
    column: [...before.slice(lineStart)].length + 1,
  };
}

/** UTF-16 offset of the code point with the given 0-based index, or null past the end. */
function codePointIndexToOffset(text: string, index: number): number | null {
  let offset = 0;
  for (let seen = 0; seen < index; seen += 1) {
    if (offset >= text.length) return null;
    const code = text.codePointAt(offset) ?? 0;
    offset += code > 0xffff ? 2 : 1;
  }
  return offset <= text.length ? offset : null;
}

interface PostgresErrorFields {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly position?: unknown;
  readonly detail?: unknown;
  readonly hint?: unknown;
}

/**
 * Builds the one-line error for a failed migration:
 * `schema "asia": migration failed (up) at migrations/asia/2026..._x.sql:5:13: relation "y" does not exist [42P01]`.
 * Postgres' detail and hint, and what state the database was left in, go to the hint.
 */
export function migrationError(failure: MigrationFailure): MigrationError {
  const file = displayPath(failure.path);
  const fields = (typeof failure.error === 'object' && failure.error !== null ? failure.error : {}) as PostgresErrorFields;
  const position = Number(fields.position);
  const mapped = failure.sql !== undefined && fields.position !== undefined ? mapErrorPosition(failure.sql, position) : null;
  const where = mapped === null ? file : `${file}:${mapped.line}:${mapped.column}`;
  const code = typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) ? ` [${fields.code}]` : '';
  const unmapped = mapped === null && fields.position !== undefined && failure.sql === undefined ? ` (at character ${String(fields.position)} of the query)` : '';
  const message = `schema ${JSON.stringify(failure.schema)}: migration failed (${failure.direction}) at ${where}: ${describeCause(failure.error)}${unmapped}${code}`;
  const hints: string[] = [];
  if (typeof fields.detail === 'string' && fields.detail !== '') hints.push(`Postgres: ${fields.detail}`);
  if (typeof fields.hint === 'string' && fields.hint !== '') hints.push(`Postgres hint: ${fields.hint}`);
  if (failure.error instanceof WorlddbError && failure.error.hint !== undefined) hints.push(failure.error.hint);
  hints.push(failure.aftermath);
  return new MigrationError(failure.schema, failure.name, failure.direction, message, {
    hint: hints.join('; '),
    cause: failure.error,
  });
}
