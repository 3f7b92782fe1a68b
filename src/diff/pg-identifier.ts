/**
 * Identifiers as Postgres prints them, and renaming a column inside printed expressions.
 *
 * The states hold types, index keys and expressions as Postgres prints them, where a name is
 * bare when it can be (`population`) and quoted otherwise (`"Population"`, `"order"`). To match a
 * column's type against an enum, or to follow a column rename through a check expression, we need
 * the same rule as Postgres' `quote_identifier`.
 */
import { printIdentifier } from '../sql/print-identifier.js';

// Matching a type against an enum is needed by the order of operations too, so it lives in ops.
export { enumTypeUse } from '../ops/enum-type-use.js';

function isWordStart(ch: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(ch);
}

function isWordPart(ch: string): boolean {
  return /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
}

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
  let out = '';
  let i = 0;
  /** The last significant text written, to see `::` and `.` before a name. */
  let previous = '';
  /** True when that text was a name as Postgres prints a name (`name`, `"Name"`), or a `)`. */
  let afterName = false;
  /** True inside the type name of a cast (`::character varying`): `format_type` prints it in lower case. */
  let inTypeName = false;
  while (i < expression.length) {
    const ch = expression[i] ?? '';
    if (ch === "'") {
      // A string literal; an E'...' literal (the E was copied as a word) also has backslash escapes.
      const escapes = /(^|[^A-Za-z0-9_$])[Ee]$/.test(out);
      let j = i + 1;
      while (j < expression.length) {
        const c = expression[j];
        if (escapes && c === '\\') {
          j += 2;
          continue;
        }
        if (c === "'") {
          if (expression[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j += 1;
      }
      out += expression.slice(i, j + 1);
      previous = "'";
      afterName = false;
      inTypeName = false;
      i = j + 1;
      continue;
    }
    if (ch === '"' || isWordStart(ch)) {
      let j: number;
      let name: string;
      if (ch === '"') {
        j = i + 1;
        name = '';
        while (j < expression.length) {
          if (expression[j] === '"') {
            if (expression[j + 1] === '"') {
              name += '"';
              j += 2;
              continue;
            }
            break;
          }
          name += expression[j];
          j += 1;
        }
        j += 1;
      } else {
        j = i + 1;
        while (j < expression.length && isWordPart(expression[j] ?? '')) j += 1;
        name = expression.slice(i, j).toLowerCase();
      }
      const text = expression.slice(i, j);
      inTypeName = inTypeName && (ch === '"' || text === text.toLowerCase());
      const next = /^\s*(.)/.exec(expression.slice(j))?.[1];
      const renamed = renames.get(name);
      // A bare word is a column only if Postgres would print that column bare (not `AND`, `NULL`).
      const printedAsColumn = ch === '"' || printIdentifier(name) === name;
      const isReference =
        printedAsColumn &&
        !afterName &&
        !inTypeName &&
        previous !== '.' &&
        previous !== 'collate' &&
        previous !== 'nulls' &&
        next !== '(' &&
        next !== '.';
      out += renamed !== undefined && isReference ? printIdentifier(renamed) : text;
      previous = ch === '"' ? 'name' : name;
      afterName = ch === '"' || printIdentifier(text) === text;
      i = j;
      continue;
    }
    if (ch === ':' && expression[i + 1] === ':') {
      out += '::';
      previous = '::';
      afterName = false;
      inTypeName = true;
      i += 2;
      continue;
    }
    out += ch;
    if (!/\s/.test(ch)) {
      previous = ch;
      afterName = ch === ')';
      inTypeName = inTypeName && ch === '.';
    }
    i += 1;
  }
  return out;
}
