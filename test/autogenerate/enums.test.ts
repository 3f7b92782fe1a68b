/**
 * Fixture cases: enum types created, dropped and changed (labels added at the end or in the
 * middle, removed, reordered), with the columns that use them. See support/fixture.ts.
 */
import { expect } from 'vitest';
import { check, defineSchema, enumColumn, enumType, index, integer, sql, table, text } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const continent3 = enumType('continent', ['Africa', 'Asia', 'Europe']);

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates an enum and a table using it (enum first)',
    sql: '',
    model: defineSchema('m', {
      tables: { countries: table({ id: integer().primaryKey(), continent: enumColumn(continent3).notNull().default('Asia') }) },
    }),
    expected: ["+ enum s.continent ('Africa', 'Asia', 'Europe')", '+ table s.countries'],
  },
  {
    name: 'creates an enum no column uses (listed in the schema) and adds a column using another one',
    sql: `CREATE TABLE countries (id integer PRIMARY KEY);`,
    model: defineSchema('m', {
      tables: { countries: table({ id: integer().primaryKey(), continent: enumColumn(continent3).array() }) },
      enums: [enumType('unused', [])],
    }),
    expected: ["+ enum s.continent ('Africa', 'Asia', 'Europe')", "+ enum s.unused ()", '+ column s.countries.continent (continent[])'],
  },
  {
    name: 'drops an enum together with the column using it (column first, with warnings)',
    sql: `CREATE TYPE continent AS ENUM ('Asia'); CREATE TABLE countries (id integer, continent continent DEFAULT 'Asia');`,
    model: defineSchema('m', { tables: { countries: table({ id: integer() }) } }),
    expected: ['- column s.countries.continent (continent)', '- enum s.continent'],
    warnings: 2,
  },
  {
    name: 'adds enum labels at the end and in the middle, with a column using the enum',
    sql: `
      CREATE TYPE continent AS ENUM ('Asia', 'Europe');
      CREATE TABLE countries (id integer, continent continent NOT NULL DEFAULT 'Europe', near continent[]);
      INSERT INTO countries VALUES (1, 'Asia', '{Europe}');`,
    model: defineSchema('m', {
      tables: {
        countries: table({
          id: integer(),
          continent: enumColumn(enumType('continent', ['Africa', 'Asia', 'Australia', 'Europe', 'Oceania'])).notNull().default('Europe'),
          near: enumColumn(enumType('continent', ['Africa', 'Asia', 'Australia', 'Europe', 'Oceania'])).array(),
        }),
      },
    }),
    expected: [
      "+ enum value s.continent 'Africa'",
      "+ enum value s.continent 'Australia'",
      "+ enum value s.continent 'Oceania'",
    ],
    also: ({ script }) => {
      expect(script.up).toContain(`ALTER TYPE "continent" ADD VALUE 'Africa' BEFORE 'Asia';`);
      expect(script.up).toContain(`ALTER TYPE "continent" ADD VALUE 'Oceania';`);
      expect(script.warnings.filter((w) => w.includes('can only be used once this transaction has committed'))).toHaveLength(3);
    },
  },
  {
    name: 'removes an enum label no row uses (the type is rebuilt, with a warning)',
    sql: `
      CREATE TYPE continent AS ENUM ('Africa', 'Asia', 'Atlantis', 'Europe');
      CREATE TABLE countries (id integer, continent continent DEFAULT 'Asia', near continent[]);
      INSERT INTO countries VALUES (1, 'Europe', '{Africa}');`,
    model: defineSchema('m', {
      tables: { countries: table({ id: integer(), continent: enumColumn(continent3).default('Asia'), near: enumColumn(continent3).array() }) },
    }),
    expected: ["~ enum s.continent ('Africa', 'Asia', 'Atlantis', 'Europe') -> ('Africa', 'Asia', 'Europe')"],
    warnings: 1,
  },
  {
    name: 'changes a column from text to an enum, and another from an enum to text',
    sql: `
      CREATE TYPE continent AS ENUM ('Africa', 'Asia', 'Europe');
      CREATE TABLE countries (id integer, continent text, old continent);
      INSERT INTO countries VALUES (1, 'Asia', 'Europe');`,
    model: defineSchema('m', { tables: { countries: table({ id: integer(), continent: enumColumn(continent3), old: text() }) } }),
    expected: ['~ column s.countries.continent type text -> continent', '~ column s.countries.old type continent -> text'],
    warnings: 1, // an enum to text keeps every value
  },
  {
    name: 'changes a column from one enum to another (cast through text) and an integer to an enum',
    sql: `
      CREATE TYPE old_kind AS ENUM ('Asia', 'Europe');
      CREATE TYPE digit AS ENUM ('1', '2');
      CREATE TABLE t (c old_kind DEFAULT 'Asia', n integer, back digit);
      INSERT INTO t VALUES ('Europe', 2, '1');`,
    model: defineSchema('m', {
      tables: {
        t: table({
          c: enumColumn(continent3).default('Asia'),
          n: enumColumn(enumType('digit', ['1', '2'])),
          back: integer(),
        }),
      },
    }),
    expected: [
      "~ column s.t.c default 'Asia'::old_kind -> none",
      "+ enum s.continent ('Africa', 'Asia', 'Europe')",
      '~ column s.t.back type digit -> integer',
      '~ column s.t.c type old_kind -> continent',
      '~ column s.t.n type integer -> digit',
      "~ column s.t.c default none -> 'Asia'::continent",
      '- enum s.old_kind',
    ],
    warnings: 4,
    also: ({ script }) => {
      expect(script.up).toContain('ALTER TABLE "t" ALTER COLUMN "c" TYPE continent USING "c"::text::continent;');
      expect(script.up).toContain('ALTER TABLE "t" ALTER COLUMN "n" TYPE digit USING "n"::text::digit;');
      expect(script.up).toContain('ALTER TABLE "t" ALTER COLUMN "back" TYPE integer USING "back"::text::integer;');
    },
  },
  {
    name: 'uses an enum of another schema without creating it',
    otherSql: `CREATE TYPE currency AS ENUM ('EUR', 'JPY');`,
    sql: `CREATE TABLE prices (id integer);`,
    model: ({ other }) =>
      defineSchema('m', {
        tables: { prices: table({ id: integer(), currency: enumColumn(enumType('currency', ['EUR', 'JPY'], { schema: other })).default('JPY') }) },
      }),
    expected: ['+ column s.prices.currency (o.currency)'],
  },
  {
    name: 'reorders enum labels (rebuild without a warning: no label is lost)',
    sql: `CREATE TYPE continent AS ENUM ('Europe', 'Asia', 'Africa'); CREATE TABLE t (c continent[] DEFAULT '{Asia}'); INSERT INTO t VALUES ('{Europe,Africa}');`,
    model: defineSchema('m', { tables: { t: table({ c: enumColumn(continent3).array().default(['Asia']) }) } }),
    expected: ["~ enum s.continent ('Europe', 'Asia', 'Africa') -> ('Africa', 'Asia', 'Europe')"],
  },
  {
    name: 'removes the enum label a default uses, and changes the default',
    sql: `CREATE TYPE continent AS ENUM ('Africa', 'Asia', 'Atlantis', 'Europe'); CREATE TABLE t (c continent NOT NULL DEFAULT 'Atlantis');`,
    model: defineSchema('m', { tables: { t: table({ c: enumColumn(continent3).notNull().default('Asia') }) } }),
    expected: [
      "~ column s.t.c default 'Atlantis'::continent -> none",
      "~ enum s.continent ('Africa', 'Asia', 'Atlantis', 'Europe') -> ('Africa', 'Asia', 'Europe')",
      "~ column s.t.c default none -> 'Asia'::continent",
    ],
    warnings: 1,
  },
  {
    name: 'rebuilds an enum used by a check, a partial index and an index on the enum column',
    sql: `
      CREATE TYPE continent AS ENUM ('Africa', 'Asia', 'Atlantis', 'Europe');
      CREATE TABLE t (id integer, c continent, CONSTRAINT not_africa CHECK (c <> 'Africa'));
      CREATE INDEX t_asia_idx ON t (id) WHERE c = 'Asia';
      CREATE INDEX t_c_idx ON t (c);
      INSERT INTO t VALUES (1, 'Europe');`,
    model: defineSchema('m', {
      tables: {
        t: table(
          { id: integer(), c: enumColumn(continent3) },
          {
            constraints: [check(sql`c <> 'Africa'`, { name: 'not_africa' })],
            indexes: [index(['id'], { name: 't_asia_idx', where: sql`c = 'Asia'` }), index(['c'])],
          },
        ),
      },
    }),
    // the check and the partial index compare with the type's labels: dropped before and made again
    // after the rebuild; the index on the column itself is rebuilt by ALTER COLUMN ... TYPE
    expected: [
      '- index s.t_asia_idx on t (id)',
      "- check s.t.not_africa ((c <> 'Africa'::continent))",
      "~ enum s.continent ('Africa', 'Asia', 'Atlantis', 'Europe') -> ('Africa', 'Asia', 'Europe')",
      "+ check s.t.not_africa ((c <> 'Africa'::continent))",
      '+ index s.t_asia_idx on t (id)',
    ],
    warnings: 1,
  },
  {
    name: 'adds an enum label used by a check and a partial index (left alone; the down rebuild drops and re-adds them)',
    sql: `
      CREATE TYPE region AS ENUM ('North', 'South', 'West');
      CREATE TABLE t (id integer, region region, CONSTRAINT not_west CHECK (region <> 'West'));
      CREATE INDEX t_south_idx ON t (id) WHERE region = 'South';
      CREATE INDEX t_region_idx ON t (region);
      INSERT INTO t VALUES (1, 'North'), (2, 'South');`,
    model: defineSchema('m', {
      tables: {
        t: table(
          { id: integer(), region: enumColumn(enumType('region', ['East', 'North', 'South', 'West'])) },
          {
            constraints: [check(sql`region <> 'West'`, { name: 'not_west' })],
            indexes: [index(['id'], { name: 't_south_idx', where: sql`region = 'South'` }), index(['region'])],
          },
        ),
      },
    }),
    expected: ["+ enum value s.region 'East'"],
    also: ({ script }) => {
      expect(script.up).toContain(`ALTER TYPE "region" ADD VALUE 'East' BEFORE 'North';`);
      expect(script.up).not.toMatch(/not_west|t_south_idx|t_region_idx|RENAME TO/);
      const down = script.down;
      const rebuild = down.indexOf('ALTER TYPE "region" RENAME TO');
      expect(rebuild).toBeGreaterThan(down.indexOf('DROP INDEX "t_south_idx"'));
      expect(rebuild).toBeGreaterThan(down.indexOf('DROP CONSTRAINT "not_west"'));
      expect(down.indexOf('DROP INDEX "t_south_idx"')).toBeGreaterThan(-1);
      expect(down.indexOf('DROP CONSTRAINT "not_west"')).toBeGreaterThan(-1);
      expect(down.indexOf('ADD CONSTRAINT "not_west"')).toBeGreaterThan(down.indexOf('DROP TYPE "region_worlddb_old"'));
      expect(down.indexOf('CREATE INDEX "t_south_idx"')).toBeGreaterThan(down.indexOf('DROP TYPE "region_worlddb_old"'));
      expect(down).not.toContain('t_region_idx');
    },
  },
  {
    name: 'removes an enum label while the column holding it becomes text (the column changes type first)',
    sql: `
      CREATE TYPE continent AS ENUM ('Asia', 'Atlantis', 'Europe');
      CREATE TABLE t (kept continent, legacy continent DEFAULT 'Atlantis');
      INSERT INTO t VALUES ('Asia', 'Atlantis');`,
    model: defineSchema('m', {
      tables: { t: table({ kept: enumColumn(enumType('continent', ['Asia', 'Europe'])), legacy: text().default('Atlantis') }) },
    }),
    // the rebuild re-casts `kept` only; `legacy` keeps 'Atlantis' as text (and in the down part
    // becomes the enum again only once the rebuild has put 'Atlantis' back)
    expected: [
      "~ column s.t.legacy default 'Atlantis'::continent -> none",
      '~ column s.t.legacy type continent -> text',
      "~ enum s.continent ('Asia', 'Atlantis', 'Europe') -> ('Asia', 'Europe')",
      "~ column s.t.legacy default none -> 'Atlantis'::text",
    ],
    warnings: 1,
    also: ({ script }) => {
      expect(script.up).not.toContain('ALTER COLUMN "legacy" TYPE "continent"');
      expect(script.up.indexOf('ALTER COLUMN "legacy" TYPE text')).toBeLessThan(script.up.indexOf('CREATE TYPE "continent"'));
      expect(script.down.indexOf('ALTER COLUMN "legacy" TYPE continent')).toBeGreaterThan(script.down.indexOf('DROP TYPE'));
    },
  },
  {
    name: 'adds an enum label while a column leaves the enum for text and another for a new enum',
    sql: `
      CREATE TYPE continent AS ENUM ('Asia', 'Europe');
      CREATE TABLE t (kept continent, legacy continent, moved continent);
      INSERT INTO t VALUES ('Asia', 'Europe', 'Asia');`,
    model: defineSchema('m', {
      tables: {
        t: table({
          kept: enumColumn(enumType('continent', ['Africa', 'Asia', 'Europe'])),
          legacy: text(),
          moved: enumColumn(enumType('region', ['Asia', 'Europe'])),
        }),
      },
    }),
    expected: [
      "+ enum s.region ('Asia', 'Europe')",
      '~ column s.t.legacy type continent -> text',
      '~ column s.t.moved type continent -> region',
      "+ enum value s.continent 'Africa'",
    ],
    warnings: 1, // continent to region
    also: ({ script }) => {
      // the reverse of the added label is a rebuild: it runs before the columns come back
      expect(script.down.indexOf('ALTER COLUMN "legacy" TYPE continent')).toBeGreaterThan(script.down.indexOf('DROP TYPE'));
    },
  },
];

describeFixtures('autogenerate: enums', cases);
