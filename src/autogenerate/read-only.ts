import type { Queryable } from '../connection/types.js';

/**
 * True when the session cannot write: a read-only transaction default (`default_transaction_read_only`,
 * a read-only role or database setting) or a replica in recovery. Normalising the model through
 * Postgres creates a scratch schema (always rolled back), which such a session refuses.
 *
 * @example
 * if (await isReadOnly(session)) console.log('comparing without the scratch schema');
 */
export async function isReadOnly(session: Queryable): Promise<boolean> {
  const { rows } = await session.query<{ read_only: boolean }>(
    "SELECT current_setting('transaction_read_only') = 'on' OR pg_catalog.pg_is_in_recovery() AS read_only",
  );
  return rows[0]?.read_only === true;
}
