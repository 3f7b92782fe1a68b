/**
 * `revision --autogenerate --safe` through the CLI, on both databases: an index on an existing
 * table goes to its own no-transaction migration (CONCURRENTLY), SET NOT NULL goes through a
 * validated check, the files lint clean, migrate's lint gate lets them through, check is clean
 * after, and both migrations revert. Without --safe, autogenerate prints what lint finds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const WORLD = { schemas: { asia: { model: 'src/db/asia.ts' }, europe: { model: 'src/db/europe.ts' } } };

async function editAsia(project: CliProject): Promise<void> {
  const path = join(project.dir, 'src', 'db', 'asia.ts');
  const text = await readFile(path, 'utf8');
  const edited = text
    .replace('import { defineSchema, integer,', 'import { defineSchema, index, integer,')
    .replace("country: varchar(100).references('countries', 'name'),\n    }),", "country: varchar(100).notNull().references('countries', 'name'),\n    }, { indexes: [index(['country'])] }),");
  expect(edited).not.toBe(text);
  await project.write('src/db/asia.ts', edited);
}

async function asiaFiles(project: CliProject): Promise<string[]> {
  return (await readdir(join(project.dir, 'migrations', 'asia'))).sort();
}

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`revision --autogenerate --safe [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('writes the safe forms in two migrations that lint clean, apply through the gate and revert', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      await editAsia(project);

      const plain = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'plain', '--sql');
      expect(plain.stdout).toContain('CREATE INDEX "languages_country_idx" ON "languages" (country);');

      const revision = await project.run('revision', '--autogenerate', '--safe', '--schema', 'asia', '-m', 'safer');
      expect(revision.code, revision.stderr).toBe(0);
      const files = await asiaFiles(project);
      expect(files).toHaveLength(3);
      const main = await readFile(join(project.dir, 'migrations', 'asia', files[1] ?? ''), 'utf8');
      const concurrent = await readFile(join(project.dir, 'migrations', 'asia', files[2] ?? ''), 'utf8');
      expect(main).toContain("SET LOCAL lock_timeout = '5s';");
      expect(main).toMatch(/ADD CONSTRAINT "worlddb_country_not_null" CHECK \("country" IS NOT NULL\) NOT VALID;\nALTER TABLE "languages" VALIDATE CONSTRAINT "worlddb_country_not_null";\nALTER TABLE "languages" ALTER COLUMN "country" SET NOT NULL;\nALTER TABLE "languages" DROP CONSTRAINT "worlddb_country_not_null";/);
      expect(main.split('-- worlddb:up\n')[1]).not.toContain('CREATE INDEX');
      expect(concurrent).toMatch(/-- worlddb:no-transaction\n-- worlddb:up\nCREATE INDEX CONCURRENTLY "languages_country_idx" ON "languages" \(country\);\n\n-- worlddb:down\nDROP INDEX CONCURRENTLY "languages_country_idx";/);
      expect(revision.stderr).not.toMatch(/: error /);

      const lint = await project.run('lint', '--schema', 'asia');
      expect(lint.code, lint.stdout).toBe(0);
      expect(lint.stdout).not.toMatch(/create-index-concurrently|set-not-null|require-lock-timeout|concurrently-in-transaction/);
      const migrated = await project.run('migrate', '--schema', 'asia');
      expect(migrated.code, migrated.stderr).toBe(0);
      expect((await project.run('check', '--schema', 'asia')).code).toBe(0);
      const indexes = () => project.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'asia' AND indexname = 'languages_country_idx'");
      expect(await indexes()).toHaveLength(1);

      expect((await project.run('downgrade', '-2', '--schema', 'asia')).code).toBe(0);
      expect(await indexes()).toHaveLength(0);
    });

    it('without --safe, prints what lint finds in the written migration', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      await project.query("INSERT INTO asia.countries (name, population) SELECT 'c' || g, g FROM generate_series(1, 10) AS g");
      await project.query('ANALYZE asia.languages');
      await editAsia(project);
      const revision = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'plain');
      expect(revision.code, revision.stderr).toBe(0);
      // languages is empty: its lock findings are dropped; the lock-timeout reminder names nothing else.
      expect(revision.stderr).not.toMatch(/create-index-concurrently/);
    });
  });
}
