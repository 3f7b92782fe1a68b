/**
 * What a `downgrade` would destroy, told before it runs: the tables and columns its down parts drop
 * or truncate that exist and hold rows (counted), the schemas and types they drop, the
 * `-- WARNING:` lines they carry, and the code down parts that cannot be read.
 */
import type { SchemaTarget } from '../config/types.js';
import type { Queryable } from '../connection/types.js';
import { type Destruction, sqlDestructions, warningComments } from '../revision/destructive-statements.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { plannedDowngrade } from './preview.js';
import { withSession } from './run-context.js';
import type { DatabaseOrSession, DowngradeOptions } from './types.js';

/** One thing a down part destroys, with what it holds now. */
export interface Loss {
  readonly migration: string;
  readonly destruction: Destruction;
  /**
   * Rows of a dropped or truncated table, or of the tables of a dropped schema; non-null values of
   * a dropped column; null for a type, or for something that does not exist (yet).
   */
  readonly rows: number | null;
}

export interface DowngradeImpact {
  readonly schema: string;
  /** Names of the migrations that would be reverted, in order. */
  readonly migrations: readonly string[];
  readonly losses: readonly Loss[];
  /** The `-- WARNING:` lines of the down parts. */
  readonly warnings: readonly { readonly migration: string; readonly text: string }[];
  /** Migrations whose down part is code (`.ts`/`.js`): what it destroys cannot be told. */
  readonly unreadable: readonly string[];
}

/** True when the downgrade would destroy rows (the case that needs a confirmation). */
export function destroysRows(impact: DowngradeImpact): boolean {
  return impact.losses.some((loss) => (loss.rows ?? 0) > 0);
}

/**
 * What `downgrade` with these options would destroy in `target`, read from the down parts and
 * counted in the database. Refuses as `downgrade` would (missing down part, changed file...).
 * Writes nothing.
 *
 * @example
 * const impact = await downgradeImpact(session, target, { steps: 1 });
 * impact.losses // => [{ migration: '2026..._cities', destruction: { kind: 'table', ... }, rows: 3 }]
 */
export async function downgradeImpact(where: DatabaseOrSession, target: SchemaTarget, options: DowngradeOptions = {}): Promise<DowngradeImpact> {
  const { migrations } = await plannedDowngrade(where, target, options);
  const found: { migration: string; destruction: Destruction }[] = [];
  const warnings: { migration: string; text: string }[] = [];
  const unreadable: string[] = [];
  for (const migration of migrations) {
    const step = migration.down;
    if (step === null) continue;
    if (step.kind === 'code') {
      unreadable.push(migration.name);
      continue;
    }
    for (const destruction of sqlDestructions(step.sql, target.schema)) found.push({ migration: migration.name, destruction });
    for (const text of warningComments(step.sql)) warnings.push({ migration: migration.name, text });
  }
  const losses = await withSession(where, async (session) => {
    const counted: Loss[] = [];
    for (const item of found) counted.push({ ...item, rows: await rowsHeld(session, item.destruction) });
    return counted;
  });
  return { schema: target.schema, migrations: migrations.map((m) => m.name), losses, warnings, unreadable };
}

/** What a destruction would take with it now; null when there is nothing to count. */
async function rowsHeld(session: Queryable, destruction: Destruction): Promise<number | null> {
  switch (destruction.kind) {
    case 'type':
      return null;
    case 'schema': {
      const { rows } = await session.query<{ relname: string }>(
        `SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
        [destruction.schema],
      );
      if (rows.length === 0) return null;
      let total = 0;
      for (const row of rows) total += (await countRows(session, destruction.schema, row.relname, null)) ?? 0;
      return total;
    }
    case 'table':
    case 'truncate':
      return countRows(session, destruction.schema, destruction.table, null);
    case 'column':
      return countRows(session, destruction.schema, destruction.table, destruction.column);
  }
}

/** Rows of a table (or non-null values of one of its columns), or null when it does not exist. */
async function countRows(session: Queryable, schema: string, table: string, column: string | null): Promise<number | null> {
  const { rows } = await session.query<{ found: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'm')
          AND ($3::text IS NULL OR EXISTS (
            SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = $3 AND a.attnum > 0 AND NOT a.attisdropped))
     ) AS found`,
    [schema, table, column],
  );
  if (rows[0]?.found !== true) return null;
  const counted = column === null ? 'count(*)' : `count(${quoteIdent(column)})`;
  const result = await session.query<{ n: number | string }>(`SELECT ${counted} AS n FROM ${qualify(schema, table)}`);
  return Number(result.rows[0]?.n ?? 0);
}
