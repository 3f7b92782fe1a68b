/**
 * `revision --autogenerate` and `check` on the world example, as the "done when" says:
 * add a column and a table to the asia model, autogenerate, migrate, check, downgrade; europe is
 * never touched. Same on PGlite and on the real server.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject, jsonResults } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const WORLD = { schemas: { asia: { model: 'src/db/asia.ts' }, europe: { model: 'src/db/europe.ts' } } };

async function editAsia(project: CliProject, edit: (text: string) => string): Promise<void> {
  const path = join(project.dir, 'src', 'db', 'asia.ts');
  await project.write('src/db/asia.ts', edit(await readFile(path, 'utf8')));
}

const addAreaAndCities = (text: string): string =>
  text
    .replace('countries: countries.extend({ signature_dish: varchar(100) }),', 'countries: countries.extend({ signature_dish: varchar(100), area_km2: integer() }),')
    .replace(
      '    languages: table({',
      "    cities: table({\n      city_id: integer().identity('by default').primaryKey(),\n      name: varchar(100).notNull(),\n    }),\n    languages: table({",
    );

async function asiaFiles(project: CliProject): Promise<string[]> {
  return (await readdir(join(project.dir, 'migrations', 'asia'))).sort();
}

async function europeSnapshot(project: CliProject): Promise<unknown> {
  return {
    versions: await project.query('SELECT name, checksum FROM europe.europe_migration_version ORDER BY name'),
    columns: await project.query(
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'europe' ORDER BY 1, 2",
    ),
  };
}

for (const { kind, skip } of databaseKinds()) {
  // Skipped only for the real server when it cannot be reached outside CI (global-setup says so; in CI it fails the run).
  describe.skipIf(skip)(`autogenerate and check through the CLI [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('after migrate the world example checks clean; a model change is written, applied, checked and reverted, europe untouched', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      const clean = await project.run('check', '--all');
      expect(clean.stdout).toBe('asia: clean (at head, database matches the model)\neurope: clean (at head, database matches the model)\n');
      expect(clean.code).toBe(0);
      const europeBefore = await europeSnapshot(project);

      await editAsia(project, addAreaAndCities);
      const drift = await project.run('check', '--all');
      expect(drift.code).toBe(6);
      expect(drift.stdout).toContain('asia: differs');
      expect(drift.stdout).toContain('+ column asia.countries.area_km2 (integer)');
      expect(drift.stdout).toContain('+++ model asia.countries');
      expect(drift.stdout).toContain('+  "area_km2" integer,');
      expect(drift.stdout).toContain('europe: clean');
      const json = jsonResults<{
        schema: string;
        clean: boolean;
        operations: { kind: string }[];
        diffs: { table: string }[];
      }>((await project.run('check', '--schema', 'asia', '--json')).stdout);
      expect(json).toEqual([
        expect.objectContaining({ schema: 'asia', clean: false, operations: [{ kind: 'createTable', description: '+ table asia.cities' }, expect.objectContaining({ kind: 'addColumn' })] }),
      ]);
      expect(json[0]?.diffs.map((d) => d.table)).toEqual(['cities', 'countries']);

      const revision = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'more');
      expect(revision.code, revision.stderr).toBe(0);
      expect(revision.stderr).toContain('asia: + table asia.cities');
      const files = await asiaFiles(project);
      expect(files).toHaveLength(2);
      expect(files[1]).toMatch(/^\d{14}_more\.sql$/);
      const text = await readFile(join(project.dir, 'migrations', 'asia', files[1] ?? ''), 'utf8');
      const [up, down] = text.split(/^-- worlddb:down$/m);
      expect(up).toContain('CREATE TABLE "cities"');
      expect(up).toContain('ALTER TABLE "countries" ADD COLUMN "area_km2" integer;');
      expect(up?.match(/^(CREATE|ALTER|DROP)/gm)).toHaveLength(2);
      expect(down).toContain('DROP TABLE "cities";');
      expect(down).toContain('ALTER TABLE "countries" DROP COLUMN "area_km2";');
      expect(down).toContain('-- WARNING: drops column countries.area_km2');

      expect((await project.run('migrate', '--all')).code).toBe(0);
      expect((await project.run('check', '--all')).code).toBe(0);
      const nothing = await project.run('revision', '--autogenerate', '--all', '-m', 'again');
      expect(nothing.stdout).toContain('asia: no changes between the model and the database; nothing written');
      expect(await asiaFiles(project)).toHaveLength(2);

      expect((await project.run('downgrade', '--schema', 'asia')).code).toBe(0);
      const columns = await project.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'asia' AND table_name = 'countries' ORDER BY ordinal_position",
      );
      expect(columns.map((c) => c.column_name)).toEqual(['country_id', 'name', 'population', 'signature_dish']);
      const after = await project.run('check', '--schema', 'asia');
      expect(after.code).toBe(6);
      expect(after.stdout).toContain('1 pending migration');
      expect(await europeSnapshot(project)).toEqual(europeBefore);
    });

    it('refuses to autogenerate when the schema is not at head; --sql prints instead of writing', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      const refused = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'x');
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('schema "asia" is not at head: 1 pending migration');
      await project.run('migrate', '--all');
      await editAsia(project, addAreaAndCities);
      const printed = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'x', '--sql');
      expect(printed.code).toBe(0);
      expect(printed.stdout).toMatch(/-- worlddb:up\n[\s\S]*CREATE TABLE "cities"[\s\S]*-- worlddb:down\n[\s\S]*DROP TABLE "cities"/);
      expect(await asiaFiles(project)).toHaveLength(1);
    });

    it('a possible rename: warned and written as drop + add when not interactive, a rename with --rename or a yes on a terminal', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      await project.run('migrate', '--all');
      await editAsia(project, (text) => text.replace('countries.extend({ signature_dish: varchar(100) })', 'countries.extend({ dish: varchar(100) })'));

      const plain = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'x', '--sql');
      expect(plain.stderr).toContain('if it is a rename, pass --rename asia.countries.signature_dish=dish');
      expect(plain.stdout).toContain('ALTER TABLE "countries" DROP COLUMN "signature_dish";');

      const hinted = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'x', '--sql', '--rename', 'asia.countries.signature_dish=dish');
      expect(hinted.code, hinted.stderr).toBe(0);
      expect(hinted.stdout).toContain('ALTER TABLE "countries" RENAME COLUMN "signature_dish" TO "dish";');
      expect(hinted.stdout).not.toContain('DROP COLUMN');

      const asked = await project.runInteractive(['y'], 'revision', '--autogenerate', '--schema', 'asia', '-m', 'x', '--sql');
      expect(asked.stderr).toContain('? asia: was column countries.signature_dish renamed to dish? [y/N]');
      expect(asked.stdout).toContain('RENAME COLUMN "signature_dish" TO "dish"');
      const declined = await project.runInteractive(['n'], 'revision', '--autogenerate', '--schema', 'asia', '-m', 'x', '--sql');
      expect(declined.stdout).toContain('DROP COLUMN "signature_dish"');
    });

    it('names the config key when a schema has no model or the model of another schema, and the file when the model is broken', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, world: true });
      const none = await project.run('check', '--schema', 'asia');
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('error: schema "asia" has no model');
      expect(none.stderr).toContain('config key "schemas.asia"');
      await project.cleanup();

      project = await createCliProject({ kind, config: WORLD, world: true });
      await editAsia(project, (text) => text.replace("references('countries', 'name')", "references('countries', 'nme')"));
      const broken = await project.run('check', '--schema', 'asia');
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^error: .*asia.*nme/);
      expect(broken.stderr).not.toMatch(/\n\s+at /);
      await project.cleanup();

      // The europe model given to asia would otherwise make autogenerate drop asia.languages.
      project = await createCliProject({ kind, config: { schemas: { asia: { model: 'src/db/europe.ts' } } }, world: true });
      const swapped = await project.run('check', '--schema', 'asia');
      expect(swapped.code).toBe(2);
      expect(swapped.stderr).toContain('error: model src/db/europe.ts declares schema "europe", but config key "schemas.asia.model" uses it for schema "asia"');
    });
  });
}
