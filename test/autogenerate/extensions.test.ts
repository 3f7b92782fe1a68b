/**
 * Fixture cases: extensions (one database for the file: each case uses its own extension, as an
 * extension is installed once per database) a model needs (see support/fixture.ts). Run on the real server only:
 * PGlite, as worlddb opens it, loads no contrib extension (`pg_available_extensions` lists only
 * plpgsql there), so `citext` and `pg_trgm` cannot be created on it.
 */
import { customType, defineSchema, index, integer, sql, table } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates the extension a column type needs, then the table (citext and citext[])',
    sql: '',
    model: defineSchema('m', {
      extensions: ['citext'],
      tables: { customer: table({ id: integer().primaryKey(), email: customType('citext').unique(), aliases: customType('citext').array() }) },
    }),
    expected: ['+ extension citext', '+ table s.customer'],
  },
  {
    name: 'an extension installed in another schema already is left alone',
    otherSql: 'CREATE EXTENSION IF NOT EXISTS hstore',
    sql: 'CREATE TABLE film (title text)',
    model: defineSchema('m', { extensions: ['hstore'], tables: { film: table({ title: customType('text') }) } }),
    expected: [],
  },
  {
    name: 'drops an extension of the schema the model no longer lists, with a warning',
    sql: 'CREATE EXTENSION btree_gist',
    model: defineSchema('m', { tables: {} }),
    expected: ['- extension btree_gist'],
    warnings: 1,
  },
  {
    name: 'creates pg_trgm and a GIN index with its operator class',
    sql: 'CREATE TABLE film (title text)',
    model: defineSchema('m', {
      extensions: ['pg_trgm'],
      tables: { film: table({ title: customType('text') }, { indexes: [index([sql`title gin_trgm_ops`], { using: 'gin', name: 'film_title_trgm' })] }) },
    }),
    expected: ['+ extension pg_trgm', '+ index s.film_title_trgm on film (title gin_trgm_ops)'],
  },
];

describeFixtures(
  'autogenerate: extensions',
  cases.map((c) => ({ ...c, serverOnly: 'PGlite, as worlddb opens it, loads no contrib extension (only plpgsql)' })),
);
