/**
 * Splits SQL text into statements, the way Postgres would read it: semicolons inside string
 * literals (`'...'`, `E'...'`), quoted identifiers (`"..."`), dollar quotes (`$$...$$`,
 * `$body$...$body$`) and comments (`-- ...`, nested `/* ... *\/`) do not end a statement: the
 * tokens come from the shared SQL lexer (`src/sql/lexer.ts`).
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
import { lexSql, type SqlToken } from '../sql/lexer.js';

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
  for (const token of lexSql(sql)) {
    if (start < 0) start = token.start;
    tokenEnd = token.end;
    const text = isWord(token) ? token.text.toLowerCase() : token.text;
    if (text === ';') {
      if (atomicDepth === 0) finish(token.end);
    } else if (token.kind === 'word' && previous !== '.' && previous !== 'as') {
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
  for (const token of lexSql(statement)) {
    found.push(isWord(token) ? token.text.toLowerCase() : token.text);
    if (found.length >= count) break;
  }
  return found;
}

/** True when `sql` holds anything besides comments and blank space. */
export function hasStatements(sql: string): boolean {
  return splitStatements(sql).length > 0;
}

/** Words and numbers are lower-cased when compared. */
function isWord(token: SqlToken): boolean {
  return token.kind === 'word' || token.kind === 'number';
}
