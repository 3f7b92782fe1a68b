/**
 * Raw SQL pieces of a model: default expressions, check constraints, index expressions and
 * partial-index predicates. They are kept as written; worlddb never parses them beyond the light
 * normalisation in `expression.ts`.
 */

/** A piece of SQL written by hand, e.g. `now()` or `population >= 0`. */
export interface SqlExpression {
  readonly kind: 'sql';
  readonly text: string;
}

/** What may be interpolated into {@link sql}: another expression, or a value written as a literal. */
export type SqlValue = SqlExpression | string | number | bigint | boolean | null;

/**
 * Writes a string as a SQL literal the way Postgres itself prints one (`pg_get_expr` with
 * `standard_conforming_strings` on): single quotes doubled, backslashes kept, never `E'...'`.
 * This is what the catalog shows, so the model must print the same text.
 *
 * @example
 * printStringLiteral("it's")  // => 'it''s'
 */
export function printStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function interpolate(value: SqlValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      return printStringLiteral(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return value.text;
  }
}

function sqlTag(strings: TemplateStringsArray, ...values: readonly SqlValue[]): SqlExpression {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += interpolate(value) + (strings[i + 1] ?? '');
  });
  return Object.freeze({ kind: 'sql', text });
}

/**
 * Marks SQL written by hand in a model. Interpolated strings become literals, other expressions
 * are inlined.
 *
 * @example
 * created_at: timestamptz().notNull().default(sql`now()`),
 * population: integer().check(sql`population >= 0`),
 * status: text().check(sql`status <> ${'deleted'}`),   // status <> 'deleted'
 * sql.raw('now()')                                       // same as sql`now()`
 */
export const sql: typeof sqlTag & { raw(text: string): SqlExpression } = Object.assign(sqlTag, {
  raw(text: string): SqlExpression {
    return Object.freeze({ kind: 'sql' as const, text });
  },
});

/** True for values made by {@link sql}. Structural, so it works across module instances. */
export function isSqlExpression(value: unknown): value is SqlExpression {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'sql' &&
    typeof (value as { text?: unknown }).text === 'string'
  );
}
