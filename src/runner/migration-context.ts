/**
 * The context a code (`.ts`/`.js`) migration receives: the runner's session and the schema, with
 * transaction control refused as it is in `.sql` files. A `COMMIT` sent through the context would
 * end worlddb's transaction half-way (the rest of the migration, and its version-table row, would
 * run outside it, with the migration's `search_path` gone); a `BEGIN` in a no-transaction migration
 * would swallow the version-table row.
 */
import type { Session } from '../connection/types.js';
import { RefusedError } from '../errors.js';
import { transactionControl } from '../revision/parse-sql-migration.js';
import { splitStatements } from '../revision/split-sql.js';
import type { MigrationContext } from '../revision/types.js';

/**
 * The context handed to a code migration's `up`/`down`.
 *
 * @example
 * await step.run(migrationContext(session, 'asia', true));
 */
export function migrationContext(session: Session, schema: string, transactional: boolean): MigrationContext {
  const guard = (sql: string): void => {
    for (const statement of splitStatements(sql)) {
      const command = transactionControl(statement.text);
      if (command === null) continue;
      throw new RefusedError(`${command} sent through the migration context is refused`, {
        hint: transactional
          ? 'worlddb runs the migration and its version-table row in one transaction: remove it (savepoints are fine)'
          : 'worlddb records a no-transaction migration once its statements are done: remove it, or drop "export const transaction = false" to run the whole migration in one transaction',
      });
    }
  };
  return {
    schema,
    query: async (sql, params) => {
      guard(sql);
      return session.query(sql, params);
    },
    exec: async (sql) => {
      guard(sql);
      return session.exec(sql);
    },
  };
}
