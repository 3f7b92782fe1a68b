/**
 * Issue 7, item 12: `check` works on a read-only connection (a replica, a read-only role or
 * setting): it writes nothing, and says what it compared without normalising it through Postgres.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { compareModel } from '../../src/autogenerate/compare-model.js';
import type { SchemaTarget } from '../../src/config/types.js';
import { defineSchema, integer, numeric, sql, table } from '../../src/model/index.js';
import { quoteIdent } from '../../src/sql/quote.js';
import { databaseKinds, describeEachDatabase, freshName } from '../support/databases.js';

const WORLD = { schemas: { asia: { model: 'src/db/asia.ts' }, europe: { model: 'src/db/europe.ts' } } };

/** New sessions of the project's database are read-only from now on. */
async function makeReadOnly(project: CliProject): Promise<void> {
  await project.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$`);
  expect(await project.query('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }]);
}

describeEachDatabase('compareModel on a read-only session', (database) => {
  it('compares without writing, and names what it could not normalise', async () => {
    const { db } = database();
    const schema = freshName('ro');
    const session = await db.connect();
    try {
      await session.exec(`CREATE SCHEMA ${quoteIdent(schema)}; CREATE TABLE ${quoteIdent(schema)}.t (id integer PRIMARY KEY, n numeric CHECK (n >= 0))`);
      await session.exec('SET default_transaction_read_only = on');
      const model = defineSchema('x', { tables: { t: table({ id: integer().primaryKey(), n: numeric().check(sql`n >= 0`) }) } });
      const target: SchemaTarget = { schema, source: { model: null, migrationsDir: '' }, versionTable: { schema, table: 'v' } };
      const comparison = await compareModel(session, target, model);
      expect(comparison.notNormalized).toEqual(['table t']);
      await session.exec('SET default_transaction_read_only = off');
      // On a writable session the same model is normalised and matches.
      const writable = await compareModel(session, target, model);
      expect(writable.notNormalized).toEqual([]);
      expect(writable.operations).toEqual([]);
      await session.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    } finally {
      await session.release();
    }
  });
});

// The CLI on a database whose sessions are read-only (PGlite does not apply ALTER DATABASE ... SET
// to its single session, so this part runs on the server only; the test above covers PGlite).
for (const { kind, skip } of databaseKinds().filter((k) => k.kind === 'postgres')) {
  describe.skipIf(skip)(`check on a read-only connection [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('finds the world clean, and a change of the model, writing nothing; it names what it could not normalise', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      await makeReadOnly(project);

      const clean = await project.run('check', '--all');
      expect(clean.stderr).toBe('');
      expect(clean.stdout).toContain('asia: clean (at head, database matches the model)');
      expect(clean.stdout).toContain('europe: clean (at head, database matches the model)');
      expect(clean.code).toBe(0);

      // A real change is still found; what was compared as written is named.
      const path = join(project.dir, 'src', 'db', 'asia.ts');
      const text = await readFile(path, 'utf8');
      await project.write('src/db/asia.ts', text.replace('countries: countries.extend({ signature_dish: varchar(100) }),', "countries: countries.extend({ signature_dish: varchar(100), area_km2: integer().default(0) }),"));
      const changed = await project.run('check', '--schema', 'asia');
      expect(changed.stdout).toContain('asia: differs');
      expect(changed.stdout).toContain('+ column asia.countries.area_km2');
      expect(changed.stdout).toContain('note: read-only connection: compared as written, not normalised through Postgres: table countries');
      expect(changed.stderr).toBe('');
      expect(changed.code).toBe(6);
      // --json: one JSON object per line (NDJSON); the schema's result carries notNormalized.
      const json = (await project.run('check', '--schema', 'asia', '--json')).stdout;
      expect(json).toContain('"notNormalized":["table countries"]');
    });
  });
}
