/**
 * Fixture cases: table kinds and settings — UNLOGGED, storage parameters, row-level security
 * (enabled, forced) and policies. See support/fixture.ts.
 */
import { expect } from 'vitest';
import { defineSchema, integer, policy, sql, table, text } from '../../src/model/index.js';
import { describeFixtures, type FixtureCase } from './support/fixture.js';

const docsSql = `
CREATE TABLE docs (id integer PRIMARY KEY, owner text NOT NULL, body text);
INSERT INTO docs VALUES (1, 'alice', 'x'), (2, 'bob', 'y');
`;
const docs = { id: integer().primaryKey(), owner: text().notNull(), body: text() };

export const cases: readonly FixtureCase[] = [
  {
    name: 'makes a table UNLOGGED (with a warning) and another one logged',
    sql: `${docsSql} CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);`,
    model: defineSchema('m', {
      tables: { docs: table(docs, { unlogged: true }), cache: table({ k: text().primaryKey(), v: text() }) },
    }),
    expected: ['~ table s.cache logged', '~ table s.docs unlogged'],
    warnings: 1,
  },
  {
    name: 'creates an UNLOGGED table with storage parameters',
    sql: '',
    model: defineSchema('m', {
      tables: { cache: table({ k: text().primaryKey(), v: text() }, { unlogged: true, with: { fillfactor: 70, autovacuum_enabled: false } }) },
    }),
    expected: ['+ table s.cache'],
    also: ({ script }) => {
      expect(script.up).toContain('CREATE UNLOGGED TABLE "cache"');
      expect(script.up).toContain('WITH (autovacuum_enabled=false, fillfactor=70)');
    },
  },
  {
    name: 'sets, changes and resets storage parameters',
    sql: `${docsSql} ALTER TABLE docs SET (fillfactor = 80, autovacuum_enabled = false);`,
    model: defineSchema('m', { tables: { docs: table(docs, { with: { fillfactor: 60, toast_tuple_target: 4096 } }) } }),
    expected: ['~ table s.docs storage (autovacuum_enabled=false, fillfactor=80) -> (fillfactor=60, toast_tuple_target=4096)'],
    also: ({ script }) => {
      expect(script.up).toContain('RESET (autovacuum_enabled)');
    },
  },
  {
    name: 'enables row-level security with policies',
    sql: docsSql,
    model: defineSchema('m', {
      tables: {
        docs: table(docs, {
          rowSecurity: true,
          policies: [
            policy('own_rows', { for: 'select', using: sql`owner = current_user` }),
            policy('no_empty', { for: 'insert', to: ['pg_read_all_data'], withCheck: sql`body <> ''`, restrictive: true }),
          ],
        }),
      },
    }),
    expected: [
      '~ table s.docs row level security disabled -> enabled',
      '+ policy s.docs.no_empty for insert to pg_read_all_data',
      '+ policy s.docs.own_rows for select to public',
    ],
  },
  {
    name: 'forces row-level security on its owner',
    sql: `${docsSql} ALTER TABLE docs ENABLE ROW LEVEL SECURITY;`,
    model: defineSchema('m', { tables: { docs: table(docs, { rowSecurity: 'force' }) } }),
    expected: ['~ table s.docs row level security enabled -> enabled, forced'],
  },
  {
    name: 'policies written as Postgres stores them compare equal',
    sql: `${docsSql}
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_rows ON docs FOR ALL TO PUBLIC USING ((owner = CURRENT_USER)) WITH CHECK (((body IS NOT NULL)));`,
    model: defineSchema('m', {
      tables: {
        docs: table(docs, {
          rowSecurity: true,
          policies: [policy('own_rows', { using: sql`owner = current_user`, withCheck: sql`body is not null` })],
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'changes a policy, drops another and disables row-level security',
    sql: `${docsSql}
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE docs FORCE ROW LEVEL SECURITY;
      CREATE POLICY own_rows ON docs FOR SELECT USING (owner = current_user);
      CREATE POLICY gone ON docs AS RESTRICTIVE FOR DELETE TO pg_read_all_data USING (false);`,
    model: defineSchema('m', {
      tables: { docs: table(docs, { policies: [policy('own_rows', { for: 'select', using: sql`owner = session_user` })] }) },
    }),
    expected: [
      '- policy s.docs.gone for delete to pg_read_all_data',
      '- policy s.docs.own_rows for select to public',
      '~ table s.docs row level security enabled, forced -> disabled',
      '+ policy s.docs.own_rows for select to public',
    ],
  },
  {
    name: 'creates a table with row-level security and a policy; a column rename follows into the policy',
    sql: `${docsSql}
      ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_rows ON docs USING (owner = current_user);`,
    model: defineSchema('m', {
      tables: {
        docs: table(
          { id: integer().primaryKey(), author: text().notNull(), body: text() },
          { rowSecurity: true, policies: [policy('own_rows', { using: sql`author = current_user` })] },
        ),
        notes: table(docs, { rowSecurity: 'force', policies: [policy('mine', { for: 'update', using: sql`owner = current_user` })] }),
      },
    }),
    renames: { columns: new Map([['docs', new Map([['owner', 'author']])]]) },
    expected: ['~ column s.docs.owner renamed to author', '+ table s.notes'],
  },
];

describeFixtures('autogenerate: table settings', cases);
