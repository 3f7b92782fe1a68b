/**
 * Fixture cases: views and materialized views, compared by Postgres' own text of their query.
 * See support/fixture.ts.
 */
import { expect } from 'vitest';
import { defineSchema, index, integer, materializedView, numeric, sql, table, text, view } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const film = table({ film_id: integer().primaryKey(), title: text().notNull(), rate: numeric(4, 2) });
const filmSql = 'CREATE TABLE film (film_id integer PRIMARY KEY, title text NOT NULL, rate numeric(4,2));';

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates a table and a view over it',
    sql: '',
    model: defineSchema('m', {
      tables: { film },
      views: [view('film_list', sql`select film_id, title from film where rate > 1`)],
    }),
    expected: ['+ table s.film', '+ view s.film_list'],
    also: ({ afterUp }) => {
      expect(afterUp.views?.[0]?.definition).toContain('FROM film');
    },
  },
  {
    name: 'a view written by hand compares clean, whatever the spelling of its query',
    sql: `${filmSql} CREATE VIEW film_list AS SELECT f.film_id, f.title FROM film f WHERE f.rate > 1;`,
    model: defineSchema('m', {
      tables: { film },
      views: [view('film_list', sql`SELECT   f.film_id , f.title
        FROM film AS f
        WHERE (f.rate > 1);`)],
    }),
    expected: [],
  },
  {
    name: "changes a view's query by dropping and creating it",
    sql: `${filmSql} CREATE VIEW film_list AS SELECT film_id FROM film;`,
    model: defineSchema('m', { tables: { film }, views: [view('film_list', sql`SELECT film_id, title FROM film`)] }),
    expected: ['- view s.film_list', '+ view s.film_list'],
  },
  {
    name: 'drops a view the model no longer has, before the column it reads',
    sql: `${filmSql} ALTER TABLE film ADD COLUMN old text; CREATE VIEW old_list AS SELECT old FROM film;`,
    model: defineSchema('m', { tables: { film } }),
    expected: ['- view s.old_list', '- column s.film.old (text)'],
    warnings: 1,
  },
  {
    name: 'adds a column and a view that uses it',
    sql: filmSql,
    model: defineSchema('m', {
      tables: { film: table({ film_id: integer().primaryKey(), title: text().notNull(), rate: numeric(4, 2), length: integer() }) },
      views: [view('long_films', sql`SELECT film_id FROM film WHERE length > 120`)],
    }),
    expected: ['+ column s.film.length (integer)', '+ view s.long_films'],
  },
  {
    name: 'creates a materialized view with its indexes',
    sql: filmSql,
    model: defineSchema('m', {
      tables: { film },
      views: [
        materializedView('film_titles', sql`SELECT film_id, lower(title) AS title FROM film`, {
          indexes: [index(['film_id'], { unique: true, include: ['title'] }), index(['title'], { name: 'film_titles_by_title', with: { fillfactor: 70 } })],
        }),
      ],
    }),
    expected: ['+ materialized view s.film_titles'],
    also: ({ afterUp }) => {
      expect(afterUp.views?.[0]?.indexes.map((i) => i.name)).toEqual(['film_titles_by_title', 'film_titles_film_id_idx']);
    },
  },
  {
    name: 'adds and drops indexes of a materialized view without re-creating it',
    sql: `${filmSql} CREATE MATERIALIZED VIEW film_titles AS SELECT film_id, title FROM film;
          CREATE INDEX film_titles_title_idx ON film_titles (title);`,
    model: defineSchema('m', {
      tables: { film },
      views: [materializedView('film_titles', sql`SELECT film_id, title FROM film`, { indexes: [index(['film_id'], { unique: true })] })],
    }),
    expected: ['- index s.film_titles_title_idx on film_titles (title)', '+ index s.film_titles_film_id_idx on film_titles (film_id)'],
  },
  {
    name: 'turns a view into a materialized view',
    sql: `${filmSql} CREATE VIEW titles AS SELECT title FROM film;`,
    model: defineSchema('m', { tables: { film }, views: [materializedView('titles', sql`SELECT title FROM film`)] }),
    expected: ['- view s.titles', '+ materialized view s.titles'],
  },
];

describeFixtures('autogenerate: views and materialized views', cases);
