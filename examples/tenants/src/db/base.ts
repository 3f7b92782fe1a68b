/** Columns every tenant table shares: an abstract base that `tenant.ts` extends. */
import { abstractTable, integer, sql, timestamptz } from '../../../../src/model/index.js';

export const record = abstractTable({
  id: integer().identity('by default').primaryKey(),
  created_at: timestamptz().notNull().default(sql`now()`),
});
