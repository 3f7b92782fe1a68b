import type { Queryable } from './types.js';

/**
 * Connections a server can still open for us: `max_connections`, less the ones reserved for
 * superusers, less every backend open now (this session included).
 */
const FREE_CONNECTIONS_QUERY = `
SELECT current_setting('max_connections')::int
     - current_setting('superuser_reserved_connections')::int
     - (SELECT count(*)::int FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend') AS free`;

/** Default number of schemas migrated at once on a server. */
export const DEFAULT_CONCURRENCY = 8;

/**
 * How many sessions to use at once: the wanted number, but never more than the server has free
 * (counting the session already open), and 1 on the embedded database (one backend).
 *
 * @example
 * await sessionBudget(session, 'postgres', 32, 1000) // => 32, or fewer on a busy server
 */
export async function sessionBudget(db: Queryable, kind: 'postgres' | 'pglite', wanted: number, targets: number): Promise<number> {
  if (kind === 'pglite' || targets <= 1 || wanted <= 1) return 1;
  const { rows } = await db.query<{ free: number }>(FREE_CONNECTIONS_QUERY);
  const free = Number(rows[0]?.free ?? 0);
  return Math.max(1, Math.min(wanted, targets, free + 1));
}
