/**
 * Splits SQL text into statements, the way Postgres would read it: semicolons inside string
 * literals (`'...'`, `E'...'`), quoted identifiers (`"..."`), dollar quotes (`$$...$$`,
 * `$body$...$body$`) and comments (`-- ...`, nested `/* ... *\/`) do not end a statement.
 *
 * Used for migrations that run outside a transaction: Postgres runs several statements sent as one
 * query string in an implicit transaction, which is exactly what `CREATE INDEX CONCURRENTLY`
 * refuses, so such migrations are sent one statement at a time.
 *
 * SQL-standard function bodies are kept whole, as psql does: after the words `BEGIN ATOMIC`, a
 * semicolon ends the statement only once the matching `END` is read. Inside such a body, `CASE`
 * opens a level that the next `END` closes. A word right after `.` or `AS` is a name (`r.end`,
 * `AS end`), not a keyword. (Unlike psql, a bare `begin` inside a body is not counted: it can only
 * be a column name there.) A body without its `END` runs to the end of the text.
 */

/** One statement of a SQL text. */
export interface SqlStatement {
  /** The statement, from its first token to its semicolon (included when there is one). */
  readonly text: string;
  /** Index (UTF-16 code units) in the whole text where {@link text} starts. */
  readonly offset: number;
}

/**
 * Splits `sql` into its statements. Comments and blank space between statements are dropped;
 * a text with only comments gives no statement.
 *
 * @example
 * splitStatements("create table a (x text default ';');\n-- done\ncreate index concurrently i on a (x);")
 * // => [{ text: "create table a (x text default ';');", offset: 0 },
 * //     { text: 'create index concurrently i on a (x);', offset: 44 }]
 */
export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = -1; // index of the first token of the current statement, -1 between statements
  let tokenEnd = 0; // index just after the last token (comments and blanks are not tokens)
  let atomicDepth = 0; // inside `BEGIN ATOMIC ... END`: 1, plus one per open `CASE`
  let previous = ''; // the previous token, words lower-cased
  const finish = (end: number): void => {
    if (start >= 0) statements.push({ text: sql.slice(start, end), offset: start });
    start = -1;
    atomicDepth = 0;
  };
  for (const token of tokens(sql)) {
    if (start < 0) start = token.start;
    tokenEnd = token.end;
    const text = token.word ? sql.slice(token.start, token.end).toLowerCase() : (sql[token.start] as string);
    if (text === ';') {
      if (atomicDepth === 0) finish(token.end);
    } else if (token.word && previous !== '.' && previous !== 'as') {
      if (atomicDepth === 0) {
        if (text === 'atomic' && previous === 'begin') atomicDepth = 1;
      } else if (text === 'case') {
        atomicDepth += 1;
      } else if (text === 'end') {
        atomicDepth -= 1;
      }
    }
    previous = text;
  }
  finish(tokenEnd);
  return statements;
}

/**
 * The first `count` tokens of a statement, skipping comments and blanks; words are lower-cased,
 * other tokens (quoted strings and identifiers, dollar quotes, single characters) kept as written.
 *
 * @example
 * leadingTokens('Rollback /* undo *\/ TO savepoint a;', 3) // => ['rollback', 'to', 'savepoint']
 */
export function leadingTokens(statement: string, count: number): string[] {
  const found: string[] = [];
  if (count <= 0) return found;
  for (const token of tokens(statement)) {
    const text = statement.slice(token.start, token.end);
    found.push(token.word ? text.toLowerCase() : text);
    if (found.length >= count) break;
  }
  return found;
}

/** True when `sql` holds anything besides comments and blank space. */
export function hasStatements(sql: string): boolean {
  return splitStatements(sql).length > 0;
}

interface Token {
  readonly start: number;
  readonly end: number;
  /** A word: keyword, unquoted identifier or number. */
  readonly word: boolean;
}

/** The tokens of `sql`, skipping comments and blank space. */
function* tokens(sql: string): Generator<Token> {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && next === '*') {
      i = skipBlockComment(sql, i);
    } else if (/\s/.test(c)) {
      i += 1;
    } else {
      const end = skipToken(sql, i);
      yield { start: i, end, word: isIdentifierChar(c) };
      i = end;
    }
  }
}

/** Index just after the token starting at `i` (a quoted string or identifier, a dollar quote, a word, or one character). */
function skipToken(sql: string, i: number): number {
  const c = sql[i] as string;
  if (c === "'") return skipQuoted(sql, i, "'", isEscapeStringStart(sql, i));
  if (c === '"') return skipQuoted(sql, i, '"', false);
  if (c === '$') {
    const tag = dollarTagAt(sql, i);
    if (tag !== null) {
      const close = sql.indexOf(tag, i + tag.length);
      return close < 0 ? sql.length : close + tag.length;
    }
  }
  if (isIdentifierChar(c)) {
    // A whole word, so that a `$` inside an identifier (`a$1$`) or a parameter (`$1`) is never
    // read as the start of a dollar quote.
    let j = i;
    while (j < sql.length && (isIdentifierChar(sql[j] as string) || sql[j] === '$')) j += 1;
    return j;
  }
  return i + 1;
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

/** `E'...'` (or `e'...'`) strings take backslash escapes; `'` right after a word's `E` starts one. */
function isEscapeStringStart(sql: string, quote: number): boolean {
  const before = sql[quote - 1];
  if (before !== 'E' && before !== 'e') return false;
  const beforeThat = sql[quote - 2];
  return beforeThat === undefined || !(isIdentifierChar(beforeThat) || beforeThat === '$');
}

/** Index just after the closing quote of a quoted string or identifier starting at `from`. */
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

const DOLLAR_TAG = /^\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/u;

/** The dollar-quote tag (`$$`, `$body$`) starting at `at`, or null. */
function dollarTagAt(sql: string, at: number): string | null {
  const match = DOLLAR_TAG.exec(sql.slice(at, at + 256));
  return match === null ? null : match[0];
}

function isIdentifierChar(c: string): boolean {
  return /[\p{L}\p{N}_]/u.test(c);
}
