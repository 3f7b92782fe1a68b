/**
 * Turns the up part of a `.sql` migration into parsed statements placed in the file, with their
 * `-- worlddb:lint-ignore` comments.
 */
import type { Node } from 'libpg-query';
import { splitStatements } from '../revision/split-sql.js';
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

/**
 * Splits and parses `sql`, which starts on line `firstLine` (1-based) of its file. A statement the
 * parser refuses is a `syntax-error` problem (and is skipped); an ignore comment without a reason is
 * a `lint-ignore-reason` problem (and ignores nothing).
 *
 * @example
 * readStatements(parse, 'create index i on t (x);', 3).statements[0]?.line // => 3
 */
export function readStatements(parse: ParseSql, sql: string, firstLine: number): ReadStatements {
  const lineStarts = [0];
  for (let i = sql.indexOf('\n'); i >= 0; i = sql.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const place = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: firstLine + low, column: offset - (lineStarts[low] as number) + 1 };
  };

  const statements: LintStatement[] = [];
  const problems: ReadProblem[] = [];
  let gapStart = 0;
  for (const piece of splitStatements(sql)) {
    const ignored = new Set<string>();
    const gap = sql.slice(gapStart, piece.offset);
    for (const match of gap.matchAll(IGNORE)) {
      const [rules = '', ...reason] = (match[1] ?? '').trim().split(/\s+/);
      if (rules === '' || reason.join(' ').trim() === '') {
        problems.push({
          rule: 'lint-ignore-reason',
          ...place(gapStart + (match.index ?? 0)),
          message: `"worlddb:lint-ignore" needs a rule id and a reason (e.g. "-- worlddb:lint-ignore ban-drop-column the app stopped reading it in v42")`,
        });
        continue;
      }
      for (const rule of rules.split(',')) if (rule !== '') ignored.add(rule);
    }
    gapStart = piece.offset + piece.text.length;
    const toOffset = byteOffsets(piece.text);
    const position = (location: number | undefined): { line: number; column: number } =>
      place(piece.offset + toOffset(location ?? 0));
    let nodes: Node[];
    try {
      nodes = (parse(piece.text).stmts ?? []).flatMap((raw) => (raw.stmt === undefined ? [] : [raw.stmt]));
    } catch (error) {
      const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
      problems.push({
        rule: 'syntax-error',
        ...position(details?.cursorPosition),
        message: `Postgres cannot parse this statement: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const start = place(piece.offset);
    for (const node of nodes) statements.push({ text: piece.text, node, ...start, position, ignored });
  }
  return { statements, problems };
}

/** Maps a UTF-8 byte offset of `text` (what the parser reports) to a string index. */
function byteOffsets(text: string): (bytes: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (bytes) => Math.min(bytes, text.length);
  const buffer = Buffer.from(text, 'utf8');
  return (bytes) => buffer.subarray(0, bytes).toString('utf8').length;
}
