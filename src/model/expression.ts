/**
 * Just enough understanding of hand-written SQL expressions (checks, partial-index predicates,
 * index keys) to print them closer to Postgres and to name check constraints and indexes as
 * Postgres does. No parser: the tokens of the shared SQL lexer (`src/sql/lexer.ts`), read with
 * parentheses in mind.
 */
import { sqlTokens, type SqlTokenKind } from '../sql/lexer.js';

/** A token as the readers below use it: a quoted identifier's text is the name it quotes. */
interface Token {
  readonly kind: SqlTokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(sql: string): Token[] {
  return sqlTokens(sql).map((token) => ({ kind: token.kind, text: token.value, start: token.start, end: token.end }));
}

/** Index of the token closing the parenthesis opened at `open`, or -1. */
function matchingClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const kind = tokens[i]?.kind;
    if (kind === 'open') depth += 1;
    else if (kind === 'close') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Keywords the deparser prints in capitals (`IS NOT NULL`, `AND`); `true`/`false` stay lower case. */
const UPPER_CASE_KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'is', 'null']);

function upperCaseKeywords(sql: string): string {
  let out = '';
  let at = 0;
  for (const token of tokenize(sql)) {
    if (token.kind === 'word' && UPPER_CASE_KEYWORDS.has(token.text.toLowerCase())) {
      out += sql.slice(at, token.start) + token.text.toUpperCase();
      at = token.end;
    }
  }
  return out + sql.slice(at);
}

/**
 * Prints a boolean expression the way Postgres' deparser usually does at the top level: an
 * operator expression gets one pair of parentheses (`population >= 0` → `(population >= 0)`,
 * `deleted_at IS NULL` → `(deleted_at IS NULL)`); a lone column, a function call or an
 * expression already in parentheses is kept; `and`, `or`, `not`, `is`, `null` are capitalised.
 * Inner parts are kept as written, so complex expressions (casts Postgres adds, nested
 * operators) may still differ from the catalog's text.
 *
 * @example
 * printExpression('population >= 0')  // => (population >= 0)
 * printExpression('is_valid(code)')   // => is_valid(code)
 */
export function printExpression(sql: string): string {
  const text = upperCaseKeywords(sql.trim());
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const first = tokens[0];
  const lastIndex = tokens.length - 1;
  if (first?.kind === 'open' && matchingClose(tokens, 0) === lastIndex) return text;
  if (tokens.length === 1 && (first?.kind === 'word' || first?.kind === 'quotedIdent')) return text;
  // name(...) or schema.name(...) spanning the whole text, but not NOT (...)
  const call = functionCallName(tokens);
  if (call !== null && !(call.kind === 'word' && UPPER_CASE_KEYWORDS.has(call.text.toLowerCase()))) return text;
  return `(${text})`;
}

/**
 * The distinct columns of `columns` an expression mentions, in order of first mention. Unquoted
 * words are folded to lower case as Postgres does; words followed by `(` (functions) or preceded
 * by `::` (types) or `.` are not columns.
 *
 * @example
 * referencedColumns('founded <= dissolved', ['founded', 'dissolved', 'name'])  // => ['founded', 'dissolved']
 */
export function referencedColumns(sql: string, columns: readonly string[]): string[] {
  const tokens = tokenize(sql);
  const known = new Set(columns);
  const found: string[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' && token.kind !== 'quotedIdent') return;
    const name = token.kind === 'word' ? token.text.toLowerCase() : token.text;
    if (!known.has(name) || found.includes(name)) return;
    if (tokens[i + 1]?.kind === 'open') return;
    const before = tokens[i - 1];
    if (before?.text === '.' || (before?.text === ':' && tokens[i - 2]?.text === ':')) return;
    found.push(name);
  });
  return found;
}

/** Type names as the grammar records them (`SystemTypeName`), for names of cast expressions. */
const SYSTEM_TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  float: 'float8',
  precision: 'float8',
  boolean: 'bool',
  varying: 'varchar',
  varchar: 'varchar',
  char: 'bpchar',
  character: 'bpchar',
  dec: 'numeric',
  decimal: 'numeric',
  numeric: 'numeric',
};

function wordName(token: Token): string {
  return token.kind === 'word' ? token.text.toLowerCase() : token.text;
}

function isName(token: Token | undefined): boolean {
  return token?.kind === 'word' || token?.kind === 'quotedIdent';
}

/** `a`, `t.a`, `s.t.a`. */
function isColumnReference(t: readonly Token[]): boolean {
  return t.length % 2 === 1 && t.every((x, i) => (i % 2 === 0 ? isName(x) : x.text === '.'));
}

/** The name token of a function call spanning all of `t` (`f(...)`, `s.f(...)`), or null. */
function functionCallName(t: readonly Token[]): Token | null {
  let i = 0;
  while (i + 2 < t.length && t[i + 1]?.text === '.') i += 2;
  const head = t[i];
  if (head === undefined || !isName(head) || t[i + 1]?.kind !== 'open') return null;
  return matchingClose(t, i + 1) === t.length - 1 ? head : null;
}

/** A single operand: a column, a literal, a call, a parenthesised expression, or a cast of one. */
function isOperand(t: readonly Token[]): boolean {
  if (t.length === 1 && (isName(t[0]) || t[0]?.kind === 'string')) return true;
  if (t[0]?.kind === 'open' && matchingClose(t, 0) === t.length - 1) return true;
  return isColumnReference(t) || functionCallName(t) !== null;
}

type Figured = { readonly name: string; readonly strength: number } | null;

/** The name of a cast `inner::type`: the inner expression's if it is sure, else the type's. */
function figureCast(inner: readonly Token[], type: readonly Token[]): Figured {
  const figured = figure(inner);
  if (figured !== null && figured.strength > 1) return figured;
  const words = type.filter((x) => x.kind === 'word' || x.kind === 'quotedIdent');
  const last = words.at(-1);
  if (last === undefined) return figured;
  const names = words.map(wordName);
  if (names.includes('zone')) {
    const base = names[0] ?? 'timestamp';
    return { name: names.includes('without') ? base : `${base}tz`, strength: 1 };
  }
  const name = last.kind === 'word' ? (SYSTEM_TYPE_NAMES[wordName(last)] ?? wordName(last)) : last.text;
  return { name, strength: 1 };
}

/**
 * `FigureColnameInternal` on tokens: a name and how sure it is (2: column or function name,
 * 1: fallback such as a type name or `case`), or null when Postgres would say `expr`.
 */
function figure(tokens: readonly Token[]): Figured {
  let t = tokens;
  while (t[0]?.kind === 'open' && matchingClose(t, 0) === t.length - 1) t = t.slice(1, -1);
  const first = t[0];
  if (first === undefined) return null;
  // a cast at the top level: expr::type (the last one wins)
  let depth = 0;
  let castAt = -1;
  t.forEach((token, i) => {
    if (token.kind === 'open') depth += 1;
    else if (token.kind === 'close') depth -= 1;
    else if (depth === 0 && token.text === ':' && t[i + 1]?.text === ':') castAt = i;
  });
  // `::` binds tighter than any operator: `a + b::text` is not a cast of `a + b`
  if (castAt > 0 && isOperand(t.slice(0, castAt))) return figureCast(t.slice(0, castAt), t.slice(castAt + 2));
  if (isColumnReference(t)) {
    const last = t.at(-1);
    if (last === undefined) return null;
    return { name: wordName(last), strength: 2 };
  }
  if (first.kind === 'word') {
    const word = wordName(first);
    if (word === 'case' || word === 'array' || word === 'row') return { name: word, strength: 1 };
  }
  // a function call spanning the whole text: f(...), s.f(...); CAST(x AS type) is a cast
  const head = functionCallName(t);
  if (head !== null) {
    const name = wordName(head);
    const i = t.indexOf(head);
    if (name !== 'cast') return { name, strength: 2 };
    const inside = t.slice(i + 2, -1);
    const as = inside.findIndex((x) => x.kind === 'word' && x.text.toLowerCase() === 'as');
    return as < 0 ? null : figureCast(inside.slice(0, as), inside.slice(as + 1));
  }
  return null;
}

/**
 * The name Postgres gives an index key that is an expression (`FigureIndexColname`), which
 * enters the default index name: `lower(name)` → `lower`, `(a + b)` → `expr`.
 *
 * @example
 * indexExpressionName('lower(name)')   // => lower
 * indexExpressionName('a + b')         // => expr
 */
export function indexExpressionName(sql: string): string {
  return figure(tokenize(sql))?.name ?? 'expr';
}

/**
 * True when `t` can only be the options of an index element (`COLLATE "C"`, an operator class
 * with its parameters, `ASC` / `DESC`, `NULLS FIRST` / `NULLS LAST`): names and dots, and
 * parenthesised parameters, but no operator or literal at the top level.
 */
function isIndexElementOptions(t: readonly Token[]): boolean {
  for (let i = 0; i < t.length; i += 1) {
    const token = t[i];
    if (token?.kind === 'open') {
      const close = matchingClose(t, i);
      if (close < 0) return false;
      i = close;
    } else if (!isName(token) && token?.text !== '.') {
      return false;
    }
  }
  return true;
}

/**
 * The name Postgres gives one index key written as an index element, which enters the default
 * index name (`ChooseIndexColumnNames` in indexcmds.c). The grammar (`index_elem`) reads a
 * column, a function call or a parenthesised expression, each followed by options (collation,
 * operator class, `DESC`, `NULLS FIRST`). A column keeps its name whatever its options (`name
 * DESC` → `name`, `data jsonb_path_ops` → `data`); an expression is named by
 * `FigureIndexColname` without its options (`lower(name) DESC` → `lower`, `((a + b)) DESC` →
 * `expr`). Text that is no index element is named as an expression as a whole.
 *
 * @example
 * indexKeyName('name DESC')            // => name
 * indexKeyName('"Name" COLLATE "C"')   // => Name
 * indexKeyName('lower(name) DESC')     // => lower
 * indexKeyName('(a + b) NULLS FIRST')  // => expr
 */
export function indexKeyName(sql: string): string {
  const tokens = tokenize(sql);
  const head = tokens[0];
  if (head === undefined) return 'expr';
  // ColId index_elem_options: a column, named as such (never `FigureIndexColname`)
  if (isName(head) && tokens[1]?.kind !== 'open' && tokens[1]?.text !== '.' && isIndexElementOptions(tokens.slice(1))) {
    return wordName(head);
  }
  // func_expr_windowless or '(' a_expr ')', then index_elem_options
  let open = 0;
  if (head.kind !== 'open') {
    while (isName(tokens[open]) && tokens[open + 1]?.text === '.') open += 2;
    open += 1;
  }
  if (tokens[open]?.kind === 'open' && (head.kind === 'open' || isName(tokens[open - 1]))) {
    const close = matchingClose(tokens, open);
    if (close > 0 && isIndexElementOptions(tokens.slice(close + 1))) return figure(tokens.slice(0, close + 1))?.name ?? 'expr';
  }
  return indexExpressionName(sql);
}

/**
 * Words that are never a column in an expression (or that this check cannot tell from one):
 * keywords, SQL-standard functions written without parentheses, field and unit names of
 * `EXTRACT` and intervals, options of index elements. Only used to decide what to *not* flag.
 */
const NOT_COLUMNS: ReadonlySet<string> = new Set([
  'null', 'true', 'false', 'unknown', 'default', 'and', 'or', 'not', 'is', 'isnull', 'notnull', 'in', 'like', 'ilike',
  'similar', 'to', 'escape', 'between', 'symmetric', 'asymmetric', 'case', 'when', 'then', 'else', 'end', 'asc', 'desc',
  'nulls', 'first', 'last', 'collate', 'collation', 'array', 'row', 'any', 'some', 'all', 'exists', 'distinct', 'from', 'for', 'as',
  'cast', 'treat', 'overlaps', 'at', 'time', 'zone', 'with', 'without', 'local', 'interval', 'using', 'operator',
  'normalized', 'nfc', 'nfd', 'nfkc', 'nfkd', 'placing', 'both', 'leading', 'trailing', 'of', 'only', 'document',
  'current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp', 'current_user', 'current_role',
  'session_user', 'system_user', 'user', 'current_catalog', 'current_schema',
  'year', 'month', 'day', 'hour', 'minute', 'second', 'years', 'months', 'days', 'hours', 'minutes', 'seconds',
  'epoch', 'dow', 'doy', 'isodow', 'isoyear', 'julian', 'week', 'quarter', 'decade', 'century', 'millennium',
  'microseconds', 'milliseconds', 'timezone', 'timezone_hour', 'timezone_minute',
  'json', 'value', 'scalar', 'object', 'keys', 'unique', // IS JSON OBJECT WITH UNIQUE KEYS
  'precision', 'varying', 'double', 'character', 'national',
]);

/** Words that continue a type name after its first word (`double precision`, `timestamp with time zone`). */
const TYPE_CONTINUATION: ReadonlySet<string> = new Set(['precision', 'varying', 'with', 'without', 'time', 'zone']);

/**
 * Names an expression uses as columns that are not in `columns`, in order of first mention.
 * Conservative: only a bare name that is clearly a column reference is considered (not a
 * function name before `(`, a qualifier or qualified name around `.`, a type after `::` or
 * `AS`, a collation after `COLLATE`, a type of a typed literal such as `date '2000-01-01'`, a
 * keyword, a suffix of a number such as `1e5`, or anything inside `xml…(...)` / `json…(...)`).
 */
function unknownInTokens(sql: string, tokens: readonly Token[], columns: readonly string[]): string[] {
  const known = new Set(columns);
  const found: string[] = [];
  let inType = false;
  let typeWordSeen = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    if (inType) {
      if (isName(token)) {
        const word = wordName(token);
        if (!typeWordSeen || before?.text === '.' || (token.kind === 'word' && TYPE_CONTINUATION.has(word))) {
          typeWordSeen = true;
          continue;
        }
      } else if (token.kind === 'open' && isName(before)) {
        const close = matchingClose(tokens, i);
        if (close < 0) return found;
        i = close;
        continue;
      } else if (token.text === '.' || token.text === '[' || token.text === ']' || token.kind === 'number') {
        continue;
      }
      inType = false;
    }
    if (token.text === ':' && next?.text === ':') {
      i += 1;
      inType = true;
      typeWordSeen = false;
      continue;
    }
    if (!isName(token)) continue;
    const word = wordName(token);
    if (token.kind === 'word' && (word === 'as' || word === 'returning')) {
      inType = true;
      typeWordSeen = false;
      continue;
    }
    if (token.kind === 'word' && word === 'collate') {
      if (isName(next)) i += 1;
      continue;
    }
    if (next?.kind === 'open') {
      // a call; the arguments of the XML and SQL/JSON functions have too much grammar to check
      if (token.kind === 'word' && /^(xml|json)/.test(word)) {
        const close = matchingClose(tokens, i + 1);
        if (close < 0) return found;
        i = close;
      } else if (token.kind === 'word' && word === 'extract' && isName(tokens[i + 2])) {
        i += 2; // the field: EXTRACT(year FROM ...)
      }
      continue;
    }
    if (next?.text === '.' || before?.text === '.') continue;
    if (next?.kind === 'string') continue; // typed literal: date '2000-01-01', B'101'
    if (token.kind === 'word') {
      if (NOT_COLUMNS.has(word)) continue;
      if (/[0-9.]/.test(sql[token.start - 1] ?? '')) continue; // 1e5, 0x1F, 1_000
      if (next?.text === '&' && next.start === token.end) continue; // U&'...'
    }
    if (!known.has(word) && !found.includes(word)) found.push(word);
  }
  return found;
}

/**
 * The names an expression (a check, a partial-index predicate) uses as columns that are not
 * among `columns`; unquoted names are folded to lower case. When in doubt, a name is not
 * reported.
 *
 * @example
 * unknownColumns('nope > 0 AND lower(name) <> \'x\'', ['name'])  // => ['nope']
 */
export function unknownColumns(sql: string, columns: readonly string[]): string[] {
  return unknownInTokens(sql, tokenize(sql), columns);
}

/**
 * Like {@link unknownColumns} for one index element as `CREATE INDEX` takes it: the options
 * after the column or expression (`COLLATE "C"`, an operator class, `DESC`, `NULLS LAST`) are
 * not columns.
 *
 * @example
 * unknownIndexKeyColumns('data jsonb_path_ops', ['data'])     // => []
 * unknownIndexKeyColumns('lower(nope) DESC', ['name'])        // => ['nope']
 */
export function unknownIndexKeyColumns(sql: string, columns: readonly string[]): string[] {
  const tokens = tokenize(sql);
  const head = tokens[0];
  if (head === undefined) return [];
  if (isName(head) && tokens[1]?.kind !== 'open' && tokens[1]?.text !== '.' && isIndexElementOptions(tokens.slice(1))) {
    return unknownInTokens(sql, tokens.slice(0, 1), columns);
  }
  let open = 0;
  if (head.kind !== 'open') {
    while (isName(tokens[open]) && tokens[open + 1]?.text === '.') open += 2;
    open += 1;
  }
  if (tokens[open]?.kind === 'open' && (head.kind === 'open' || isName(tokens[open - 1]))) {
    const close = matchingClose(tokens, open);
    if (close > 0 && isIndexElementOptions(tokens.slice(close + 1))) return unknownInTokens(sql, tokens.slice(0, close + 1), columns);
  }
  return unknownInTokens(sql, tokens, columns);
}
