/**
 * The one SQL lexer of worlddb: reads SQL text into tokens the way Postgres' scanner delimits
 * them, so that no reader mistakes a `;`, `(`, `,` or a name inside a string, a quoted identifier,
 * a dollar quote or a comment for the real thing. Used by the statement splitter, the expression
 * reader, the column renamer and the index-definition reader; each interprets the tokens its way.
 *
 * Not a parser: it knows only where tokens begin and end. Comments and blank space are skipped
 * (the text between two tokens can be copied from the source by their offsets).
 */

/**
 * - `word`: a keyword or unquoted identifier (a letter or `_` first; then letters, digits, `_`, `$`)
 * - `number`: a numeric literal as written (`42`, `1.5e3`, `0x1F`, `1_000`)
 * - `quotedIdent`: `"..."` (`value` holds the name, `""` undone)
 * - `string`: `'...'`, `E'...'` (backslash escapes) or a dollar quote `$tag$...$tag$`
 * - `open` / `close`: `(` / `)`
 * - `other`: any other single character (`;`, `,`, `.`, `:`, operators, `$` of a parameter)
 */
export type SqlTokenKind = 'word' | 'number' | 'quotedIdent' | 'string' | 'open' | 'close' | 'other';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  /** The token as written in the source. */
  readonly text: string;
  /** For `quotedIdent`, the name it quotes; otherwise the same as {@link text}. */
  readonly value: string;
  /** Index (UTF-16 code units) of the token's first character. */
  readonly start: number;
  /** Index just after the token's last character. */
  readonly end: number;
}

/**
 * The tokens of `sql`, in order, without comments (`-- ...`, nested `/* ... *\/`) and blank space.
 * An unterminated string, quoted identifier, dollar quote or comment runs to the end of the text.
 *
 * @example
 * lexSql(`select 'a;b' -- c\n, "X""y"`).map((t) => `${t.kind}:${t.value}`)
 * // => ['word:select', "string:'a;b'", 'other:,', 'quotedIdent:X"y']
 */
export function* lexSql(sql: string): Generator<SqlToken> {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      i = skipBlockComment(sql, i);
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const start = i;
    let kind: SqlTokenKind;
    let value: string | undefined;
    if (c === "'") {
      kind = 'string';
      i = skipQuoted(sql, i, "'", false);
    } else if ((c === 'E' || c === 'e') && next === "'") {
      kind = 'string';
      i = skipQuoted(sql, i + 1, "'", true);
    } else if (c === '"') {
      kind = 'quotedIdent';
      i = skipQuoted(sql, i, '"', false);
      value = sql.slice(start + 1, sql[i - 1] === '"' && i - 1 > start ? i - 1 : i).replace(/""/g, '"');
    } else if (c === '$' && dollarTagAt(sql, i) !== null) {
      const tag = dollarTagAt(sql, i) as string;
      const close = sql.indexOf(tag, i + tag.length);
      kind = 'string';
      i = close < 0 ? n : close + tag.length;
    } else if (isWordStart(c)) {
      kind = 'word';
      i += 1;
      while (i < n && isWordPart(sql[i] as string)) i += 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next ?? ''))) {
      kind = 'number';
      i = skipNumber(sql, i);
    } else {
      kind = c === '(' ? 'open' : c === ')' ? 'close' : 'other';
      i += 1;
    }
    const text = sql.slice(start, i);
    yield { kind, text, value: value ?? text, start, end: i };
  }
}

/** {@link lexSql} as an array. */
export function sqlTokens(sql: string): SqlToken[] {
  return [...lexSql(sql)];
}

/** True for a character that starts an unquoted identifier or keyword. */
export function isWordStart(c: string): boolean {
  return /[\p{L}_]/u.test(c);
}

/** True for a character that continues an unquoted identifier or keyword. */
export function isWordPart(c: string): boolean {
  return /[\p{L}\p{N}_$]/u.test(c);
}

function skipBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth += 1;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** Index just after the closing quote of a quoted string or identifier whose opening quote is at `from`. */
function skipQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

/** Digits, `_`, a decimal point, an exponent, `0x`/`0o`/`0b` prefixes and their digits. */
function skipNumber(sql: string, from: number): number {
  const match = /^(?:0[xXoObB][0-9A-Fa-f_]+|(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)/.exec(sql.slice(from, from + 256));
  const length = match?.[0].length ?? 0;
  return from + Math.max(1, length);
}

const DOLLAR_TAG = /^\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/u;

/** The dollar-quote tag (`$$`, `$body$`) starting at `at`, or null. */
function dollarTagAt(sql: string, at: number): string | null {
  const match = DOLLAR_TAG.exec(sql.slice(at, at + 256));
  return match === null ? null : match[0];
}
