import { UsageError } from '../errors.js';

/** Postgres truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Checks that `name` can be a Postgres identifier exactly as written, and says why not.
 * Returns `null` when it can.
 *
 * Any character is allowed (it will be quoted), except NUL; empty names and names longer than 63
 * bytes are refused because Postgres would reject or silently truncate them.
 */
export function identifierProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.includes('\0')) return 'contains a NUL character';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_IDENTIFIER_BYTES) {
    return `is ${bytes} bytes long; Postgres allows at most ${MAX_IDENTIFIER_BYTES}`;
  }
  return null;
}

/**
 * Quotes an identifier for SQL: the one function through which every schema, table, column,
 * constraint and index name goes. Always quotes, so case and odd characters are kept exactly.
 *
 * @example
 * quoteIdent('asia')        // => "asia"
 * quoteIdent('my "odd"; x') // => "my ""odd""; x"
 */
export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem !== null) {
    throw new UsageError(`identifier ${JSON.stringify(name)} ${problem}`, {
      hint: 'choose a name of 1 to 63 bytes without NUL characters',
    });
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** A schema-qualified, quoted name: `"schema"."name"`. */
export function qualify(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * Quotes a string literal for SQL text that cannot take parameters (DDL such as COMMENT ON, and
 * the `--sql` preview). Values sent to the database at run time go as query parameters instead.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) {
    throw new UsageError(`string ${JSON.stringify(value)} contains a NUL character`, {
      hint: 'Postgres text cannot hold NUL characters',
    });
  }
  const escaped = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${escaped.replace(/\\/g, '\\\\')}'` : `'${escaped}'`;
}
