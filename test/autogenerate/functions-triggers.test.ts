/**
 * Fixture cases: functions, procedures and triggers, compared by Postgres' own definitions
 * (`pg_get_functiondef`, `pg_get_triggerdef`). See support/fixture.ts.
 */
import { expect } from 'vitest';
import { defineSchema, fn, integer, procedure, sql, table, text, timestamptz, trigger } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const customer = table({ id: integer().primaryKey(), name: text(), last_update: timestamptz() });
const customerSql = 'CREATE TABLE customer (id integer PRIMARY KEY, name text, last_update timestamptz);';

const touchBody = `
BEGIN
  NEW.last_update = now();
  RETURN NEW;
END`;
const touch = fn('last_updated', { returns: 'trigger', language: 'plpgsql', body: touchBody });
const touchSql = `CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$${touchBody}$$;`;

const double = fn('double_it', { args: 'n integer', returns: 'integer', language: 'sql', volatility: 'immutable', body: 'SELECT n * 2' });

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates a table, its trigger function and a trigger',
    sql: '',
    model: defineSchema('m', {
      tables: { customer },
      functions: [touch],
      triggers: [trigger('last_updated', { table: 'customer', timing: 'before', events: ['insert', 'update'], forEach: 'row', fn: touch })],
    }),
    expected: ['+ function s.last_updated()', '+ table s.customer', '+ trigger s.last_updated on customer'],
    also: ({ afterUp }) => {
      expect(afterUp.triggers?.map((t) => t.definition)).toEqual([
        'CREATE TRIGGER last_updated BEFORE INSERT OR UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION last_updated()',
      ]);
    },
  },
  {
    name: 'a function and trigger written by hand compare clean',
    sql: `${customerSql} ${touchSql}
          CREATE TRIGGER last_updated BEFORE INSERT OR UPDATE ON customer FOR EACH ROW EXECUTE PROCEDURE last_updated();
          CREATE FUNCTION double_it(n int4) RETURNS int4 IMMUTABLE LANGUAGE sql AS 'SELECT n * 2';`,
    model: defineSchema('m', {
      tables: { customer },
      functions: [touch, double],
      triggers: [trigger('last_updated', { table: 'customer', timing: 'before', events: ['insert', 'update'], fn: touch })],
    }),
    expected: [],
  },
  {
    name: "replaces a function's body in place, keeping the trigger that uses it",
    sql: `${customerSql} ${touchSql}
          CREATE TRIGGER last_updated BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION last_updated();`,
    model: defineSchema('m', {
      tables: { customer },
      functions: [fn('last_updated', { returns: 'trigger', language: 'plpgsql', body: 'BEGIN NEW.last_update = clock_timestamp(); RETURN NEW; END' })],
      triggers: [trigger('last_updated', { table: 'customer', timing: 'before', events: ['update'], fn: 'last_updated' })],
    }),
    expected: ['~ function s.last_updated()'],
  },
  {
    name: "changes a trigger's events and condition by dropping and creating it",
    sql: `${customerSql} ${touchSql}
          CREATE TRIGGER last_updated BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION last_updated();`,
    model: defineSchema('m', {
      tables: { customer },
      functions: [touch],
      triggers: [
        trigger('last_updated', {
          table: 'customer',
          timing: 'before',
          events: ['update', 'insert'],
          fn: touch,
          when: sql`NEW.name IS NOT NULL`,
        }),
      ],
    }),
    expected: ['- trigger s.last_updated on customer', '+ trigger s.last_updated on customer'],
  },
  {
    name: 'drops a trigger and its function, and a statement trigger',
    sql: `${customerSql} ${touchSql}
          CREATE TRIGGER last_updated BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION last_updated();
          CREATE TRIGGER stamp AFTER TRUNCATE ON customer FOR EACH STATEMENT EXECUTE FUNCTION last_updated();`,
    model: defineSchema('m', { tables: { customer } }),
    expected: ['- trigger s.last_updated on customer', '- trigger s.stamp on customer', '- function s.last_updated()'],
  },
  {
    name: 'changes the result type of a function by dropping and creating it',
    sql: "CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';",
    model: defineSchema('m', { tables: {}, functions: [fn('answer', { returns: 'bigint', body: 'SELECT 42::bigint' })] }),
    expected: ['~ function s.answer()'],
  },
  {
    name: 'creates a procedure and an overload of a function, keeping the other overload',
    sql: "CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n * 2';",
    model: defineSchema('m', {
      tables: { customer },
      functions: [
        fn('twice', { args: 'n integer', returns: 'integer', volatility: 'immutable', body: 'SELECT n * 2' }),
        fn('twice', { args: 't text', returns: 'text', volatility: 'immutable', body: 'SELECT t || t' }),
        procedure('forget', { args: 'before timestamptz', body: 'DELETE FROM customer WHERE last_update < before' }),
      ],
    }),
    expected: ['+ procedure s.forget(IN before timestamp with time zone)', '+ function s.twice(t text)', '+ table s.customer'],
  },
  {
    name: 'a column check uses a function of the model created before the table',
    sql: '',
    model: defineSchema('m', {
      tables: { rivers: table({ name: text().check(sql`is_short(name)`) }) },
      functions: [fn('is_short', { args: 'v text', returns: 'boolean', volatility: 'immutable', body: 'SELECT length(v) < 20' })],
    }),
    expected: ['+ function s.is_short(v text)', '+ table s.rivers'],
  },
];

describeFixtures('autogenerate: functions, procedures and triggers', cases);
