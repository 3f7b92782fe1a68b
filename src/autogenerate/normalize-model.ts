import { randomBytes } from 'node:crypto';
import type { Session } from '../connection/types.js';
import { compareSchemas } from '../diff/index.js';
import { describeCause, ModelError } from '../errors.js';
import { introspectSchema } from '../introspect/introspect-schema.js';
import { renderOperations } from '../render/index.js';
import type { SchemaState } from '../schema/types.js';
import { quoteIdent } from '../sql/quote.js';
import { emptyState, retargetState } from './retarget-state.js';

/**
 * The declared state exactly as Postgres would store it: created in a scratch schema inside a
 * transaction that is always rolled back, then read back from the catalog. Types, defaults,
 * checks and index expressions then compare equal to the live catalog whenever Postgres would
 * store them equally (`varchar(100)` and `character varying(100)`, casts Postgres adds, ...).
 * Nothing is left behind: the scratch schema never commits.
 *
 * `session` must not be inside a transaction.
 *
 * @throws ModelError when Postgres refuses the model (e.g. a reference to a table of another
 *   schema that does not exist, or an invalid expression).
 * @example
 * const desired = await normalizeThroughPostgres(session, retargetState(modelToState(asia), 'asia'));
 */
export async function normalizeThroughPostgres(session: Session, declared: SchemaState): Promise<SchemaState> {
  const scratch = `worlddb_scratch_${randomBytes(6).toString('hex')}`;
  const inScratch = retargetState(declared, scratch);
  const statements = renderOperations(scratch, compareSchemas(emptyState(scratch), inScratch));
  await session.exec('BEGIN');
  try {
    await session.exec(`CREATE SCHEMA ${quoteIdent(scratch)}`);
    await session.exec(`SET LOCAL search_path TO ${quoteIdent(scratch)}, public`);
    for (const statement of statements) {
      try {
        await session.exec(statement);
      } catch (cause) {
        throw new ModelError(`Postgres refuses the model of schema "${declared.name}": ${describeCause(cause)}`, {
          hint: `the statement was: ${statement.replace(/\s+/g, ' ').slice(0, 200)}`,
          cause,
        });
      }
    }
    const normalized = await introspectSchema(session, scratch);
    return retargetState(normalized, declared.name);
  } finally {
    await session.exec('ROLLBACK').catch(() => undefined);
  }
}
