/**
 * Issue 7, item 2: downgrade names what its down parts destroy, counted, before running; on a
 * terminal it asks; on a pipe it refuses (exit 7) unless --yes; --sql prints without asking; nothing
 * that holds rows, no question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const CITIES = [
  '-- worlddb:up',
  'CREATE TABLE cities (id int, name text, area int);',
  '-- worlddb:down',
  '-- WARNING: drops table cities and its rows',
  'DROP TABLE cities;',
  '',
].join('\n');
const AREA = ['-- worlddb:up', 'ALTER TABLE cities DROP COLUMN area;', '-- worlddb:down', 'ALTER TABLE cities ADD COLUMN area int;', ''].join('\n');
const NICK = ['-- worlddb:up', 'ALTER TABLE cities ADD COLUMN nick text;', '-- worlddb:down', 'ALTER TABLE cities DROP COLUMN nick;', ''].join('\n');

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`downgrade confirmation [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('lists the rows it would destroy; refuses on a pipe, asks on a terminal, goes on with --yes', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { geo: {} } },
        files: {
          'migrations/geo/20260101000000_cities.sql': CITIES,
          'migrations/geo/20260102000000_area.sql': AREA,
          'migrations/geo/20260103000000_nick.sql': NICK,
        },
      });
      expect((await project.run('migrate', '--all')).code).toBe(0);

      // Nothing holds rows yet: no question, even on a pipe.
      const empty = await project.run('downgrade', '--all');
      expect(empty.stderr).toContain('geo: 20260103000000_nick drops column geo.cities.nick (0 values)');
      expect(empty.code).toBe(0);
      expect((await project.run('migrate', '--all')).code).toBe(0);
      await project.query("INSERT INTO geo.cities (id, nick) VALUES (1, 'Kyoto'), (2, NULL), (3, 'Osaka')");

      const refused = await project.run('downgrade', '--all', 'base');
      expect(refused.code).toBe(7);
      expect(refused.stderr).toContain('downgrade will destroy data:');
      expect(refused.stderr).toContain('geo: 20260103000000_nick drops column geo.cities.nick (2 values)');
      expect(refused.stderr).toContain('geo: 20260101000000_cities drops table geo.cities (3 rows)');
      expect(refused.stderr).toContain('geo: 20260101000000_cities -- WARNING: drops table cities and its rows');
      expect(refused.stderr).toMatch(/^error: downgrade would destroy data and was not confirmed: geo: drops column geo\.cities\.nick \(2 values\) and 1 more$/m);
      expect(refused.stderr).toMatch(/^hint: nothing was changed; .*--yes/m);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
      expect(await project.query('SELECT count(*)::int AS n FROM geo.cities')).toEqual([{ n: 3 }]);
      expect(await project.query('SELECT count(*)::int AS n FROM geo.geo_migration_version')).toEqual([{ n: 3 }]);

      // --sql prints without asking
      const sql = await project.run('downgrade', '--all', 'base', '--sql');
      expect(sql.code).toBe(0);
      expect(sql.stdout).toContain('DROP TABLE cities;');

      // a terminal: "no" changes nothing, "yes" goes on
      const no = await project.runInteractive(['n'], 'downgrade', '--all');
      expect(no.code).toBe(7);
      expect(no.stderr).toContain('? Destroy this data and downgrade?');
      expect(await project.query('SELECT count(*)::int AS n FROM geo.geo_migration_version')).toEqual([{ n: 3 }]);
      const yes = await project.runInteractive(['y'], 'downgrade', '--all');
      expect(yes.code).toBe(0);
      expect(yes.stdout).toContain('geo: reverted 20260103000000_nick');

      // --yes on a pipe
      const forced = await project.run('downgrade', '--all', 'base', '--yes');
      expect(forced.code).toBe(0);
      expect(forced.stderr).toContain('geo: 20260101000000_cities drops table geo.cities (3 rows)');
      expect(await project.query("SELECT to_regclass('geo.cities') IS NULL AS gone")).toEqual([{ gone: true }]);
    });

    it('says that a code down part cannot be read', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { geo: {} } },
        files: {
          'migrations/geo/20260101000000_code.js':
            "export async function up({ query }) { await query('CREATE TABLE t (x int)'); }\nexport async function down({ query }) { await query('DROP TABLE t'); }\n",
        },
      });
      expect((await project.run('migrate', '--all')).code).toBe(0);
      const result = await project.run('downgrade', '--all');
      expect(result.stderr).toContain('geo: 20260101000000_code has a code down part: what it destroys cannot be told');
      expect(result.code).toBe(0);
    });
  });
}
