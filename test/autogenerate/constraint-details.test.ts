/**
 * Fixture cases: constraints in full — DEFERRABLE / INITIALLY DEFERRED keys and foreign keys,
 * MATCH FULL, NOT VALID checks and foreign keys (added, validated, made NOT VALID again) and
 * exclusion constraints. See support/fixture.ts.
 */
import { expect } from 'vitest';
import {
  check,
  defineSchema,
  exclude,
  foreignKey,
  integer,
  primaryKey,
  sql,
  table,
  text,
  unique,
} from '../../src/model/index.js';
import { boolean } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const pairsSql = `
CREATE TABLE parents (a integer NOT NULL, b integer NOT NULL, CONSTRAINT parents_pkey PRIMARY KEY (a, b));
CREATE TABLE children (id integer PRIMARY KEY, a integer, b integer, amount integer);
INSERT INTO parents VALUES (1, 1);
INSERT INTO children VALUES (1, 1, 1, 5), (2, NULL, 1, -3);
`;

const parents = table({ a: integer().notNull(), b: integer().notNull() }, { constraints: [primaryKey(['a', 'b'])] });
const children = { id: integer().primaryKey(), a: integer(), b: integer(), amount: integer() };

// Exclusion constraints with the btree and hash methods (gist needs types the model gets elsewhere).
const bookingsSql = `
CREATE TABLE bookings (id integer PRIMARY KEY, room integer NOT NULL, slot integer NOT NULL, cancelled boolean NOT NULL DEFAULT false);
INSERT INTO bookings VALUES (1, 1, 1, false), (2, 1, 2, false);
`;
const bookings = {
  id: integer().primaryKey(),
  room: integer().notNull(),
  slot: integer().notNull(),
  cancelled: boolean().notNull().default(false),
};

export const cases: readonly FixtureCase[] = [
  {
    name: 'makes a primary key and a unique constraint deferrable (drop and add)',
    sql: `CREATE TABLE t (id integer PRIMARY KEY, pos integer UNIQUE, code text UNIQUE DEFERRABLE);`,
    model: defineSchema('m', {
      tables: {
        t: table({
          id: integer().primaryKey({ deferrable: true }),
          pos: integer().unique({ initiallyDeferred: true }),
          code: text().unique(),
        }),
      },
    }),
    expected: [
      '- unique s.t.t_code_key (code)',
      '- primary key s.t.t_pkey (id)',
      '- unique s.t.t_pos_key (pos)',
      '+ unique s.t.t_code_key (code)',
      '+ primary key s.t.t_pkey (id)',
      '+ unique s.t.t_pos_key (pos)',
    ],
    also: ({ script }) => {
      expect(script.up).toContain('UNIQUE ("pos") DEFERRABLE INITIALLY DEFERRED');
      expect(script.up).toContain('PRIMARY KEY ("id") DEFERRABLE;');
    },
  },
  {
    name: 'adds a MATCH FULL, deferrable foreign key',
    sql: pairsSql.replace("(2, NULL, 1, -3)", "(2, NULL, NULL, -3)"),
    model: defineSchema('m', {
      tables: {
        parents,
        children: table(children, {
          constraints: [foreignKey(['a', 'b'], 'parents', ['a', 'b'], { match: 'full', deferrable: true, initiallyDeferred: true })],
        }),
      },
    }),
    expected: ['+ foreign key s.children.children_a_b_fkey (a, b) -> s.parents (a, b)'],
    also: ({ script }) => {
      expect(script.up).toContain('MATCH FULL DEFERRABLE INITIALLY DEFERRED');
    },
  },
  {
    name: 'changes a foreign key from MATCH SIMPLE to MATCH FULL',
    sql: `${pairsSql.replace("(2, NULL, 1, -3)", "(2, NULL, NULL, -3)")}
      ALTER TABLE children ADD CONSTRAINT children_a_b_fkey FOREIGN KEY (a, b) REFERENCES parents (a, b);`,
    model: defineSchema('m', {
      tables: {
        parents,
        children: table(children, { constraints: [foreignKey(['a', 'b'], 'parents', ['a', 'b'], { match: 'full' })] }),
      },
    }),
    expected: [
      '- foreign key s.children.children_a_b_fkey (a, b) -> s.parents (a, b)',
      '+ foreign key s.children.children_a_b_fkey (a, b) -> s.parents (a, b)',
    ],
  },
  {
    name: 'adds a NOT VALID check that existing rows violate, and a NOT VALID foreign key',
    sql: `${pairsSql} INSERT INTO children VALUES (3, 9, 9, 1);`,
    model: defineSchema('m', {
      tables: {
        parents,
        children: table(
          { ...children, amount: integer().check(sql`amount > 0`, { notValid: true }) },
          { constraints: [foreignKey(['a', 'b'], 'parents', ['a', 'b'], { notValid: true })] },
        ),
      },
    }),
    expected: [
      '+ check s.children.children_amount_check ((amount > 0))',
      '+ foreign key s.children.children_a_b_fkey (a, b) -> s.parents (a, b)',
    ],
  },
  {
    name: 'validates a NOT VALID check and foreign key (with warnings)',
    sql: `${pairsSql}
      DELETE FROM children WHERE amount < 0;
      ALTER TABLE children ADD CONSTRAINT children_amount_check CHECK (amount > 0) NOT VALID;
      ALTER TABLE children ADD CONSTRAINT children_a_b_fkey FOREIGN KEY (a, b) REFERENCES parents (a, b) NOT VALID;`,
    model: defineSchema('m', {
      tables: {
        parents,
        children: table(
          { ...children, amount: integer().check(sql`amount > 0`) },
          { constraints: [foreignKey(['a', 'b'], 'parents', ['a', 'b'])] },
        ),
      },
    }),
    expected: ['~ constraint s.children.children_amount_check validated', '~ constraint s.children.children_a_b_fkey validated'],
    warnings: 2,
  },
  {
    name: 'makes a validated check NOT VALID again',
    sql: `${pairsSql} DELETE FROM children WHERE amount < 0; ALTER TABLE children ADD CHECK (amount > 0);`,
    model: defineSchema('m', {
      tables: { parents, children: table({ ...children, amount: integer().check(sql`amount > 0`, { notValid: true }) }) },
    }),
    expected: ['~ constraint s.children.children_amount_check made NOT VALID'],
  },
  {
    name: 'adds exclusion constraints, one deferrable with a predicate',
    sql: bookingsSql,
    model: defineSchema('m', {
      tables: {
        bookings: table(bookings, {
          constraints: [
            exclude([sql`room WITH =`, sql`slot WITH =`], { using: 'btree', where: sql`NOT cancelled`, deferrable: true }),
            exclude([sql`lower(room::text) WITH =`, sql`slot WITH =`], { using: 'btree', name: 'by_text' }),
          ],
        }),
      },
    }),
    expected: [
      '+ exclusion s.bookings.bookings_room_slot_excl EXCLUDE USING btree (room WITH =, slot WITH =) WHERE ((NOT cancelled)) DEFERRABLE',
      '+ exclusion s.bookings.by_text EXCLUDE USING btree (lower((room)::text) WITH =, slot WITH =)',
    ],
  },
  {
    name: 'an exclusion constraint written differently compares equal; another one is dropped',
    sql: `${bookingsSql}
      ALTER TABLE bookings ADD EXCLUDE USING hash ((slot) WITH =) WHERE (cancelled = false);
      ALTER TABLE bookings ADD CONSTRAINT gone EXCLUDE USING btree (id WITH =) DEFERRABLE INITIALLY DEFERRED;`,
    model: defineSchema('m', {
      tables: {
        bookings: table(bookings, { constraints: [exclude([sql`slot WITH =`], { using: 'hash', where: sql`cancelled = false` })] }),
      },
    }),
    expected: ['- exclusion s.bookings.gone EXCLUDE USING btree (id WITH =) DEFERRABLE INITIALLY DEFERRED'],
  },
  {
    name: 'creates a table with an exclusion, a deferrable unique and a NOT VALID check',
    sql: '',
    model: defineSchema('m', {
      tables: {
        bookings: table(bookings, {
          constraints: [
            exclude([sql`slot WITH =`], { using: 'hash' }),
            unique(['room', 'id'], { deferrable: true }),
            check(sql`room > 0`, { notValid: true }),
          ],
        }),
      },
    }),
    expected: ['+ table s.bookings'],
    also: ({ afterUp }) => {
      const created = afterUp.tables[0];
      expect(created?.checks[0]?.notValid).toBe(true);
      expect(created?.uniques[0]?.deferrable).toBe('immediate');
      expect(created?.exclusions?.map((x) => x.name)).toEqual(['bookings_slot_excl']);
    },
  },
];

describeFixtures('autogenerate: constraint details', cases);
