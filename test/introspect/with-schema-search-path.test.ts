import { expect, it } from 'vitest';
import type { Queryable } from '../../src/connection/types.js';
import { withSchemaSearchPath } from '../../src/introspect/with-schema-search-path.js';
import { describeEachDatabase, freshName } from '../support/databases.js';

async function searchPath(db: Queryable): Promise<string | undefined> {
  const { rows } = await db.query<{ path: string }>('SELECT current_setting($1) AS path', ['search_path']);
  return rows[0]?.path;
}

describeEachDatabase('withSchemaSearchPath', (target) => {
  it('prints own objects unqualified inside, and puts the setting back after a success or a failure', async () => {
    const s = `${freshName()} Odd"`;
    const session = await target().db.connect();
    try {
      await session.exec(`SET search_path TO public; CREATE SCHEMA "${s.replace(/"/g, '""')}"`);
      const inside = await withSchemaSearchPath(session, s, () => searchPath(session));
      expect(inside).toBe(`"${s.replace(/"/g, '""')}"`);
      expect(await searchPath(session)).toBe('public');
      await expect(withSchemaSearchPath(session, s, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await searchPath(session)).toBe('public');
      // A failed statement aborts the caller's transaction: the rollback puts the setting back.
      await expect(
        session.transaction((tx) => withSchemaSearchPath(tx, s, () => tx.query('SELECT 1 / 0'))),
      ).rejects.toThrow('division by zero');
      expect(await searchPath(session)).toBe('public');
    } finally {
      await session.release();
    }
  });
});
