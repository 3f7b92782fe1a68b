/**
 * Issue 7, items 1, 4 and 10: gates that must not pass wrongly. Version tables kept in a modelled
 * schema are invisible to check and autogenerate; `check` fails on anything `migrate` would refuse;
 * `status` exits non-zero when it lists problems; accepting a changed checksum says plainly that
 * the new statements were not run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject, jsonEvents, MODEL_API } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const PUBLIC_MODEL = [
  `import { defineSchema, integer, table } from ${JSON.stringify(MODEL_API)};`,
  "export default defineSchema('public', { tables: { gate_things: table({ id: integer().primaryKey() }) } });",
  '',
].join('\n');

const GATES_MODEL = [
  `import { defineSchema, integer, table } from ${JSON.stringify(MODEL_API)};`,
  "export default defineSchema('gates', { tables: { a: table({ id: integer() }), b: table({ id: integer() }), c: table({ id: integer() }) } });",
  '',
].join('\n');

const A = '-- worlddb:up\nCREATE TABLE a (id int);\n-- worlddb:down\nDROP TABLE a;\n';
const B = '-- worlddb:up\nCREATE TABLE b (id int);\n-- worlddb:down\nDROP TABLE b;\n';

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`gates that must not pass wrongly [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('leaves every managed version table out of check and autogenerate, wherever they live', async () => {
      project = await createCliProject({
        kind,
        world: true,
        config: {
          versionTableSchema: 'public',
          schemas: {
            public: { model: 'src/db/public.ts' },
            asia: { model: 'src/db/asia.ts' },
            europe: { model: 'src/db/europe.ts' },
          },
        },
        files: {
          'src/db/public.ts': PUBLIC_MODEL,
          'migrations/public/20261126140000_things.sql': '-- worlddb:up\nCREATE TABLE gate_things (id integer PRIMARY KEY);\n-- worlddb:down\nDROP TABLE gate_things;\n',
        },
      });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      const check = await project.run('check', '--all');
      expect(check.stdout).toBe(
        [
          'public: clean (at head, database matches the model)',
          'asia: clean (at head, database matches the model)',
          'europe: clean (at head, database matches the model)',
          '',
        ].join('\n'),
      );
      expect(check.code).toBe(0);
      const generated = await project.run('revision', '--autogenerate', '--schema', 'public', '-m', 'nothing', '--sql');
      expect(generated.stdout + generated.stderr).not.toMatch(/migration_version/);
      expect(generated.code).toBe(0);
    });

    it("leaves a group's member version tables kept in a modelled shared schema out of check and autogenerate", async () => {
      project = await createCliProject({
        kind,
        config: {
          schemas: { public: { model: 'src/db/public.ts' } },
          groups: { shops: { model: 'src/db/gates.ts', versionTableSchema: 'public', members: { like: 'gshop\\_%' } } },
        },
        files: {
          'src/db/public.ts': PUBLIC_MODEL,
          'src/db/gates.ts': GATES_MODEL,
          'migrations/public/20261126140000_things.sql': '-- worlddb:up\nCREATE TABLE gate_things (id integer PRIMARY KEY);\n-- worlddb:down\nDROP TABLE gate_things;\n',
          'migrations/shops/20260101000000_abc.sql': `${A.split('-- worlddb:down')[0]}CREATE TABLE b (id int);\nCREATE TABLE c (id int);\n-- worlddb:down\nDROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;\n`,
        },
      });
      await project.query('CREATE SCHEMA gshop_1');
      await project.query('CREATE SCHEMA gshop_2');
      const migrated = await project.run('migrate', '--all');
      expect(migrated.code, migrated.stderr).toBe(0);
      const tables = await project.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'gshop%' ORDER BY 1");
      expect(tables.map((r) => r.t)).toEqual(['gshop_1_migration_version', 'gshop_2_migration_version']);
      const check = await project.run('check', '--schema', 'public');
      expect(check.stdout).toContain('public: clean');
      expect(check.code).toBe(0);
      const generated = await project.run('revision', '--autogenerate', '--schema', 'public', '-m', 'nothing', '--sql');
      expect(generated.stdout + generated.stderr).not.toMatch(/migration_version/);
      expect(generated.code).toBe(0);
    });

    it('check and status fail on a changed, missing or out-of-order file; accepting a checksum says the new SQL did not run', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { gates: { model: 'src/db/gates.ts' } } },
        files: {
          'src/db/gates.ts': GATES_MODEL,
          'migrations/gates/20260101000000_a.sql': A, 'migrations/gates/20260103000000_c.sql': B.replaceAll(' b', ' c'),
        },
      });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      expect((await project.run('status')).code).toBe(0);

      // changed applied file
      await project.write('migrations/gates/20260101000000_a.sql', A.replace('(id int)', '(id int, more int)'));
      let status = await project.run('status');
      expect(status.stdout).toContain('20260101000000_a: file changed since it was applied');
      expect(status.code).toBe(5);
      let check = await project.run('check', '--all');
      expect(check.stdout).toContain('gates: differs');
      expect(check.stdout).toContain('problem: 20260101000000_a: file changed since it was applied');
      expect(check.code).toBe(6);
      const accepted = await project.run('migrate', '--all', '--accept-checksum');
      expect(accepted.stdout).toContain('gates: accepted the changed file of 20260101000000_a: stored its new checksum; its new statements were NOT run');
      expect((await project.run('status')).code).toBe(0);

      // out-of-order pending file
      await project.write('migrations/gates/20260102000000_b.sql', B);
      status = await project.run('status');
      expect(status.code).toBe(5);
      check = await project.run('check', '--all');
      expect(check.stdout).toContain('problem: 20260102000000_b: pending but sorts before the last applied 20260103000000_c');
      expect(check.code).toBe(6);
      await project.run('migrate', '--all', '--allow-out-of-order');

      // missing applied file
      await project.write('migrations/gates/20260102000000_b.sql', '');
      const { rm } = await import('node:fs/promises');
      await rm(`${project.dir}/migrations/gates/20260102000000_b.sql`);
      status = await project.run('status');
      expect(status.stdout).toContain('20260102000000_b: applied, but its file is missing');
      expect(status.code).toBe(5);
      check = await project.run('check', '--all');
      expect(check.stdout).toContain('problem: 20260102000000_b: applied, but its file is missing');
      expect(check.code).toBe(6);

      // a pending file migrate would refuse (an up part with no statement)
      await project.write('migrations/gates/20260102000000_b.sql', B);
      await project.write('migrations/gates/20260104000000_template.sql', '-- worlddb:up\n-- write SQL here\n');
      check = await project.run('check', '--all', '--json');
      expect(check.code).toBe(6);
      expect(JSON.stringify(jsonEvents(check.stdout))).toContain('the up part of');
    });
  });
}
