/**
 * Fixture cases: indexes (plain, unique, multi-column, partial, gin, on expressions, with key
 * options: DESC, NULLS FIRST, operator classes, collations), created, dropped, changed, renamed,
 * and compared equal when written differently. See support/fixture.ts.
 */
import { expect } from 'vitest';
import type { RenameHints } from '../../src/diff/renames.js';
import { defineSchema, index, integer, jsonb, sql, table, text, timestamptz } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const columns = {
  id: integer().primaryKey(),
  name: text().notNull(),
  country: text(),
  tags: text().array(),
  data: jsonb(),
  deleted_at: timestamptz(),
};

const tableSql = `
CREATE TABLE cities (id integer PRIMARY KEY, name text NOT NULL, country text, tags text[], data jsonb, deleted_at timestamptz);
INSERT INTO cities VALUES (1, 'Kyoto', 'Japan', '{old}', '{"a": 1}', NULL);
`;

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates a plain index and a unique one',
    sql: tableSql,
    model: defineSchema('m', {
      tables: { cities: table(columns, { indexes: [index(['name']), index(['country', 'id'], { unique: true })] }) },
    }),
    expected: ['+ index s.cities_country_id_idx on cities (country, id)', '+ index s.cities_name_idx on cities (name)'],
  },
  {
    name: 'creates a multi-column index, and one with a name of its own',
    sql: tableSql,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [index(['country', 'name', 'id']), index(['deleted_at'], { name: 'by_deletion' })],
        }),
      },
    }),
    expected: ['+ index s.by_deletion on cities (deleted_at)', '+ index s.cities_country_name_id_idx on cities (country, name, id)'],
  },
  {
    name: 'creates a partial index and a partial unique index',
    sql: tableSql,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [
            index(['name'], { where: sql`deleted_at IS NULL` }),
            index(['country', 'name'], { unique: true, where: sql`country <> ${'nowhere'}` }),
          ],
        }),
      },
    }),
    expected: ['+ index s.cities_country_name_idx on cities (country, name)', '+ index s.cities_name_idx on cities (name)'],
  },
  {
    name: 'creates gin indexes on an array and on jsonb, and an index on an expression',
    sql: tableSql,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [index(['tags'], { using: 'gin' }), index(['data'], { using: 'gin' }), index([sql`lower(name)`])],
        }),
      },
    }),
    expected: [
      '+ index s.cities_data_idx on cities (data)',
      '+ index s.cities_lower_idx on cities (lower(name))',
      '+ index s.cities_tags_idx on cities (tags)',
    ],
  },
  {
    name: 'drops indexes',
    sql: `${tableSql}
      CREATE INDEX ON cities (name);
      CREATE UNIQUE INDEX ON cities (country, name) WHERE deleted_at IS NULL;
      CREATE INDEX ON cities USING gin (tags);`,
    model: defineSchema('m', { tables: { cities: table(columns) } }),
    expected: [
      '- index s.cities_country_name_idx on cities (country, name)',
      '- index s.cities_name_idx on cities (name)',
      '- index s.cities_tags_idx on cities (tags)',
    ],
  },
  {
    name: 'changes an index: unique, method, predicate and keys (drop and create)',
    sql: `${tableSql}
      CREATE INDEX a ON cities (name);
      CREATE INDEX b ON cities (tags);
      CREATE INDEX c ON cities (country) WHERE deleted_at IS NULL;
      CREATE INDEX d ON cities (country, name);`,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [
            index(['name'], { name: 'a', unique: true }),
            index(['tags'], { name: 'b', using: 'gin' }),
            index(['country'], { name: 'c', where: sql`deleted_at IS NOT NULL` }),
            index(['name', 'country'], { name: 'd' }),
          ],
        }),
      },
    }),
    expected: [
      '- index s.a on cities (name)',
      '- index s.b on cities (tags)',
      '- index s.c on cities (country)',
      '- index s.d on cities (country, name)',
      '+ index s.a on cities (name)',
      '+ index s.b on cities (tags)',
      '+ index s.c on cities (country)',
      '+ index s.d on cities (name, country)',
    ],
  },
  {
    name: 'renames an index whose definition is unchanged',
    sql: `${tableSql} CREATE INDEX my_name_index ON cities (name);`,
    model: defineSchema('m', { tables: { cities: table(columns, { indexes: [index(['name'])] }) } }),
    expected: ['~ index s.my_name_index renamed to cities_name_idx'],
  },
  {
    name: 'no change: indexes written differently from how Postgres prints them',
    sql: `${tableSql}
      CREATE INDEX ON cities USING btree (lower(name)) WHERE (deleted_at IS NULL AND country IS NOT NULL);
      CREATE INDEX ON cities USING GIN (data);`,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [
            index([sql`LOWER(name)`], { where: sql`deleted_at is null and country is not null` }),
            index(['data'], { using: 'gin' }),
          ],
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'creates indexes with key options: DESC, NULLS FIRST, an expression DESC (named like Postgres names them)',
    sql: tableSql,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [
            index([sql`name DESC`]),
            index([sql`country NULLS FIRST`, sql`id DESC NULLS LAST`]),
            index([sql`lower(name) DESC`]),
            index([sql`(country || name) DESC`]),
          ],
        }),
      },
    }),
    expected: [
      '+ index s.cities_country_id_idx on cities (country NULLS FIRST, id DESC NULLS LAST)',
      '+ index s.cities_expr_idx on cities (((country || name)) DESC)',
      '+ index s.cities_lower_idx on cities (lower(name) DESC)',
      '+ index s.cities_name_idx on cities (name DESC)',
    ],
    also: ({ script }) => {
      expect(script.up).toContain('CREATE INDEX "cities_name_idx" ON "cities" (name DESC);');
      expect(script.up).toContain('CREATE INDEX "cities_lower_idx" ON "cities" (lower(name) DESC);');
    },
  },
  {
    name: 'creates a gin index with an operator class, and a btree one with a collation and an operator class',
    sql: tableSql,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [index([sql`data jsonb_path_ops`], { using: 'gin' }), index([sql`name COLLATE "C" text_pattern_ops`])],
        }),
      },
    }),
    expected: [
      '+ index s.cities_data_idx on cities (data jsonb_path_ops)',
      '+ index s.cities_name_idx on cities (name COLLATE "C" text_pattern_ops)',
    ],
    also: ({ script }) => {
      expect(script.up).toContain('CREATE INDEX "cities_data_idx" ON "cities" USING "gin" (data jsonb_path_ops);');
    },
  },
  {
    name: 'changes an index made by hand with DESC, NULLS FIRST or an operator class to one without',
    sql: `${tableSql}
      CREATE INDEX ON cities (name DESC);
      CREATE INDEX ON cities (country NULLS FIRST);
      CREATE INDEX ON cities USING gin (data jsonb_path_ops);`,
    model: defineSchema('m', {
      tables: { cities: table(columns, { indexes: [index(['name']), index(['country']), index(['data'], { using: 'gin' })] }) },
    }),
    expected: [
      '- index s.cities_country_idx on cities (country NULLS FIRST)',
      '- index s.cities_data_idx on cities (data jsonb_path_ops)',
      '- index s.cities_name_idx on cities (name DESC)',
      '+ index s.cities_country_idx on cities (country)',
      '+ index s.cities_data_idx on cities (data)',
      '+ index s.cities_name_idx on cities (name)',
    ],
  },
  {
    name: 'no change: key options written differently from how Postgres prints them',
    sql: `${tableSql}
      CREATE INDEX ON cities (name DESC, country NULLS LAST);
      CREATE INDEX ON cities USING gin (data jsonb_path_ops);
      CREATE INDEX ON cities (lower(name) DESC);`,
    model: defineSchema('m', {
      tables: {
        cities: table(columns, {
          indexes: [
            index([sql`name desc nulls first`, sql`country asc`]),
            index([sql`data JSONB_PATH_OPS`], { using: 'gin' }),
            index([sql`(LOWER(name)) desc`]),
          ],
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'renames a column under an index with key options (the index follows)',
    sql: `${tableSql}
      CREATE INDEX cities_name_idx ON cities (name COLLATE "C" DESC NULLS LAST);
      CREATE INDEX cities_lower_idx ON cities (lower(name) text_pattern_ops);`,
    model: defineSchema('m', {
      tables: {
        cities: table(
          { id: integer().primaryKey(), title: text().notNull(), country: text(), tags: text().array(), data: jsonb(), deleted_at: timestamptz() },
          {
            indexes: [
              index([sql`title COLLATE "C" DESC NULLS LAST`], { name: 'cities_name_idx' }),
              index([sql`lower(title) text_pattern_ops`], { name: 'cities_lower_idx' }),
            ],
          },
        ),
      },
    }),
    renames: { columns: new Map([['cities', new Map([['name', 'title']])]]) } satisfies RenameHints,
    expected: ['~ column s.cities.name renamed to title'],
  },
];

describeFixtures('autogenerate: indexes', cases);
