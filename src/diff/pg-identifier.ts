/**
 * Identifiers as Postgres prints them, and renaming a column inside printed expressions.
 *
 * The states hold types, index keys and expressions as Postgres prints them, where a name is
 * bare when it can be (`population`) and quoted otherwise (`"Population"`, `"order"`). To match a
 * column's type against an enum, or to follow a column rename through a check expression, we need
 * the same rule as Postgres' `quote_identifier`.
 */
import { printIdentifier } from '../sql/print-identifier.js';
import { quoteIdent } from '../sql/quote.js';

/**
 * If `type` (as `format_type` prints it) is the enum `enumName` of the schema itself, or an array
 * of it, says which; otherwise `null`.
 *
 * @example
 * enumTypeUse('continent[]', 'continent') // => { array: true }
 * enumTypeUse('text', 'continent')        // => null
 */
export function enumTypeUse(type: string, enumName: string): { readonly array: boolean } | null {
  const array = type.endsWith('[]');
  const base = array ? type.slice(0, -2) : type;
  if (base === printIdentifier(enumName) || base === quoteIdent(enumName)) return { array };
  return null;
}

function isWordStart(ch: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(ch);
}

function isWordPart(ch: string): boolean {
  return /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
}

/**
 * Replaces column names in an expression as Postgres prints it (a check, an index key, an index
 * predicate), following renames: `(population >= 0)` with `population → pop` becomes
 * `(pop >= 0)`. String literals, function names (a word followed by `(`), type names (after
 * `::`) and field names (after `.`) are left alone.
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
      const next = /^\s*(.)/.exec(expression.slice(j))?.[1];
      const renamed = renames.get(name);
      // A bare word is a column only if Postgres would print that column bare (not `AND`, `NULL`).
      const printedAsColumn = ch === '"' || printIdentifier(name) === name;
      const isReference =
        printedAsColumn && previous !== '::' && previous !== '.' && previous !== 'collate' && next !== '(' && next !== '.';
      out += renamed !== undefined && isReference ? printIdentifier(renamed) : text;
      previous = ch === '"' ? 'name' : name;
      i = j;
      continue;
    }
    if (ch === ':' && expression[i + 1] === ':') {
      out += '::';
      previous = '::';
      i += 2;
      continue;
    }
    out += ch;
    if (!/\s/.test(ch)) previous = ch;
    i += 1;
  }
  return out;
}
