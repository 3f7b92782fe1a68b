/**
 * pull on the starting SQL of every autogenerate fixture case: introspect the schema, write its
 * model, load the written file, and compareModel finds nothing (both databases) but the objects
 * pull lists as TODO (schema-level objects: views, functions, sequences, ...), written in the file.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareModel } from '../../src/autogenerate/compare-model.js';
import { introspectSchema } from '../../src/introspect/introspect-schema.js';
import { isSchemaModel } from '../../src/model/index.js';
import { loadModule } from '../../src/module-loader/load-module.js';
import { describeOperation } from '../../src/ops/describe.js';
import { schemaCode } from '../../src/pull/pull-schemas.js';
import { quoteIdent } from '../../src/sql/quote.js';
import { collectFixtureCases, runInSchema, skipOnPglite, targetFor, withSession } from '../autogenerate/support/fixture.js';
import { MODEL_API } from '../support/cli-project.js';
import { describeEachDatabase, freshName } from '../support/databases.js';

// Every fixture file of the autogenerate suite (the world example has its own pull test, in
// test/cli/pull.test.ts; safe.test.ts re-runs the other files' cases and is no fixture file itself).
const files = readdirSync(fileURLToPath(new URL('../autogenerate', import.meta.url))).filter(
  (f) => f.endsWith('.test.ts') && f !== 'world.test.ts' && f !== 'safe.test.ts',
);
const cases = await collectFixtureCases(async () => {
  for (const file of files) await import(`../autogenerate/${file}`);
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worlddb-pull-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('collects the fixture cases', () => {
  expect(cases.length).toBeGreaterThan(100);
});

describeEachDatabase('pull: the starting schema of every autogenerate fixture', (database) => {
  for (const c of cases) it(c.name, async (context) => {
    skipOnPglite(context, database(), c);
    await withSession(database(), async (session) => {
      const names = { schema: freshName('pl'), other: freshName('plo') };
      const resolve = <T,>(v: T | ((n: typeof names) => T)): T => (typeof v === 'function' ? (v as (n: typeof names) => T)(names) : v);
      try {
        if (c.otherSql !== undefined) {
          await session.exec(`CREATE SCHEMA ${quoteIdent(names.other)}`);
          await runInSchema(session, names.other, resolve(c.otherSql));
        }
        await session.exec(`CREATE SCHEMA ${quoteIdent(names.schema)}`);
        await runInSchema(session, names.schema, resolve(c.sql));
        const target = targetFor(names.schema);
        const live = await introspectSchema(session, names.schema, { exclude: [target.versionTable] });
        const pulled = schemaCode(live, { importFrom: MODEL_API });
        const file = join(dir, `${names.schema}.ts`);
        await writeFile(file, pulled.text);
        const loaded = (await loadModule(file))['default'];
        expect(isSchemaModel(loaded), pulled.text).toBe(true);
        if (!isSchemaModel(loaded)) return;
        const comparison = await compareModel(session, target, loaded);
        // What is left must be about the objects pull listed as TODO (schema-level objects it does not write yet).
        const todoNames = pulled.todos.map((t) => t.object.slice(t.object.indexOf('.') + 1));
        const left = comparison.operations.map((op) => describeOperation(op, names.schema)).filter((line) => !todoNames.some((name) => line.includes(name)));
        expect(left, pulled.text).toEqual([]);
        for (const todo of pulled.todos) expect(pulled.text).toContain(`// TODO ${todo.object}: `);
      } finally {
        await session.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(names.schema)} CASCADE; DROP SCHEMA IF EXISTS ${quoteIdent(names.other)} CASCADE`);
      }
    });
  });
});
