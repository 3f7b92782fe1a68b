/**
 * Fixture cases: primary keys (single, composite), unique constraints (single, composite) and
 * check constraints, added, dropped and changed; default and explicit names. See support/fixture.ts.
 */
import { check, defineSchema, integer, numeric, primaryKey, sql, table, text, unique, varchar } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

export const cases: readonly FixtureCase[] = [
  {
    name: 'adds a primary key (the column becomes NOT NULL)',
    sql: `CREATE TABLE t (id integer, name text); INSERT INTO t VALUES (1, 'a');`,
    model: defineSchema('m', { tables: { t: table({ id: integer().primaryKey(), name: text() }) } }),
    expected: ['~ column s.t.id set not null', '+ primary key s.t.t_pkey (id)'],
    warnings: 1,
  },
  {
    name: 'drops a primary key (keeping NOT NULL)',
    sql: `CREATE TABLE t (id integer PRIMARY KEY, name text);`,
    model: defineSchema('m', { tables: { t: table({ id: integer().notNull(), name: text() }) } }),
    expected: ['- primary key s.t.t_pkey (id)'],
  },
  {
    name: 'replaces a single-column primary key with a composite one',
    sql: `CREATE TABLE spoken (id integer PRIMARY KEY, country varchar(100) NOT NULL, language varchar(100) NOT NULL);`,
    model: defineSchema('m', {
      tables: {
        spoken: table(
          { id: integer().notNull(), country: varchar(100), language: varchar(100) },
          { constraints: [primaryKey(['country', 'language'])] },
        ),
      },
    }),
    expected: ['- primary key s.spoken.spoken_pkey (id)', '+ primary key s.spoken.spoken_pkey (country, language)'],
  },
  {
    name: 'creates a table with a composite primary key, with a name of its own',
    sql: '',
    model: defineSchema('m', {
      tables: {
        spoken: table(
          { country: varchar(100), language: varchar(100), share: numeric(5, 2) },
          { constraints: [primaryKey(['language', 'country'], { name: 'spoken_pk' })] },
        ),
      },
    }),
    expected: ['+ table s.spoken'],
  },
  {
    name: 'renames a primary key to the name the model gives it',
    sql: `CREATE TABLE t (id integer CONSTRAINT my_pk PRIMARY KEY);`,
    model: defineSchema('m', { tables: { t: table({ id: integer().primaryKey() }) } }),
    expected: ['~ constraint s.t.my_pk renamed to t_pkey'],
  },
  {
    name: 'adds single-column unique constraints (default and explicit names)',
    sql: `CREATE TABLE t (a text, b text, c integer); INSERT INTO t VALUES ('x', 'y', 1);`,
    model: defineSchema('m', {
      tables: { t: table({ a: text().unique(), b: text().unique({ name: 'b_is_unique' }), c: integer() }) },
    }),
    expected: ['+ unique s.t.b_is_unique (b)', '+ unique s.t.t_a_key (a)'],
  },
  {
    name: 'adds a composite unique constraint',
    sql: `CREATE TABLE cities (id integer PRIMARY KEY, country text NOT NULL, name text NOT NULL);`,
    model: defineSchema('m', {
      tables: {
        cities: table(
          { id: integer().primaryKey(), country: text().notNull(), name: text().notNull() },
          { constraints: [unique(['country', 'name'])] },
        ),
      },
    }),
    expected: ['+ unique s.cities.cities_country_name_key (country, name)'],
  },
  {
    name: 'drops unique constraints, and changes the columns of one',
    sql: `CREATE TABLE t (a text UNIQUE, b text, c text, UNIQUE (b, c));`,
    model: defineSchema('m', { tables: { t: table({ a: text(), b: text(), c: text() }, { constraints: [unique(['b'], { name: 't_b_c_key' })] }) } }),
    expected: ['- unique s.t.t_a_key (a)', '- unique s.t.t_b_c_key (b, c)', '+ unique s.t.t_b_c_key (b)'],
  },
  {
    name: 'adds checks on a column and on the table',
    sql: `CREATE TABLE t (low integer, high integer, name text); INSERT INTO t VALUES (1, 2, 'x');`,
    model: defineSchema('m', {
      tables: {
        t: table(
          { low: integer().check(sql`low >= 0`), high: integer(), name: text().check(sql`name <> ${''}`, { name: 'name_not_empty' }) },
          { constraints: [check(sql`low <= high`)] },
        ),
      },
    }),
    expected: ['+ check s.t.name_not_empty ((name <> \'\'::text))', '+ check s.t.t_check ((low <= high))', '+ check s.t.t_low_check ((low >= 0))'],
  },
  {
    name: 'drops a check, and changes the expression of another',
    sql: `CREATE TABLE t (n integer CHECK (n > 0), m integer CONSTRAINT m_small CHECK (m < 10));`,
    model: defineSchema('m', { tables: { t: table({ n: integer(), m: integer().check(sql`m < 100`, { name: 'm_small' }) }) } }),
    expected: ['- check s.t.m_small ((m < 10))', '- check s.t.t_n_check ((n > 0))', '+ check s.t.m_small ((m < 100))'],
  },
  {
    name: 'no change: checks written differently from how Postgres prints them',
    sql: `CREATE TABLE t (n numeric, s text, CHECK (n BETWEEN 0 AND 10), CHECK (s IN ('a', 'b')), CONSTRAINT lower_s CHECK (lower(s) = s));`,
    model: defineSchema('m', {
      tables: {
        t: table(
          { n: numeric(), s: text() },
          {
            constraints: [
              check(sql`n >= 0 and n <= 10`, { name: 't_n_check' }),
              check(sql`s = any (array['a', 'b'])`, { name: 't_s_check' }),
              check(sql`LOWER(s) = s`, { name: 'lower_s' }),
            ],
          },
        ),
      },
    }),
    expected: [],
  },
];

describeFixtures('autogenerate: keys and checks', cases);
