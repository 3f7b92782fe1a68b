import { fileURLToPath } from 'node:url';
import { describeCause } from '../errors.js';
import { displayPath } from '../revision/display-path.js';

/** Where a module failed to parse: file, 1-based line and column, and the text of that line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly lineText: string;
}

/** A user module (model, config, code migration) that does not parse, with the place it stops. */
export class ModuleSyntaxError extends Error {
  readonly location: SourceLocation;
  readonly reason: string;

  constructor(reason: string, location: SourceLocation) {
    super(`${location.file}:${location.line}:${location.column}: ${reason}`);
    this.name = 'ModuleSyntaxError';
    this.reason = reason;
    this.location = location;
  }
}

/**
 * The `error:` line for a user module that could not be loaded. A syntax error gives the file,
 * line and column and the offending line; any other failure its first line (prefixed with its
 * class name when that says more, e.g. `TypeError: ...`).
 *
 * @example
 * describeModuleFailure('model', '/p/src/db/asia.ts', syntaxError, '/p')
 * // => 'syntax error in model src/db/asia.ts:3:11: Unexpected ";" in `const x = ;`'
 * describeModuleFailure('model', '/p/src/db/asia.ts', new TypeError('x is not a function'), '/p')
 * // => 'cannot load model src/db/asia.ts: TypeError: x is not a function'
 */
export function describeModuleFailure(what: string, file: string, error: unknown, cwd: string = process.cwd()): string {
  const shown = displayPath(file, cwd);
  const syntax = error instanceof ModuleSyntaxError ? error : nativeSyntaxError(error);
  if (syntax !== null) {
    const { line, column, lineText } = syntax.location;
    const excerpt = lineText.trim() === '' ? '' : ` in \`${lineText.trim()}\``;
    if (syntax.location.file === file) return `syntax error in ${what} ${shown}:${line}:${column}: ${syntax.reason}${excerpt}`;
    const imported = displayPath(syntax.location.file, cwd);
    return `syntax error in ${imported}:${line}:${column} (imported by ${what} ${shown}): ${syntax.reason}${excerpt}`;
  }
  const text = describeCause(error);
  const named = error instanceof Error && error.name !== 'Error' && !text.startsWith(error.name) ? `${error.name}: ${text}` : text;
  return `cannot load ${what} ${shown}: ${named}`;
}

/** Whether the failure is a syntax error (the hint then says to fix that place). */
export const isSyntaxFailure = (error: unknown): boolean => error instanceof ModuleSyntaxError || nativeSyntaxError(error) !== null;

/**
 * Node's own syntax errors (for `.js`, `.mjs`, `.cjs` modules) carry the place only in their
 * stack: `file:///p/a.mjs:3` (or a path), the offending line, then a caret under the column.
 */
function nativeSyntaxError(error: unknown): ModuleSyntaxError | null {
  if (!(error instanceof SyntaxError) || typeof error.stack !== 'string') return null;
  const [where, lineText, caret] = error.stack.split('\n');
  const match = /^(.+):(\d+)$/.exec(where ?? '');
  if (match === null || lineText === undefined || caret === undefined || !/^\s*\^+\s*$/.test(caret)) return null;
  const location = match[1] ?? '';
  const file = location.startsWith('file:') ? fileURLToPath(location) : location;
  return new ModuleSyntaxError(error.message, {
    file,
    line: Number(match[2]),
    column: caret.indexOf('^') + 1,
    lineText,
  });
}
