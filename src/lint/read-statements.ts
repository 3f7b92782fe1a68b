/**
 * Turns the up part of a `.sql` migration into parsed statements placed in the file, with their
 * `-- worlddb:lint-ignore` comments.
 *
 * The whole part is parsed in one call (several times faster than one call per statement); only
 * when that fails is it split into statements, each parsed alone, so that one syntax error is
 * reported where it is and the other statements are still linted.
 */
import type { RawStmt } from 'libpg-query';
import { splitStatements } from '../revision/split-sql.js';
import { lexSql } from '../sql/lexer.js';
import type { ParseSql } from './load-parser.js';
import type { LintStatement } from './types.js';

/** The ignore comment: `-- worlddb:lint-ignore RULE[,RULE...] reason`. */
const IGNORE = /--\s*worlddb:lint-ignore\b([^\n]*)/gi;

/** A problem found while reading, before any rule runs. */
export interface ReadProblem {
  readonly rule: 'syntax-error' | 'lint-ignore-reason';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ReadStatements {
  readonly statements: LintStatement[];
  readonly problems: ReadProblem[];
}

type Place = (index: number) => { line: number; column: number };

/**
 * Splits and parses `sql`, which starts on line `firstLine` (1-based) of its file. A statement the
 * parser refuses is a `syntax-error` problem (and is skipped); an ignore comment without a reason is
 * a `lint-ignore-reason` problem (and ignores nothing).
 *
 * @example
 * readStatements(parse, 'create index i on t (x);', 3).statements[0]?.line // => 3
 */
export function readStatements(parse: ParseSql, sql: string, firstLine: number): ReadStatements {
  const place = placer(sql, firstLine);
  const result: ReadStatements = { statements: [], problems: [] };
  let whole: RawStmt[];
  if (sql.trim() === '') return result; // libpg-query refuses an empty query
  try {
    whole = parse(sql).stmts ?? [];
  } catch {
    let gapFrom = 0;
    for (const piece of splitStatements(sql)) {
      const end = piece.offset + piece.text.length;
      readChunk(parse, sql, gapFrom, piece.offset, end, null, place, result);
      gapFrom = end;
    }
    return result;
  }
  const toIndex = byteOffsets(sql, 0);
  let gapFrom = 0;
  for (const raw of whole) {
    // stmt_location is the statement's first token (comments before it are skipped by the parser).
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len === undefined || raw.stmt_len === 0 ? sql.length : toIndex(start + raw.stmt_len);
    readChunk(parse, sql, gapFrom, toIndex(start), end, raw, place, result);
    gapFrom = end;
  }
  return result;
}

/**
 * Reads the statement in `sql[from, to)`: the ignore comments between the previous statement and
 * it (`sql[gapFrom, from)`), then the statement itself, already parsed (`raw`, with locations in
 * bytes from the start of `sql`) or parsed here (locations in bytes from its own start).
 */
function readChunk(parse: ParseSql, sql: string, gapFrom: number, from: number, to: number, raw: RawStmt | null, place: Place, result: ReadStatements): void {
  const start = from + leadingTrivia(sql, from, to);
  const ignored = new Set<string>();
  for (const match of sql.slice(gapFrom, start).matchAll(IGNORE)) {
    const [rules = '', ...reason] = (match[1] ?? '').trim().split(/\s+/);
    if (rules === '' || reason.join(' ').trim() === '') {
      result.problems.push({
        rule: 'lint-ignore-reason',
        ...place(gapFrom + (match.index ?? 0)),
        message: '"worlddb:lint-ignore" needs a rule id and a reason (e.g. "-- worlddb:lint-ignore drop-column the app stopped reading it in v42")',
      });
      continue;
    }
    for (const rule of rules.split(',')) if (rule !== '') ignored.add(rule);
  }
  if (start >= to) return;
  const text = sql.slice(start, to).replace(/\s+$/, '');
  let nodes: RawStmt[];
  let toIndex: (bytes: number) => number;
  if (raw !== null) {
    nodes = [raw];
    toIndex = byteOffsets(sql, 0);
  } else {
    toIndex = byteOffsets(text, start);
    try {
      nodes = parse(text).stmts ?? [];
    } catch (error) {
      const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
      result.problems.push({
        rule: 'syntax-error',
        ...place(toIndex(details?.cursorPosition ?? 0)),
        message: `Postgres cannot parse this statement: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
  }
  const position = (location: number | undefined): { line: number; column: number } => place(location === undefined ? start : toIndex(location));
  for (const node of nodes) {
    if (node.stmt !== undefined) result.statements.push({ text, node: node.stmt, ...place(start), position, ignored });
  }
}

/** Maps a string index of `sql` to its 1-based line (counted from `firstLine`) and column. */
function placer(sql: string, firstLine: number): Place {
  const lineStarts = [0];
  for (let i = sql.indexOf('\n'); i >= 0; i = sql.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return { line: firstLine + low, column: index - (lineStarts[low] as number) + 1 };
  };
}

/** Length of the blanks and comments at `sql[from...]`, up to `to` (the whole range when it holds no token). */
function leadingTrivia(sql: string, from: number, to: number): number {
  const first = lexSql(sql.slice(from, to)).next();
  return first.done === true ? to - from : first.value.start;
}

/** Maps a UTF-8 byte offset of `text` (what the parser reports) to a string index, plus `base`. */
function byteOffsets(text: string, base: number): (bytes: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (bytes) => base + Math.min(bytes, text.length);
  const buffer = Buffer.from(text, 'utf8');
  return (bytes) => base + buffer.subarray(0, bytes).toString('utf8').length;
}
