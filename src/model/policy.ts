/**
 * Row-level security policies of a table, declared in its options.
 */
import type { SqlExpression } from './sql-expression.js';

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

export interface PolicyOptions {
  /** The command it applies to. Default `'all'`. */
  readonly for?: PolicyCommand;
  /** Role names. Default `['public']` (every role). */
  readonly to?: readonly string[];
  /** Rows visible (or affected): `USING (...)`. */
  readonly using?: SqlExpression;
  /** Rows allowed to be written: `WITH CHECK (...)`. */
  readonly withCheck?: SqlExpression;
  /** `AS RESTRICTIVE` (all restrictive policies must pass). Default false: permissive. */
  readonly restrictive?: boolean;
}

export interface PolicyDefinition {
  readonly kind: 'policy';
  readonly name: string;
  readonly command: PolicyCommand;
  readonly roles: readonly string[];
  readonly using: SqlExpression | null;
  readonly withCheck: SqlExpression | null;
  readonly restrictive: boolean;
}

/**
 * A row-level security policy, for the `policies` of a table's options (with `rowSecurity`).
 * Compared by Postgres' own text of its expressions.
 *
 * @example
 * table({ id: integer().primaryKey(), owner: text().notNull() }, {
 *   rowSecurity: true,
 *   policies: [policy('own_rows', { for: 'select', using: sql`owner = current_user` })],
 * })
 */
export function policy(name: string, options: PolicyOptions = {}): PolicyDefinition {
  return Object.freeze({
    kind: 'policy' as const,
    name,
    command: options.for ?? 'all',
    roles: Object.freeze([...(options.to ?? ['public'])]),
    using: options.using ?? null,
    withCheck: options.withCheck ?? null,
    restrictive: options.restrictive === true,
  });
}
