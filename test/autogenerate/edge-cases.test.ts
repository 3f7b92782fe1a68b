/**
 * Fixture cases: changes that interact (a type change with a default, a check or an enum, an
 * identity on a column with a default, a column dropped with its index), long names cut to 63
 * bytes, and Postgres' own name choices. See support/fixture.ts.
 */
import {
  fn,
  sequence,
  bigint,
  check,
  defineSchema,
  enumColumn,
  enumType,
  index,
  integer,
  numeric,
  sql,
  table,
  text,
  unique,
  varchar,
} from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const long = 'a_table_name_that_is_long_enough_to_need_cutting_by_postgres_x' as const; // 62 bytes
const longColumn = 'a_column_name_that_is_also_quite_long_abc' as const; // 41 bytes

const status = enumType('status', ['new', 'done']);

export const cases: readonly FixtureCase[] = [
  {
    name: "uses the schema's own sequence and function (made by hand) in a table it changes",
    sql: `
      CREATE TABLE towns (id serial PRIMARY KEY, name text);
      CREATE FUNCTION is_short(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT length(v) < 20';
      CREATE TABLE rivers (name text CHECK (is_short(name)));`,
    model: defineSchema('m', {
      tables: {
        towns: table({ id: integer().primaryKey().default(sql`nextval('towns_id_seq'::regclass)`), name: text(), size: integer() }),
        rivers: table({ name: text().check(sql`is_short(name)`), length_km: integer() }),
      },
      sequences: [sequence('towns_id_seq', { as: 'integer', ownedBy: 'towns.id' })],
      functions: [fn('is_short', { args: 'v text', returns: 'boolean', language: 'sql', volatility: 'immutable', body: 'SELECT length(v) < 20' })],
    }),
    expected: ['+ column s.rivers.length_km (integer)', '+ column s.towns.size (integer)'],
  },
  {
    name: 'changes a type and its default together (text default to integer default)',
    sql: `CREATE TABLE t (a text DEFAULT '1', b integer DEFAULT 1); INSERT INTO t VALUES ('5', 5);`,
    model: defineSchema('m', { tables: { t: table({ a: integer().default(1), b: bigint().default(2) }) } }),
    // a default changing together with the type is dropped before and set after the type change
    expected: [
      "~ column s.t.a default '1'::text -> none",
      '~ column s.t.b default 1 -> none',
      '~ column s.t.a type text -> integer',
      '~ column s.t.b type integer -> bigint',
      '~ column s.t.a default none -> 1',
      '~ column s.t.b default none -> 2',
    ],
    warnings: 1,
  },
  {
    name: 'changes a text column with a default to an enum with a default',
    sql: `CREATE TABLE t (id integer, status text NOT NULL DEFAULT 'new'); INSERT INTO t VALUES (1, 'done');`,
    model: defineSchema('m', { tables: { t: table({ id: integer(), status: enumColumn(status).notNull().default('new') }) } }),
    expected: [
      "~ column s.t.status default 'new'::text -> none",
      "+ enum s.status ('new', 'done')",
      '~ column s.t.status type text -> status',
      "~ column s.t.status default none -> 'new'::status",
    ],
    warnings: 1,
  },
  {
    name: 'adds an identity to a column that has a default (the default goes first)',
    sql: `CREATE TABLE t (id integer NOT NULL DEFAULT 0);`,
    model: defineSchema('m', { tables: { t: table({ id: integer().identity('by default') }) } }),
    expected: ['~ column s.t.id default 0 -> none', '~ column s.t.id identity none -> by default'],
  },
  {
    name: 'changes the type of a column with checks (they print with casts then: dropped and added again)',
    sql: `CREATE TABLE t (n integer CHECK (n > 0), m integer, CONSTRAINT t_check CHECK (n < m)); INSERT INTO t VALUES (1, 2);`,
    model: defineSchema('m', {
      tables: { t: table({ n: numeric(10, 2).check(sql`n > 0`), m: integer() }, { constraints: [check(sql`n < m`)] }) },
    }),
    expected: [
      '- check s.t.t_check ((n < m))',
      '- check s.t.t_n_check ((n > 0))',
      '~ column s.t.n type integer -> numeric(10,2)',
      '+ check s.t.t_check ((n < (m)::numeric))',
      '+ check s.t.t_n_check ((n > (0)::numeric))',
    ],
    warnings: 1, // numeric(10,2) holds less than integer
  },
  {
    name: 'drops a column that has an index, a unique and a check of its own',
    sql: `
      CREATE TABLE t (id integer PRIMARY KEY, code text UNIQUE CHECK (code <> ''), name text);
      CREATE INDEX ON t (code, name);`,
    model: defineSchema('m', { tables: { t: table({ id: integer().primaryKey(), name: text() }) } }),
    expected: [
      '- index s.t_code_name_idx on t (code, name)',
      "- check s.t.t_code_check ((code <> ''::text))",
      '- unique s.t.t_code_key (code)',
      '- column s.t.code (text)',
    ],
    warnings: 1,
    columnOrderChanges: true,
  },
  {
    name: 'replaces a unique index made by hand with a unique constraint of the same name',
    sql: `CREATE TABLE t (a integer, b integer); CREATE UNIQUE INDEX t_a_key ON t (a);`,
    model: defineSchema('m', { tables: { t: table({ a: integer().unique(), b: integer() }) } }),
    expected: ['- index s.t_a_key on t (a)', '+ unique s.t.t_a_key (a)'],
  },
  {
    name: 'no change: two checks on one column get t_a_check and t_a_check1, as Postgres names them',
    sql: `CREATE TABLE t (a integer CHECK (a > 0) CHECK (a < 100));`,
    model: defineSchema('m', { tables: { t: table({ a: integer().check(sql`a > 0`).check(sql`a < 100`) }) } }),
    expected: [],
  },
  {
    name: 'no change: long table and column names cut to 63 bytes in constraint and index names, as Postgres does',
    sql: `
      CREATE TABLE ${long} (id integer PRIMARY KEY, ${longColumn} text UNIQUE CHECK (${longColumn} <> ''), other text);
      CREATE INDEX ON ${long} (${longColumn}, other);
      CREATE TABLE child (id integer REFERENCES ${long} (id), ${longColumn} text REFERENCES ${long} (${longColumn}));`,
    model: defineSchema('m', {
      tables: {
        [long]: table(
          { id: integer().primaryKey(), [longColumn]: text().unique().check(sql.raw(`${longColumn} <> ''`)), other: text() },
          { indexes: [index([longColumn, 'other'])] },
        ),
        child: table({ id: integer().references(long, 'id'), [longColumn]: text().references(long, longColumn) }),
      },
    }),
    expected: [],
  },
  {
    name: 'creates tables with long names, then drops them: the names Postgres cuts round-trip',
    sql: '',
    model: defineSchema('m', {
      tables: {
        [long]: table(
          { id: integer().primaryKey(), [longColumn]: varchar(10).unique(), other: text() },
          { constraints: [unique(['other', longColumn])], indexes: [index(['other', longColumn])] },
        ),
      },
    }),
    expected: [`+ table s.${long}`],
  },
  {
    name: 'changes the type of a column an expression index and a partial index use',
    sql: `
      CREATE TABLE t (name varchar(10), n integer);
      CREATE INDEX t_lower_idx ON t (lower(name));
      CREATE INDEX t_n_idx ON t (n) WHERE n > 0;`,
    model: defineSchema('m', {
      tables: { t: table({ name: text(), n: bigint() }, { indexes: [index([sql`lower(name)`]), index(['n'], { where: sql`n > 0` })] }) },
    }),
    // the expression index prints lower((name)::text) on varchar and lower(name) on text
    expected: [
      '- index s.t_lower_idx on t (lower((name)::text))',
      '~ column s.t.n type integer -> bigint',
      '~ column s.t.name type character varying(10) -> text',
      '+ index s.t_lower_idx on t (lower(name))',
    ],
  },
];

describeFixtures('autogenerate: interacting changes and names', cases);
