/**
 * Fixture cases: custom column types, domains and sequences as objects of the schema. See
 * support/fixture.ts.
 */
import { expect } from 'vitest';
import {
  customType,
  defineSchema,
  domain,
  domainColumn,
  index,
  integer,
  sequence,
  sql,
  table,
  text,
} from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const year = domain('year', integer(), { check: sql`VALUE >= 1901 AND VALUE <= 2155` });

const strictYear = domain('year', integer(), { check: sql`VALUE >= 1901`, notNull: true, default: sql`2000` });

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates a table of custom types (tsvector, point, arrays of cidr) with a GIN index on the tsvector',
    sql: '',
    model: defineSchema('m', {
      tables: {
        docs: table(
          { id: integer().primaryKey(), fulltext: customType('tsvector').notNull(), at: customType('point'), nets: customType('cidr').array() },
          { indexes: [index(['fulltext'], { using: 'gist' })] },
        ),
      },
    }),
    expected: ['+ table s.docs'],
    also: ({ afterUp }) => {
      expect(afterUp.tables[0]?.columns.map((c) => c.type)).toEqual(['integer', 'tsvector', 'point', 'cidr[]']);
    },
  },
  {
    name: 'custom types written by hand compare clean whatever their spelling',
    sql: 'CREATE TABLE docs (fulltext TSVECTOR, at point, nets cidr[], b BIT VARYING(3))',
    model: defineSchema('m', {
      tables: { docs: table({ fulltext: customType('tsvector'), at: customType('POINT'), nets: customType('cidr').array(), b: customType('varbit(3)') }) },
    }),
    expected: [],
  },
  {
    name: 'changes a text column to tsvector (a custom type)',
    sql: "CREATE TABLE docs (body text); INSERT INTO docs VALUES ('a fat cat');",
    model: defineSchema('m', { tables: { docs: table({ body: customType('tsvector') }) } }),
    expected: ['~ column s.docs.body type text -> tsvector'],
    warnings: 1,
  },
  {
    name: 'creates a domain with its check and a table using it, and an array of it',
    sql: '',
    model: defineSchema('m', { tables: { film: table({ id: integer(), release_year: domainColumn(year), years: domainColumn(year).array() }) } }),
    expected: ['+ domain s.year (integer)', '+ table s.film'],
  },
  {
    name: 'a domain written by hand compares clean',
    sql: `CREATE DOMAIN year AS int4 CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
          CREATE TABLE film (release_year year);`,
    model: defineSchema('m', { tables: { film: table({ release_year: domainColumn(year) }) } }),
    expected: [],
  },
  {
    name: "changes a domain's check, default and NOT NULL in place",
    sql: `CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1800);
          CREATE TABLE film (release_year year); INSERT INTO film VALUES (1999);`,
    model: defineSchema('m', {
      tables: { film: table({ release_year: domainColumn(strictYear) }) },
    }),
    expected: ['~ domain s.year'],
    warnings: 1,
  },
  {
    name: 'creates a domain listed by the schema that no column uses yet, and drops one the model no longer has',
    sql: 'CREATE DOMAIN old_code AS text NOT NULL;',
    model: defineSchema('m', { domains: [domain('code', text(), { check: sql`length(VALUE) = 3`, checkName: 'code_length' })], tables: {} }),
    expected: ['+ domain s.code (text)', '- domain s.old_code (text)'],
    warnings: 1,
  },
  {
    name: 'changes the base type of a domain by dropping and creating it',
    sql: 'CREATE DOMAIN code AS varchar(3);',
    model: defineSchema('m', { domains: [domain('code', text())], tables: {} }),
    expected: ['~ domain s.code type character varying(3) -> text'],
    warnings: 1,
  },
  {
    name: 'creates a sequence owned by the column whose nextval default uses it',
    sql: '',
    model: defineSchema('m', {
      sequences: [sequence('customer_customer_id_seq', { as: 'integer', ownedBy: 'customer.customer_id' })],
      tables: { customer: table({ customer_id: integer().primaryKey().default(sql`nextval('customer_customer_id_seq')`), name: text() }) },
    }),
    expected: ['+ sequence s.customer_customer_id_seq', '+ table s.customer', '~ sequence s.customer_customer_id_seq owned by none -> customer.customer_id'],
  },
  {
    name: 'a serial column made by hand compares clean with its sequence in the model',
    sql: 'CREATE TABLE customer (customer_id serial PRIMARY KEY, name text);',
    model: defineSchema('m', {
      sequences: [sequence('customer_customer_id_seq', { as: 'integer', ownedBy: 'customer.customer_id' })],
      tables: { customer: table({ customer_id: integer().primaryKey().default(sql`nextval('customer_customer_id_seq'::regclass)`), name: text() }) },
    }),
    expected: [],
  },
  {
    name: "changes a sequence's options and owner",
    sql: `CREATE TABLE t (a integer, b integer); CREATE SEQUENCE t_seq OWNED BY t.a; SELECT nextval('t_seq');`,
    model: defineSchema('m', {
      sequences: [sequence('t_seq', { start: 100, increment: 10, maxValue: 1000000, cache: 5, cycle: true, ownedBy: 't.b' })],
      tables: { t: table({ a: integer(), b: integer() }) },
    }),
    expected: ['~ sequence s.t_seq owned by t.a -> none', '~ sequence s.t_seq', '~ sequence s.t_seq owned by none -> t.b'],
  },
  {
    name: 'creates a descending smallint sequence and drops a free-standing one',
    sql: 'CREATE SEQUENCE old_seq START 5;',
    model: defineSchema('m', { sequences: [sequence('countdown', { as: 'smallint', increment: -1 })], tables: {} }),
    expected: ['+ sequence s.countdown', '- sequence s.old_seq'],
    warnings: 1,
  },
  {
    name: 'drops a table with a serial column and its sequence',
    sql: 'CREATE TABLE t (id serial, name text); CREATE TABLE keep (x integer);',
    model: defineSchema('m', { tables: { keep: table({ x: integer() }) } }),
    expected: ['~ sequence s.t_id_seq owned by t.id -> none', '- table s.t', '- sequence s.t_id_seq'],
    warnings: 2,
  },
];

describeFixtures('autogenerate: custom types, domains and sequences', cases);
