/**
 * Fixture cases: table and column comments, and mixed-case and odd names (quotes, spaces,
 * semicolons, reserved words) through every kind of object. See support/fixture.ts.
 */
import { expect } from 'vitest';
import {
  check,
  defineSchema,
  enumColumn,
  enumType,
  index,
  integer,
  sql,
  table,
  text,
  unique,
  varchar,
} from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const Mood = enumType('Mood', ["it's ok", 'Sad;', 'with "quotes"']);

/** A model whose names all need quoting. */
const oddModel = defineSchema('m', {
  tables: {
    'My Countries': table(
      {
        'Country ID': integer().identity('always').primaryKey(),
        'Name; DROP TABLE x;--': varchar(100).notNull().unique().comment("it's a \"name\""),
        order: integer().check(sql`"order" >= 0`),
        mood: enumColumn(Mood).default("it's ok"),
        CamelCase: text(),
      },
      {
        constraints: [unique(['order', 'CamelCase']), check(sql`"CamelCase" <> 'x;y'`, { name: 'Odd "check"' })],
        indexes: [index(['CamelCase'], { where: sql`"order" > 1` }), index([sql`lower("CamelCase")`], { name: 'Lower Camel' })],
        comment: 'table; with "odd" name',
      },
    ),
    select: table({
      id: integer().primaryKey(),
      'Country ID': integer().references('My Countries', 'Country ID', { onDelete: 'cascade' }),
    }),
  },
});

const oddSql = `
CREATE TYPE "Mood" AS ENUM ('it''s ok', 'Sad;', 'with "quotes"');
CREATE TABLE "My Countries" (
  "Country ID" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "Name; DROP TABLE x;--" varchar(100) NOT NULL UNIQUE,
  "order" integer CHECK ("order" >= 0),
  mood "Mood" DEFAULT 'it''s ok',
  "CamelCase" text,
  UNIQUE ("order", "CamelCase"),
  CONSTRAINT "Odd ""check""" CHECK ("CamelCase" <> 'x;y')
);
CREATE INDEX ON "My Countries" ("CamelCase") WHERE "order" > 1;
CREATE INDEX "Lower Camel" ON "My Countries" (lower("CamelCase"));
COMMENT ON TABLE "My Countries" IS 'table; with "odd" name';
COMMENT ON COLUMN "My Countries"."Name; DROP TABLE x;--" IS 'it''s a "name"';
CREATE TABLE "select" (id integer PRIMARY KEY, "Country ID" integer REFERENCES "My Countries" ("Country ID") ON DELETE CASCADE);
`;

export const cases: readonly FixtureCase[] = [
  {
    name: 'sets table and column comments',
    sql: `CREATE TABLE t (a integer, b text);`,
    model: defineSchema('m', {
      tables: { t: table({ a: integer().comment('the a'), b: text().comment("it's b; really") }, { comment: 'a table' }) },
    }),
    expected: ['~ comment on table s.t', '~ comment on column s.t.a', '~ comment on column s.t.b'],
  },
  {
    name: 'changes and removes table and column comments',
    sql: `
      CREATE TABLE t (a integer, b text); CREATE TABLE u (c integer);
      COMMENT ON TABLE t IS 'old'; COMMENT ON COLUMN t.a IS 'old a'; COMMENT ON COLUMN t.b IS 'b';
      COMMENT ON TABLE u IS 'u';`,
    model: defineSchema('m', {
      tables: { t: table({ a: integer().comment('new a'), b: text() }, { comment: 'new' }), u: table({ c: integer() }) },
    }),
    expected: ['~ comment on table s.t', '~ comment on column s.t.a', '~ comment on column s.t.b', '~ comment on table s.u'],
  },
  {
    name: 'creates tables, an enum, keys, checks, indexes and comments with mixed-case and odd names',
    sql: '',
    model: oddModel,
    expected: [
      `+ enum s."Mood" ('it''s ok', 'Sad;', 'with "quotes"')`,
      '+ table s."My Countries"',
      '+ table s.select',
      '+ foreign key s.select."select_Country ID_fkey" ("Country ID") -> s."My Countries" ("Country ID")',
    ],
  },
  {
    name: 'no change: mixed-case and odd names created by hand',
    sql: oddSql,
    model: oddModel,
    expected: [],
  },
  {
    name: 'drops what has odd names (with warnings)',
    sql: oddSql,
    model: defineSchema('m', { tables: {} }),
    expected: [
      '- foreign key s.select."select_Country ID_fkey" ("Country ID") -> s."My Countries" ("Country ID")',
      '- table s."My Countries"',
      '- table s.select',
      '- enum s."Mood"',
    ],
    warnings: 3,
  },
  {
    name: 'adds and changes columns with odd names, in a schema whose name needs quoting',
    schemaPrefix: 'My "Odd"; Schema',
    sql: `CREATE TABLE "Weird Table" ("A;b" integer, "c""d" text NOT NULL);`,
    model: defineSchema('m', {
      tables: { 'Weird Table': table({ 'A;b': integer().notNull().default(1), 'c"d': varchar(10), 'New Col': text().comment('x') }) },
    }),
    expected: [
      '+ column s."Weird Table"."New Col" (text)',
      '~ column s."Weird Table"."c""d" type text -> character varying(10)',
      '~ column s."Weird Table"."A;b" set not null',
      '~ column s."Weird Table"."c""d" drop not null',
      '~ column s."Weird Table"."A;b" default none -> 1',
    ],
    warnings: 2,
    also: ({ script }) => {
      expect(script.up).toContain(`COMMENT ON COLUMN "Weird Table"."New Col" IS 'x';`);
    },
  },
];

describeFixtures('autogenerate: comments and names', cases);
