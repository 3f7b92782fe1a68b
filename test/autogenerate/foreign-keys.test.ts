/**
 * Fixture cases: foreign keys, with their actions, to new tables, to another schema, composite,
 * and references of an abstract base resolving in the schema using it. See support/fixture.ts.
 */
import { expect } from 'vitest';
import {
  abstractTable,
  char,
  defineSchema,
  foreignKey,
  integer,
  table,
  text,
  unique,
  varchar,
} from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const countriesSql = `
CREATE TABLE countries (country_id integer PRIMARY KEY, name varchar(100) NOT NULL UNIQUE);
CREATE TABLE capitals (capital_id integer PRIMARY KEY, name varchar(100) NOT NULL, country varchar(100));
INSERT INTO countries VALUES (1, 'Japan');
INSERT INTO capitals VALUES (1, 'Tokyo', 'Japan');
`;

const countries = table({ country_id: integer().primaryKey(), name: varchar(100).notNull().unique() });

/** An abstract base whose reference is written once and resolves in each schema using it. */
const capitalsBase = abstractTable({
  capital_id: integer().primaryKey(),
  name: varchar(100).notNull(),
  country: varchar(100).references('countries', 'name', { onDelete: 'cascade' }),
});

export const cases: readonly FixtureCase[] = [
  {
    name: 'adds foreign keys with ON DELETE and ON UPDATE actions',
    sql: `${countriesSql} ALTER TABLE capitals ADD COLUMN country_id integer;`,
    model: defineSchema('m', {
      tables: {
        countries,
        capitals: table({
          capital_id: integer().primaryKey(),
          name: varchar(100).notNull(),
          country: varchar(100).references('countries', 'name', { onDelete: 'cascade', onUpdate: 'cascade' }),
          country_id: integer().references('countries', 'country_id', { onDelete: 'set null', onUpdate: 'restrict' }),
        }),
      },
    }),
    expected: [
      '+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
      '+ foreign key s.capitals.capitals_country_id_fkey (country_id) -> s.countries (country_id)',
    ],
    also: ({ first }) => {
      const fks = first.desired.tables.find((t) => t.name === 'capitals')?.foreignKeys ?? [];
      expect(fks.map((fk) => [fk.name, fk.onDelete, fk.onUpdate])).toEqual([
        ['capitals_country_fkey', 'CASCADE', 'CASCADE'],
        ['capitals_country_id_fkey', 'SET NULL', 'RESTRICT'],
      ]);
    },
  },
  {
    name: 'drops a foreign key',
    sql: `${countriesSql} ALTER TABLE capitals ADD FOREIGN KEY (country) REFERENCES countries (name) ON DELETE CASCADE;`,
    model: defineSchema('m', {
      tables: { countries, capitals: table({ capital_id: integer().primaryKey(), name: varchar(100).notNull(), country: varchar(100) }) },
    }),
    expected: ['- foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)'],
  },
  {
    name: 'changes the ON DELETE action of a foreign key (drop and add)',
    sql: `${countriesSql} ALTER TABLE capitals ADD FOREIGN KEY (country) REFERENCES countries (name);`,
    model: defineSchema('m', { tables: { countries, capitals: capitalsBase.extend({}) } }),
    expected: [
      '- foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
      '+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
    ],
  },
  {
    name: 'creates a table and a foreign key from an existing table to it',
    sql: `CREATE TABLE cities (id integer PRIMARY KEY, name text, currency char(3));`,
    model: defineSchema('m', {
      tables: {
        cities: table({ id: integer().primaryKey(), name: text(), currency: char(3).references('currencies', 'code') }),
        currencies: table({ code: char(3).primaryKey(), name: text() }),
      },
    }),
    expected: ['+ table s.currencies', '+ foreign key s.cities.cities_currency_fkey (currency) -> s.currencies (code)'],
  },
  {
    name: 'creates two tables referencing each other in a cycle',
    sql: '',
    model: defineSchema('m', {
      tables: {
        a: table({ id: integer().primaryKey(), b_id: integer().references('b', 'id') }),
        b: table({ id: integer().primaryKey(), a_id: integer().references('a', 'id', { onDelete: 'set null' }) }),
      },
    }),
    expected: ['+ table s.a', '+ table s.b', '+ foreign key s.a.a_b_id_fkey (b_id) -> s.b (id)', '+ foreign key s.b.b_a_id_fkey (a_id) -> s.a (id)'],
  },
  {
    name: 'drops a referenced table together with the table referencing it',
    sql: `${countriesSql} ALTER TABLE capitals ADD FOREIGN KEY (country) REFERENCES countries (name);`,
    model: defineSchema('m', { tables: {} }),
    expected: ['- foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)', '- table s.capitals', '- table s.countries'],
    warnings: 2,
  },
  {
    name: 'adds a foreign key to a table of another schema (stays cross-schema)',
    otherSql: `CREATE TABLE currencies (code char(3) PRIMARY KEY); INSERT INTO currencies VALUES ('JPY');`,
    sql: `CREATE TABLE countries (id integer PRIMARY KEY, currency char(3)); INSERT INTO countries VALUES (1, 'JPY');`,
    model: ({ other }) =>
      defineSchema('m', {
        tables: {
          countries: table({
            id: integer().primaryKey(),
            currency: char(3).references({ schema: other, table: 'currencies' }, 'code', { onDelete: 'restrict' }),
          }),
        },
      }),
    expected: ['+ foreign key s.countries.countries_currency_fkey (currency) -> o.currencies (code)'],
    also: ({ script, names }) => {
      expect(script.up).toContain(`REFERENCES "${names.other}"."currencies" ("code") ON DELETE RESTRICT`);
    },
  },
  {
    name: 'creates a table with a foreign key to another schema, next to one resolving in the schema',
    otherSql: `CREATE TABLE countries (name varchar(100) PRIMARY KEY);`,
    sql: '',
    model: ({ other }) =>
      defineSchema('m', {
        tables: {
          countries,
          capitals: capitalsBase.extend({
            also_in: varchar(100).references({ schema: other, table: 'countries' }, 'name'),
          }),
        },
      }),
    expected: [
      '+ table s.capitals',
      '+ table s.countries',
      '+ foreign key s.capitals.capitals_also_in_fkey (also_in) -> o.countries (name)',
      '+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
    ],
  },
  {
    name: 'a reference declared in an abstract base resolves to the table of the schema using it',
    otherSql: `CREATE TABLE countries (country_id integer PRIMARY KEY, name varchar(100) NOT NULL UNIQUE);`,
    sql: countriesSql,
    model: defineSchema('m', { tables: { countries, capitals: capitalsBase.extend({}) } }),
    expected: ['+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)'],
    also: ({ first, names }) => {
      const fk = first.desired.tables.find((t) => t.name === 'capitals')?.foreignKeys[0];
      expect(fk).toMatchObject({ refSchema: names.schema, refTable: 'countries', onDelete: 'CASCADE' });
    },
  },
  {
    name: 'adds a composite foreign key to a composite unique key',
    sql: `
      CREATE TABLE cities (country text NOT NULL, name text NOT NULL, UNIQUE (country, name));
      CREATE TABLE streets (id integer PRIMARY KEY, country text, city text);`,
    model: defineSchema('m', {
      tables: {
        cities: table({ country: text().notNull(), name: text().notNull() }, { constraints: [unique(['country', 'name'])] }),
        streets: table(
          { id: integer().primaryKey(), country: text(), city: text() },
          { constraints: [foreignKey(['country', 'city'], 'cities', ['country', 'name'], { onDelete: 'cascade' })] },
        ),
      },
    }),
    expected: ['+ foreign key s.streets.streets_country_city_fkey (country, city) -> s.cities (country, name)'],
  },
  {
    name: 'widens a referenced key column and its referencing column (Postgres rebuilds the foreign key)',
    sql: `${countriesSql} ALTER TABLE capitals ADD FOREIGN KEY (country) REFERENCES countries (name);`,
    model: defineSchema('m', {
      tables: {
        countries: table({ country_id: integer().primaryKey(), name: varchar(200).notNull().unique() }),
        capitals: table({ capital_id: integer().primaryKey(), name: varchar(100).notNull(), country: varchar(200).references('countries', 'name') }),
      },
    }),
    expected: [
      '~ column s.capitals.country type character varying(100) -> character varying(200)',
      '~ column s.countries.name type character varying(100) -> character varying(200)',
    ],
  },
  {
    name: 'moves the key a foreign key rests on from a unique to the primary key (the foreign key is rebuilt around it)',
    sql: `${countriesSql} ALTER TABLE capitals ADD FOREIGN KEY (country) REFERENCES countries (name);`,
    model: defineSchema('m', {
      tables: {
        countries: table({ country_id: integer().notNull().unique(), name: varchar(100).primaryKey() }),
        capitals: table({ capital_id: integer().primaryKey(), name: varchar(100).notNull(), country: varchar(100).references('countries', 'name') }),
      },
    }),
    expected: [
      '- foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
      '- unique s.countries.countries_name_key (name)',
      '- primary key s.countries.countries_pkey (country_id)',
      '+ unique s.countries.countries_country_id_key (country_id)',
      '+ primary key s.countries.countries_pkey (name)',
      '+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
    ],
  },
];

describeFixtures('autogenerate: foreign keys', cases);
