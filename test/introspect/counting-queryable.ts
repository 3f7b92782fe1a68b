import type { QueryResult, Queryable } from '../../src/connection/types.js';

/** A {@link Queryable} that counts the statements sent through it. */
export interface CountingQueryable extends Queryable {
  readonly count: () => number;
}

/**
 * Wraps `db` to count every `query` and `exec` call.
 *
 * @example
 * const counted = countQueries(session);
 * await introspectSchema(counted, 'asia');
 * counted.count() // => 7
 */
export function countQueries(db: Queryable): CountingQueryable {
  let count = 0;
  return {
    query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      count += 1;
      return db.query<R>(sql, params);
    },
    exec(sql: string): Promise<void> {
      count += 1;
      return db.exec(sql);
    },
    count: () => count,
  };
}
