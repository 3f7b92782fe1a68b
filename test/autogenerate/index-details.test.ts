/**
 * Fixture cases: index INCLUDE columns, storage parameters (WITH) and NULLS NOT DISTINCT —
 * created, changed (drop and create), compared equal when written differently, and followed
 * through a column rename. See support/fixture.ts.
 */
import { expect } from 'vitest';
import { defineSchema, index, integer, table, text } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const usersSql = `
CREATE TABLE users (id integer PRIMARY KEY, email text, name text, "Nick" text);
INSERT INTO users VALUES (1, 'a@x', 'A', 'a'), (2, NULL, 'B', 'b'), (3, NULL, 'C', 'c');
`;
const users = { id: integer().primaryKey(), email: text(), name: text(), Nick: text() };

export const cases: readonly FixtureCase[] = [
  {
    name: 'creates an index with INCLUDE columns (one needing quotes)',
    sql: usersSql,
    model: defineSchema('m', { tables: { users: table(users, { indexes: [index(['email'], { include: ['name', 'Nick'] })] }) } }),
    expected: ['+ index s.users_email_idx on users (email)'],
    also: ({ script, afterUp }) => {
      expect(script.up).toContain('INCLUDE (name, "Nick")');
      expect(afterUp.tables[0]?.indexes[0]?.include).toEqual(['name', '"Nick"']);
    },
  },
  {
    name: 'creates a unique index with NULLS NOT DISTINCT and storage parameters',
    sql: usersSql.replace("(2, NULL, 'B', 'b'), (3, NULL, 'C', 'c')", "(2, NULL, 'B', 'b')"),
    model: defineSchema('m', {
      tables: {
        users: table(users, {
          indexes: [index(['email'], { unique: true, nullsNotDistinct: true, with: { fillfactor: 70, deduplicate_items: 'off' } })],
        }),
      },
    }),
    expected: ['+ index s.users_email_idx on users (email)'],
    also: ({ script }) => {
      expect(script.up).toContain('NULLS NOT DISTINCT WITH (deduplicate_items=off, fillfactor=70)');
    },
  },
  {
    name: 'changes the storage parameters, INCLUDE list and NULLS NOT DISTINCT of indexes (drop and create)',
    sql: `${usersSql}
      CREATE INDEX users_email_idx ON users (email) WITH (fillfactor = 80);
      CREATE INDEX users_name_idx ON users (name) INCLUDE (email);
      CREATE UNIQUE INDEX users_id_idx ON users (id) NULLS NOT DISTINCT;`,
    model: defineSchema('m', {
      tables: {
        users: table(users, {
          indexes: [
            index(['email'], { with: { fillfactor: 60 } }),
            index(['name'], { include: ['email', 'Nick'] }),
            index(['id'], { unique: true }),
          ],
        }),
      },
    }),
    expected: [
      '- index s.users_email_idx on users (email)',
      '- index s.users_id_idx on users (id)',
      '- index s.users_name_idx on users (name)',
      '+ index s.users_email_idx on users (email)',
      '+ index s.users_id_idx on users (id)',
      '+ index s.users_name_idx on users (name)',
    ],
  },
  {
    name: 'index details written as Postgres stores them compare equal',
    sql: `${usersSql} DELETE FROM users WHERE id = 3;
      CREATE UNIQUE INDEX users_email_idx ON users USING btree (email) INCLUDE (name) NULLS NOT DISTINCT WITH (fillfactor='70');`,
    model: defineSchema('m', {
      tables: {
        users: table(users, {
          indexes: [index(['email'], { unique: true, include: ['name'], nullsNotDistinct: true, with: { fillfactor: 70 } })],
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'an INCLUDE column follows a column rename',
    sql: `${usersSql} CREATE INDEX users_email_idx ON users (email) INCLUDE (name);`,
    model: defineSchema('m', {
      tables: {
        users: table(
          { id: integer().primaryKey(), email: text(), full_name: text(), Nick: text() },
          { indexes: [index(['email'], { include: ['full_name'] })] },
        ),
      },
    }),
    renames: { columns: new Map([['users', new Map([['name', 'full_name']])]]) },
    expected: ['~ column s.users.name renamed to full_name'],
  },
];

describeFixtures('autogenerate: index details', cases);
