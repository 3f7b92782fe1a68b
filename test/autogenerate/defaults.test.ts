/**
 * Fixture cases: column defaults added, changed and dropped (literals and SQL expressions), and
 * defaults and types that Postgres stores equally comparing equal. See support/fixture.ts.
 */
import {
  boolean,
  char,
  date,
  defineSchema,
  integer,
  jsonb,
  numeric,
  sql,
  table,
  text,
  timestamp,
  timestamptz,
  uuid,
  varchar,
} from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

export const cases: readonly FixtureCase[] = [
  {
    name: 'adds literal defaults',
    sql: `CREATE TABLE t (a integer, b text, c boolean, d numeric(10,2), e varchar(10), f date, g jsonb, h integer);`,
    model: defineSchema('m', {
      tables: {
        t: table({
          a: integer().default(0),
          b: text().default("it's"),
          c: boolean().default(true),
          d: numeric(10, 2).default(1.5),
          e: varchar(10).default('x'),
          f: date().default('2024-02-29'),
          g: jsonb().default({ k: [1] }),
          h: integer().default(-7),
        }),
      },
    }),
    expected: [
      '~ column s.t.a default none -> 0',
      "~ column s.t.b default none -> 'it''s'::text",
      '~ column s.t.c default none -> true',
      '~ column s.t.d default none -> 1.5',
      "~ column s.t.e default none -> 'x'::character varying",
      "~ column s.t.f default none -> '2024-02-29'::date",
      `~ column s.t.g default none -> '{"k": [1]}'::jsonb`,
      "~ column s.t.h default none -> '-7'::integer",
    ],
  },
  {
    name: 'changes literal defaults',
    sql: `CREATE TABLE t (a integer DEFAULT 1, b text DEFAULT 'a', c boolean DEFAULT false, d varchar(10) NOT NULL DEFAULT 'x');`,
    model: defineSchema('m', {
      tables: { t: table({ a: integer().default(2), b: text().default('b'), c: boolean().default(true), d: varchar(10).notNull().default('y') }) },
    }),
    expected: [
      '~ column s.t.a default 1 -> 2',
      "~ column s.t.b default 'a'::text -> 'b'::text",
      '~ column s.t.c default false -> true',
      "~ column s.t.d default 'x'::character varying -> 'y'::character varying",
    ],
  },
  {
    name: 'drops defaults',
    sql: `CREATE TABLE t (a integer DEFAULT 1, b text NOT NULL DEFAULT 'a', c timestamptz DEFAULT now(), d uuid DEFAULT gen_random_uuid());`,
    model: defineSchema('m', { tables: { t: table({ a: integer(), b: text().notNull(), c: timestamptz(), d: uuid() }) } }),
    expected: [
      '~ column s.t.a default 1 -> none',
      "~ column s.t.b default 'a'::text -> none",
      '~ column s.t.c default now() -> none',
      '~ column s.t.d default gen_random_uuid() -> none',
    ],
  },
  {
    name: 'adds SQL defaults: now(), CURRENT_TIMESTAMP, an expression, a function',
    sql: `CREATE TABLE t (a timestamptz, b timestamp, c timestamptz, d uuid, e date);`,
    model: defineSchema('m', {
      tables: {
        t: table({
          a: timestamptz().default(sql`now()`),
          b: timestamp().default(sql`CURRENT_TIMESTAMP`),
          c: timestamptz().default(sql`now() + interval '1 day'`),
          d: uuid().default(sql`gen_random_uuid()`),
          e: date().default(sql`current_date`),
        }),
      },
    }),
    expected: [
      '~ column s.t.a default none -> now()',
      '~ column s.t.b default none -> CURRENT_TIMESTAMP',
      "~ column s.t.c default none -> (now() + '1 day'::interval)",
      '~ column s.t.d default none -> gen_random_uuid()',
      '~ column s.t.e default none -> CURRENT_DATE',
    ],
  },
  {
    name: 'changes a default from a literal to now() and from CURRENT_TIMESTAMP to a literal',
    sql: `CREATE TABLE t (a timestamptz DEFAULT '2024-01-01 00:00:00+00', b timestamp DEFAULT CURRENT_TIMESTAMP);`,
    model: defineSchema('m', {
      tables: { t: table({ a: timestamptz().default(sql`now()`), b: timestamp().default(new Date('2024-01-01T00:00:00Z')) }) },
    }),
    expected: [
      "~ column s.t.a default '2024-01-01 00:00:00+00'::timestamp with time zone -> now()",
      "~ column s.t.b default CURRENT_TIMESTAMP -> '2024-01-01 00:00:00'::timestamp without time zone",
    ],
  },
  {
    name: 'no change: varchar(100) and character varying(100), now() and NOW(), CURRENT_TIMESTAMP and current_timestamp, casts Postgres adds',
    sql: `
      CREATE TABLE t (
        name character varying(100) NOT NULL DEFAULT 'none'::character varying,
        created_at timestamp with time zone NOT NULL DEFAULT NOW(),
        updated_at timestamp DEFAULT current_timestamp,
        due date DEFAULT CURRENT_DATE + 7,
        n numeric(6,2) DEFAULT 0,
        flag bool DEFAULT 't',
        tags text[] DEFAULT '{}'::text[],
        code char(3) DEFAULT 'abc'
      );`,
    model: defineSchema('m', {
      tables: {
        t: table({
          name: varchar(100).notNull().default('none'),
          created_at: timestamptz().notNull().default(sql`now()`),
          updated_at: timestamp().default(sql`CURRENT_TIMESTAMP`),
          due: date().default(sql`(CURRENT_DATE + 7)`),
          n: numeric(6, 2).default(0),
          flag: boolean().default(true),
          tags: text().array().default([]),
          code: char(3).default('abc'),
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'now() and CURRENT_TIMESTAMP are stored differently: switching is a default change that round-trips',
    sql: `CREATE TABLE t (a timestamptz DEFAULT now(), b timestamptz DEFAULT CURRENT_TIMESTAMP);`,
    model: defineSchema('m', {
      tables: { t: table({ a: timestamptz().default(sql`CURRENT_TIMESTAMP`), b: timestamptz().default(sql`now()`) }) },
    }),
    expected: ['~ column s.t.a default now() -> CURRENT_TIMESTAMP', '~ column s.t.b default CURRENT_TIMESTAMP -> now()'],
  },
];

describeFixtures('autogenerate: defaults', cases);
