import { describe, expect, it } from 'vitest';
import { readColumnDependents } from '../../src/introspect/read-column-dependents.js';
import { readUncompared, UNCOMPARED_KINDS } from '../../src/introspect/read-uncompared.js';
import { dependentWarnings } from '../../src/ops/dependent-warnings.js';
import { describeEachDatabase, freshName } from '../support/databases.js';

describeEachDatabase('readUncompared', (database) => {
  it('finds one object of every kind it knows, in the schema only', async () => {
    const { db } = database();
    const schema = freshName('s');
    const other = freshName('o');
    const session = await db.connect();
    try {
      await session.exec(`CREATE SCHEMA "${schema}"; CREATE SCHEMA "${other}"; SET search_path TO "${schema}";
        CREATE TABLE t (id int PRIMARY KEY, x int);
        CREATE TABLE idt (id int GENERATED ALWAYS AS IDENTITY);
        CREATE VIEW v AS SELECT x FROM t;
        CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
        CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);
        ALTER TABLE t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY p ON t FOR SELECT USING (x > 0);
        CREATE TABLE owned (id serial, y int);
        CREATE STATISTICS st ON id, y FROM owned;
        CREATE UNLOGGED TABLE u (x int);
        CREATE TYPE pair AS (a int, b int);
        CREATE TABLE pt (k int) PARTITION BY RANGE (k);
        CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10);
        CREATE POLICY elsewhere ON t USING (true);
        CREATE TABLE "${other}".o (x int); ALTER TABLE "${other}".o ENABLE ROW LEVEL SECURITY;
        RESET search_path;`);
      const found = await readUncompared(session, schema);
      expect(found.map((o) => `${o.kind} ${o.name}${o.detail === null ? '' : ` (${o.detail})`}`)).toEqual([
        'aggregate total(integer)',
        'partition pt1 (of pt FOR VALUES FROM (0) TO (10))',
        'partitioned table pt (PARTITION BY RANGE (k))',
        'statistics object st',
        'type pair (composite)',
      ]);
      // Every entry but foreign tables has an object here.
      expect(new Set(found.map((o) => o.kind)).size).toBe(Object.keys(UNCOMPARED_KINDS).length - 1);
      expect(await readUncompared(session, freshName('empty'))).toEqual([]);

      expect(await readColumnDependents(session, schema)).toEqual([
        { table: 'owned', column: 'id', dependent: `sequence ${schema}.owned_id_seq`, auto: true },
        { table: 'owned', column: 'id', dependent: `statistics object ${schema}.st`, auto: true },
        { table: 'owned', column: 'y', dependent: `statistics object ${schema}.st`, auto: true },
      ]);
    } finally {
      await session.exec(`DROP SCHEMA "${schema}" CASCADE; DROP SCHEMA "${other}" CASCADE`).catch(() => undefined);
      await session.release();
    }
  });
});

describe('dependentWarnings', () => {
  it('warns for a dropped column or table whose dependents go with it, and for a change a dependent makes fail', () => {
    const dependents = [
      { table: 't', column: 'x', dependent: 'statistics object s.st', auto: true },
      { table: 't', column: 'id', dependent: 'sequence s.t_id_seq', auto: true },
      { table: 't', column: 'x', dependent: 'rule r on table s.t', auto: false },
    ];
    const ops = [
      { kind: 'alterColumnType', table: 't', column: 'x', from: 'integer', to: 'bigint', using: null, reverseUsing: null },
      { kind: 'renameColumn', table: 't', from: 'x', to: 'y' },
      { kind: 'dropColumn', table: 'other', column: { name: 'x' } as never },
    ] as const;
    expect(dependentWarnings('s', ops, dependents)).toEqual([
      'column s.t.x changes type (integer to bigint) and rule r on table s.t depends on it: the migration will fail on it: drop it before the change and re-create it after, in the migration',
    ]);
    expect(dependentWarnings('s', [{ kind: 'dropColumn', table: 't', column: { name: 'id' } as never }], dependents)).toEqual([
      'column s.t.id is dropped and sequence s.t_id_seq depends on it: it is dropped with the column',
    ]);
    expect(dependentWarnings('s', [{ kind: 'dropTable', table: { name: 't' } as never }], dependents)).toHaveLength(3);
  });
});
