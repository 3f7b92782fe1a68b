/**
 * The `JSON.parse` error of a config file, told with line and column instead of V8's character
 * position, followed by the offending line: `:3:3: Expected double-quoted property name in \`b: 2}\``
 * (to follow the file's name; `: reason` when V8 gives no position).
 *
 * @example
 * describeJsonError('{\n  b: 2}', new SyntaxError('Expected double-quoted property name in JSON at position 4'))
 * // => ':2:3: Expected double-quoted property name in `b: 2}`'
 */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  const position = match === null ? (/end of JSON input/.test(message) ? text.length : null) : Number(match[1]);
  const reason = match === null ? message : message.slice(0, match.index);
  if (position === null) return `: ${reason}`;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const lineText = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  return `:${line}:${position - lineStart + 1}: ${reason}${lineText === '' ? '' : ` in \`${lineText}\``}`;
}
