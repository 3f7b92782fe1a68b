/**
 * What the SQL of a migration part destroys, read from its statements (no database): dropped
 * tables, columns, schemas and types, and truncated tables. Used to tell, before a downgrade runs,
 * what it will destroy. Only the statement forms worlddb and people commonly write are read
 * (`DROP TABLE`, `ALTER TABLE ... DROP [COLUMN]`, `DROP SCHEMA`, `TRUNCATE`, `DROP TYPE`/`DOMAIN`);
 * anything else (a `DELETE`, a function call) is not seen, which is why the `-- WARNING:` lines are
 * shown as well.
 */
import { leadingTokens, splitStatements } from './split-sql.js';

/** One thing a statement destroys. Unqualified names are given the default schema. */
export type Destruction =
  | { readonly kind: 'table' | 'truncate'; readonly schema: string; readonly table: string }
  | { readonly kind: 'column'; readonly schema: string; readonly table: string; readonly column: string }
  | { readonly kind: 'schema'; readonly schema: string }
  | { readonly kind: 'type'; readonly schema: string; readonly type: string };

/** Enough tokens for any realistic DROP/ALTER statement; longer lists are read up to here. */
const MAX_TOKENS = 400;

/** An identifier token as Postgres reads it: unquoted words are already lower-cased. */
function identifier(token: string | undefined): string | null {
  if (token === undefined) return null;
  if (token.startsWith('"')) return token.slice(1, -1).replaceAll('""', '"');
  return /^[a-z_\u0080-\uffff][a-z0-9_$\u0080-\uffff]*$/.test(token) ? token : null;
}

/** Reads `[schema.]name` at `i`; returns the name and the index after it. */
function qualifiedName(tokens: readonly string[], i: number, defaultSchema: string): { schema: string; name: string; next: number } | null {
  const first = identifier(tokens[i]);
  if (first === null) return null;
  if (tokens[i + 1] === '.') {
    const second = identifier(tokens[i + 2]);
    return second === null ? null : { schema: first, name: second, next: i + 3 };
  }
  return { schema: defaultSchema, name: first, next: i + 1 };
}

function skipIfExists(tokens: readonly string[], i: number): number {
  return tokens[i] === 'if' && tokens[i + 1] === 'exists' ? i + 2 : i;
}

/** The comma-separated names of `DROP TABLE a, b` / `TRUNCATE a, b` starting at `i`. */
function nameList(tokens: readonly string[], i: number, defaultSchema: string): { schema: string; name: string }[] {
  const names: { schema: string; name: string }[] = [];
  for (let at = i; ; ) {
    if (tokens[at] === 'only') at += 1;
    const name = qualifiedName(tokens, at, defaultSchema);
    if (name === null) return names;
    names.push({ schema: name.schema, name: name.name });
    at = name.next;
    if (tokens[at] === '*') at += 1;
    if (tokens[at] !== ',') return names;
    at += 1;
  }
}

/** What `ALTER TABLE ... DROP` actions drop: columns (not constraints, defaults, NOT NULL, identity, expressions). */
const NOT_A_COLUMN = new Set(['constraint', 'default', 'not', 'identity', 'expression']);

function alterTableDrops(tokens: readonly string[], defaultSchema: string): Destruction[] {
  let i = skipIfExists(tokens, 2);
  if (tokens[i] === 'only') i += 1;
  const table = qualifiedName(tokens, i, defaultSchema);
  if (table === null) return [];
  const found: Destruction[] = [];
  let depth = 0;
  for (let at = table.next; at < tokens.length; at += 1) {
    const token = tokens[at];
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    if (depth !== 0 || token !== 'drop') continue;
    let next = at + 1;
    if (NOT_A_COLUMN.has(tokens[next] ?? '')) continue;
    if (tokens[next] === 'column') next += 1;
    next = skipIfExists(tokens, next);
    const column = identifier(tokens[next]);
    if (column !== null) found.push({ kind: 'column', schema: table.schema, table: table.name, column });
  }
  return found;
}

/**
 * What one statement destroys.
 *
 * @example
 * statementDestructions('ALTER TABLE countries DROP COLUMN area_km2', 'asia')
 * // => [{ kind: 'column', schema: 'asia', table: 'countries', column: 'area_km2' }]
 */
export function statementDestructions(statement: string, defaultSchema: string): Destruction[] {
  const tokens = leadingTokens(statement, MAX_TOKENS);
  const [first, second] = tokens;
  if (first === 'drop' && second === 'table') {
    return nameList(tokens, skipIfExists(tokens, 2), defaultSchema).map((n) => ({ kind: 'table', schema: n.schema, table: n.name }));
  }
  if (first === 'drop' && second === 'schema') {
    const at = skipIfExists(tokens, 2);
    const names: Destruction[] = [];
    for (let i = at; identifier(tokens[i]) !== null; i += 2) {
      names.push({ kind: 'schema', schema: identifier(tokens[i]) as string });
      if (tokens[i + 1] !== ',') break;
    }
    return names;
  }
  if (first === 'drop' && (second === 'type' || second === 'domain')) {
    return nameList(tokens, skipIfExists(tokens, 2), defaultSchema).map((n) => ({ kind: 'type', schema: n.schema, type: n.name }));
  }
  if (first === 'truncate') {
    const at = tokens[1] === 'table' ? 2 : 1;
    return nameList(tokens, at, defaultSchema).map((n) => ({ kind: 'truncate', schema: n.schema, table: n.name }));
  }
  if (first === 'alter' && second === 'table') return alterTableDrops(tokens, defaultSchema);
  return [];
}

/**
 * What the statements of `sql` destroy, in order.
 *
 * @example
 * sqlDestructions('DROP TABLE IF EXISTS cities, "Old"; TRUNCATE public.logs;', 'asia')
 * // => [{ kind: 'table', schema: 'asia', table: 'cities' }, { kind: 'table', schema: 'asia', table: 'Old' },
 * //     { kind: 'truncate', schema: 'public', table: 'logs' }]
 */
export function sqlDestructions(sql: string, defaultSchema: string): Destruction[] {
  return splitStatements(sql).flatMap((statement) => statementDestructions(statement.text, defaultSchema));
}

/**
 * The `-- WARNING:` comment lines of a SQL text (autogenerate writes one above each destructive
 * statement), trimmed.
 *
 * @example
 * warningComments('-- WARNING: drops column area_km2\nALTER TABLE ...') // => ['-- WARNING: drops column area_km2']
 */
export function warningComments(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^--\s*WARNING:/i.test(line));
}
