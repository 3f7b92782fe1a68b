/**
 * Type-change safety: every column type change is checked against the catalog for a cast that
 * keeps the data, and the indexes, constraints, views and triggers using the column are named in
 * its warning. Fixture cases (see support/fixture.ts), and a change without any cast, which no
 * migration could run and which is therefore checked on the comparison alone.
 */
import { expect, it } from 'vitest';
import { compareModel } from '../../src/autogenerate/compare-model.js';
import { revisionScript } from '../../src/autogenerate/revision-script.js';
import { date, defineSchema, fn, index, integer, sql, table, trigger, varchar } from '../../src/model/index.js';
import { quoteIdent } from '../../src/sql/quote.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { describeFixtures, runInSchema, targetFor, withSession, type FixtureCase } from './support/fixture.js';

const touchBody = `
BEGIN
  NEW.code_upper = upper(NEW.code);
  RETURN NEW;
END`;
const touch = fn('touch_code', { returns: 'trigger', language: 'plpgsql', body: touchBody });

export const cases: readonly FixtureCase[] = [
  {
    name: 'a narrowing change names the index and check using the column',
    sql: `CREATE TABLE t (id integer PRIMARY KEY, code text CHECK (code <> ''));
      CREATE INDEX t_code_idx ON t (code);
      INSERT INTO t VALUES (1, '42');`,
    model: defineSchema('m', {
      tables: { t: table({ id: integer().primaryKey(), code: integer().check(sql`code <> 0`) }, { indexes: [index(['code'])] }) },
    }),
    expected: [
      '- check s.t.t_code_check ((code <> \'\'::text))',
      '~ column s.t.code type text -> integer',
      '+ check s.t.t_code_check ((code <> 0))',
    ],
    warnings: 1,
    also: ({ script }) => {
      expect(script.warnings).toEqual(['changes t.code from text to integer: values may be lost, or the change may fail; used by constraint t_code_check, index t_code_idx']);
    },
  },
  {
    name: 'a safe widening of a column a trigger function uses is warned about, naming the trigger',
    sql: `CREATE TABLE t (id integer PRIMARY KEY, code varchar(10), code_upper varchar(10));
      CREATE FUNCTION touch_code() RETURNS trigger LANGUAGE plpgsql AS $$${touchBody}$$;
      CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch_code();
      INSERT INTO t (id, code) VALUES (1, 'ab');`,
    model: defineSchema('m', {
      tables: { t: table({ id: integer().primaryKey(), code: varchar(40), code_upper: varchar(10) }) },
      functions: [touch],
      triggers: [trigger('t_touch', { table: 't', timing: 'before', events: ['insert', 'update'], forEach: 'row', fn: touch })],
    }),
    expected: ['~ column s.t.code type character varying(10) -> character varying(40)'],
    warnings: 1,
    also: ({ script, first }) => {
      expect(script.warnings).toEqual(['changes t.code from character varying(10) to character varying(40); used by trigger t_touch']);
      const op = first.operations[0];
      expect(op?.kind === 'alterColumnType' ? op.safety : undefined).toEqual({ cast: 'same', usedBy: ['trigger t_touch'] });
    },
  },
];

describeFixtures('autogenerate: type-change safety', cases);

describeEachDatabase('autogenerate: a type change without any cast', (database) => {
  it('is warned about as needing a USING expression, in both directions', async () => {
    await withSession(database(), async (session) => {
      const schema = freshName('tc');
      await session.exec(`CREATE SCHEMA ${quoteIdent(schema)}`);
      try {
        await runInSchema(session, schema, 'CREATE TABLE t (id integer PRIMARY KEY, flag boolean);');
        const model = defineSchema('m', { tables: { t: table({ id: integer().primaryKey(), flag: date() }) } });
        const { operations } = await compareModel(session, targetFor(schema), model);
        const op = operations[0];
        expect(op?.kind === 'alterColumnType' ? op.safety?.cast : undefined).toBe('none');
        const script = revisionScript(schema, operations);
        expect(script.warnings).toEqual(['changes t.flag from boolean to date: Postgres has no cast between them, write a USING expression']);
        expect(script.down).toContain('-- WARNING: changes t.flag from date to boolean: Postgres has no cast between them, write a USING expression');
      } finally {
        await session.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      }
    });
  });
});
