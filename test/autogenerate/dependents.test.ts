/**
 * Fixture cases: dependency-aware migrations. What `pg_depend` says uses a changed column (a view,
 * a materialized view, a trigger naming the column) is dropped before the change and created
 * again after it, in both parts; views are created in the order they read each other; a change
 * that a view of another schema depends on is refused. See support/fixture.ts.
 */
import { expect, it } from 'vitest';
import { compareModel } from '../../src/autogenerate/compare-model.js';
import { RefusedError } from '../../src/errors.js';
import { defineSchema, fn, index, integer, materializedView, smallint, sql, table, text, timestamptz, trigger, varchar, view } from '../../src/model/index.js';
import { quoteIdent } from '../../src/sql/quote.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { describeFixtures, runInSchema, targetFor, withSession, type FixtureCase } from './support/fixture.js';

const filmSql = 'CREATE TABLE film (film_id integer PRIMARY KEY, title text NOT NULL, length smallint);';
const film = table({ film_id: integer().primaryKey(), title: text().notNull(), length: integer() });

const touch = fn('touch', { returns: 'trigger', language: 'plpgsql', body: 'BEGIN NEW.at = now(); RETURN NEW; END' });

export const cases: readonly FixtureCase[] = [
  {
    name: "drops and re-creates a view around a type change of a column it reads",
    sql: `${filmSql} INSERT INTO film VALUES (1, 'a', 90);
          CREATE VIEW long_films AS SELECT film_id, length FROM film WHERE length > 120;`,
    model: defineSchema('m', { tables: { film }, views: [view('long_films', sql`SELECT film_id, length FROM film WHERE length > 120`)] }),
    expected: ['- view s.long_films', '~ column s.film.length type smallint -> integer', '+ view s.long_films'],
    // A safe widening, but the type-change warning names the view using the column.
    warnings: 1,
  },
  {
    name: 'drops a view reading a view reading the changed column, deepest first, and creates them back in order',
    sql: `${filmSql}
          CREATE VIEW a_titles AS SELECT film_id, title FROM film;
          CREATE VIEW b_short_titles AS SELECT title FROM a_titles WHERE length(title) < 10;
          CREATE VIEW c_other AS SELECT film_id FROM film;`,
    model: defineSchema('m', {
      tables: { film: table({ film_id: integer().primaryKey(), title: varchar(200).notNull(), length: smallint() }) },
      views: [
        view('a_titles', sql`SELECT film_id, title FROM film`),
        view('b_short_titles', sql`SELECT title FROM a_titles WHERE length(title) < 10`),
        view('c_other', sql`SELECT film_id FROM film`),
      ],
    }),
    expected: [
      '- view s.b_short_titles',
      '- view s.a_titles',
      '~ column s.film.title type text -> character varying(200)',
      '+ view s.a_titles',
      '+ view s.b_short_titles',
    ],
    warnings: 1,
  },
  {
    name: 'creates views in the order they read each other, whatever their names',
    sql: filmSql,
    model: defineSchema('m', {
      tables: { film: table({ film_id: integer().primaryKey(), title: text().notNull(), length: smallint() }) },
      views: [view('a_top', sql`SELECT title FROM m_middle`), view('m_middle', sql`SELECT title FROM z_base`), view('z_base', sql`SELECT title FROM film`)],
    }),
    expected: ['+ view s.z_base', '+ view s.m_middle', '+ view s.a_top'],
  },
  {
    name: 'drops and re-creates a materialized view (with its index) around a type change of a column it reads',
    sql: `${filmSql} CREATE MATERIALIZED VIEW lengths AS SELECT film_id, length FROM film;
          CREATE UNIQUE INDEX lengths_film_id_idx ON lengths (film_id);`,
    model: defineSchema('m', {
      tables: { film },
      views: [materializedView('lengths', sql`SELECT film_id, length FROM film`, { indexes: [index(['film_id'], { unique: true })] })],
    }),
    expected: ['- materialized view s.lengths', '~ column s.film.length type smallint -> integer', '+ materialized view s.lengths'],
    warnings: 1,
  },
  {
    name: 'drops and re-creates a trigger naming a column (UPDATE OF) around its type change',
    sql: `CREATE TABLE customer (id integer, name text, at timestamptz);
          CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.at = now(); RETURN NEW; END$$;
          CREATE TRIGGER touch BEFORE UPDATE OF name ON customer FOR EACH ROW EXECUTE FUNCTION touch();`,
    model: defineSchema('m', {
      tables: { customer: table({ id: integer(), name: varchar(100), at: timestamptz() }) },
      functions: [touch],
      triggers: [trigger('touch', { table: 'customer', timing: 'before', events: ['update'], of: ['name'], fn: touch })],
    }),
    expected: ['- trigger s.touch on customer', '~ column s.customer.name type text -> character varying(100)', '+ trigger s.touch on customer'],
    warnings: 1,
  },
  {
    name: 'drops a view reading a column the model drops, with the column',
    sql: `${filmSql} CREATE VIEW l AS SELECT length FROM film;`,
    model: defineSchema('m', { tables: { film: table({ film_id: integer().primaryKey(), title: text().notNull() }) } }),
    expected: ['- view s.l', '- column s.film.length (smallint)'],
    warnings: 1,
  },
];

describeFixtures('autogenerate: dependent views and triggers', cases);

describeEachDatabase('autogenerate: dependents in another schema', (database) => {
  it('refuses a type change that a view of another schema depends on, naming the view', async () => {
    const s = freshName('ag');
    const o = freshName('ago');
    await withSession(database(), async (session) => {
      await session.exec(`CREATE SCHEMA ${quoteIdent(s)}; CREATE SCHEMA ${quoteIdent(o)}`);
      await runInSchema(session, s, filmSql);
      await runInSchema(session, o, `CREATE VIEW film_lengths AS SELECT length FROM ${quoteIdent(s)}.film`);
      const model = defineSchema('m', { tables: { film } });
      const attempt = compareModel(session, targetFor(s), model);
      await expect(attempt).rejects.toThrow(RefusedError);
      await expect(compareModel(session, targetFor(s), model)).rejects.toThrow(`view ${o}.film_lengths of another schema uses ${s}.film.length`);
      await session.exec(`DROP SCHEMA ${quoteIdent(o)} CASCADE; DROP SCHEMA ${quoteIdent(s)} CASCADE`);
    });
  });
});
