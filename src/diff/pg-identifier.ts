/**
 * Identifiers as Postgres prints them, and renaming a column inside printed expressions.
 *
 * The states hold types, index keys and expressions as Postgres prints them, where a name is
 * bare when it can be (`population`) and quoted otherwise (`"Population"`, `"order"`). To match a
 * column's type against an enum, or to follow a column rename through a check expression, we need
 * the same rule as Postgres' `quote_identifier`.
 */
import { sqlTokens } from '../sql/lexer.js';
import { printIdentifier } from '../sql/print-identifier.js';

// Matching a type against an enum is needed by the order of operations too, so it lives in ops.
export { enumTypeUse } from '../ops/enum-type-use.js';

/**
 * Replaces column names in an expression as Postgres prints it (a check, an index key, an index
 * predicate), following renames: `(population >= 0)` with `population → pop` becomes
 * `(pop >= 0)`. String literals, function names (a word followed by `(`), type names (the
 * lower-case words after `::`, `timestamp with time zone`), field names (after `.`) and
 * collations are left alone, and so are the options of an index key: a name right after a name
 * or a `)` is an operator class (`data jsonb_path_ops`, `lower(name) text_pattern_ops`), never a
 * column, since Postgres prints the keywords that may stand before a column in capitals (`AND`,
 * `THEN`); and the word after `NULLS` is `FIRST` or `LAST`.
 *
 * @example
 * renameInExpression('("Area" > 0)', new Map([['Area', 'area']])) // => '(area > 0)'
 */
export function renameInExpression(expression: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return expression;
  const tokens = sqlTokens(expression);
  let out = '';
  let copied = 0;
  /** The last significant text written, to see `::` and `.` before a name. */
  let previous = '';
  /** True when that text was a name as Postgres prints a name (`name`, `"Name"`), or a `)`. */
  let afterName = false;
  /** True inside the type name of a cast (`::character varying`): `format_type` prints it in lower case. */
  let inTypeName = false;
  tokens.forEach((token, i) => {
    out += expression.slice(copied, token.start); // blank space between tokens, as written
    copied = token.end;
    const next = tokens[i + 1];
    if (token.kind === 'word' || token.kind === 'quotedIdent') {
      const quoted = token.kind === 'quotedIdent';
      const name = quoted ? token.value : token.text.toLowerCase();
      inTypeName = inTypeName && (quoted || token.text === token.text.toLowerCase());
      const renamed = renames.get(name);
      // A bare word is a column only if Postgres would print that column bare (not `AND`, `NULL`).
      const printedAsColumn = quoted || printIdentifier(name) === name;
      const isReference =
        printedAsColumn &&
        !afterName &&
        !inTypeName &&
        previous !== '.' &&
        previous !== 'collate' &&
        previous !== 'nulls' &&
        next?.text !== '(' &&
        next?.text !== '.';
      out += renamed !== undefined && isReference ? printIdentifier(renamed) : token.text;
      previous = quoted ? 'name' : name;
      afterName = quoted || printIdentifier(token.text) === token.text;
      return;
    }
    out += token.text;
    if (token.kind === 'string') {
      previous = "'";
      afterName = false;
      inTypeName = false;
    } else if (token.text === ':' && next?.text === ':' && next.start === token.end) {
      previous = ':';
      afterName = false;
    } else if (token.text === ':' && previous === ':') {
      previous = '::';
      afterName = false;
      inTypeName = true;
    } else {
      previous = token.text;
      afterName = token.text === ')';
      inTypeName = inTypeName && token.text === '.';
    }
  });
  return out + expression.slice(copied);
}
