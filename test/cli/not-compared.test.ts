/**
 * `check` lists what it does not compare (aggregates, composite types, ... of kinds worlddb does not model):
 * still exit 0 when everything compared is clean, exit 6 with --strict; and autogenerate and check
 * warn when a change touches a column such an object depends on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const WORLD = { schemas: { asia: { model: 'src/db/asia.ts' }, europe: { model: 'src/db/europe.ts' } } };

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`objects check does not compare [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('are listed with a count, fail only with --strict, and a change under them is warned about', async () => {
      project = await createCliProject({ kind, config: WORLD, world: true });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      const clean = await project.run('check', '--schema', 'asia');
      expect(clean.stdout).toBe('asia: clean (at head, database matches the model)\n');

      await project.query('CREATE TYPE asia.pair AS (a int, b int)');
      await project.query('CREATE AGGREGATE asia.total(int) (SFUNC = int4pl, STYPE = int)');
      await project.query('CREATE STATISTICS asia.dish_stats ON name, signature_dish FROM asia.countries');

      const listed = await project.run('check', '--schema', 'asia');
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toBe(
        [
          'asia: clean (at head, database matches the model; 3 not compared)',
          '  not compared: 3 objects of kinds worlddb does not model (--strict makes check fail on them)',
          '    aggregate asia.total(integer)',
          '    statistics object asia.dish_stats',
          '    type asia.pair (composite)',
          '',
        ].join('\n'),
      );
      const strict = await project.run('check', '--schema', 'asia', '--strict');
      expect(strict.code).toBe(6);
      const json = await project.run('check', '--schema', 'asia', '--json');
      // NDJSON: the schema's result is on its `result` line.
      const results = json.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { event?: string; result?: unknown });
      const first = results.find((line) => line.event === 'result')?.result as { clean: boolean; notCompared: unknown[] };
      expect(first.clean).toBe(true);
      expect(first.notCompared).toEqual([
        { kind: 'aggregate', name: 'total(integer)', detail: null },
        { kind: 'statistics object', name: 'dish_stats', detail: null },
        { kind: 'type', name: 'pair', detail: 'composite' },
      ]);

      // Dropping a column that the statistics object covers: it goes with the column.
      const path = join(project.dir, 'src', 'db', 'asia.ts');
      const text = await readFile(path, 'utf8');
      await project.write('src/db/asia.ts', text.replace('countries: countries.extend({ signature_dish: varchar(100) }),', 'countries: countries.extend({}),'));
      const revision = await project.run('revision', '--autogenerate', '--schema', 'asia', '-m', 'no dish', '--sql');
      expect(revision.code, revision.stderr).toBe(0);
      expect(revision.stderr).toContain(
        'warning: asia: column asia.countries.signature_dish is dropped and statistics object asia.dish_stats depends on it: it is dropped with the column',
      );
      const check = await project.run('check', '--schema', 'asia');
      expect(check.code).toBe(6);
      expect(check.stdout + check.stderr).toContain('statistics object asia.dish_stats depends on it');
    });
  });
}
