/**
 * `worlddb redo` (down then up of the last applied migration) and `worlddb show NAME` (one
 * migration's up and down as they would run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds, freshName } from '../support/databases.js';

const FIRST = '20260101000000_first';
const SECOND = '20260102000000_second';
const SQL = (table: string): string => `-- worlddb:up\nCREATE TABLE ${table} (id int);\n-- worlddb:down\nDROP TABLE ${table};\n`;
const NO_DOWN = '-- worlddb:up\nCREATE TABLE kept (id int);\n';
const CODE = "export async function up({ exec }) { await exec('CREATE TABLE coded (id int)'); }\n";

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`worlddb redo [${kind}]`, () => {
    const [withDown, withoutDown, empty] = [freshName('rd'), freshName('rd'), freshName('rd')] as [string, string, string];
    let project: CliProject;
    beforeAll(async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { [withDown]: {}, [withoutDown]: {}, [empty]: {} } },
        files: {
          [`migrations/${withDown}/${FIRST}.sql`]: SQL('one'),
          [`migrations/${withDown}/${SECOND}.sql`]: SQL('two'),
          [`migrations/${withoutDown}/${FIRST}.sql`]: SQL('one'),
          [`migrations/${withoutDown}/${SECOND}.sql`]: NO_DOWN,
        },
      });
    });
    afterAll(async () => {
      for (const schema of [withDown, withoutDown, empty]) await project?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await project?.cleanup();
    });

    it('reverts the last applied migration and applies it again', async () => {
      expect((await project.run('migrate', '--schema', withDown)).code).toBe(0);
      await project.query(`INSERT INTO "${withDown}".two VALUES (1)`);
      // The down part drops a table holding a row: as downgrade, redo asks, and on a pipe refuses without --yes.
      const refused = await project.run('redo', '--schema', withDown);
      expect(refused.code).toBe(7);
      expect(refused.stderr).toMatch(new RegExp(`drops table ${withDown}\\.two \\(1 row\\)`));
      expect(await project.query(`SELECT * FROM "${withDown}".two`)).toHaveLength(1);
      const result = await project.run('redo', '--schema', withDown, '--yes');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`reverted ${SECOND}[^]*applied +${SECOND}[^]*redid ${SECOND}`));
      // The row is gone: the table was dropped by the down part and created again by the up part.
      expect(await project.query(`SELECT * FROM "${withDown}".two`)).toEqual([]);
      const rows = await project.query<{ name: string }>(`SELECT name FROM "${withDown}"."${withDown}_migration_version" ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual([FIRST, SECOND]);
    });

    it('is refused, changing nothing, when the migration has no down part', async () => {
      expect((await project.run('migrate', '--schema', withoutDown)).code).toBe(0);
      const result = await project.run('redo', '--schema', withoutDown);
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(new RegExp(`^error: schema "${withoutDown}": cannot redo ${SECOND}: .*${SECOND}\\.sql has no down part\\nhint: `));
      const rows = await project.query(`SELECT name FROM "${withoutDown}"."${withoutDown}_migration_version"`);
      expect(rows).toHaveLength(2);
    });

    it('with nothing applied, says so', async () => {
      const result = await project.run('redo', '--schema', empty);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`${empty}: nothing to redo`);
    });
  });
}

describe('worlddb show (no database opened)', () => {
  let project: CliProject;
  beforeAll(async () => {
    project = await createCliProject({
      kind: 'pglite',
      config: { schemas: { asia: {}, europe: {} } },
      files: {
        [`migrations/asia/${FIRST}.sql`]: SQL('one'),
        [`migrations/asia/${SECOND}.sql`]: NO_DOWN,
        [`migrations/europe/20260105000000_coded.ts`]: CODE,
        [`migrations/europe/${FIRST}.sql`]: SQL('eins'),
      },
    });
  });
  afterAll(async () => {
    await project?.cleanup();
  });

  it("prints a SQL migration's up and down as they would run", async () => {
    const result = await project.run('show', '20260101', '--schema', 'asia');
    expect(result.code, result.stderr).toBe(0);
    const [up, down] = result.stdout.split('\n-- down\n') as [string, string];
    expect(up).toContain(`-- ${FIRST} (`);
    expect(up).toMatch(/-- up\n[^]*BEGIN;\nSET LOCAL search_path TO "asia";[^]*CREATE TABLE one \(id int\);\nSAVEPOINT worlddb_transaction_open;\nINSERT INTO "asia"\."asia_migration_version"[^]*COMMIT;/);
    expect(down).toMatch(/BEGIN;\nSET LOCAL search_path TO "asia";[^]*DROP TABLE one;\nSAVEPOINT worlddb_transaction_open;\nDELETE FROM "asia"\."asia_migration_version"[^]*COMMIT;/);
  });

  it('says when there is no down part, and when a migration is code', async () => {
    expect((await project.run('show', SECOND, '--schema', 'asia')).stdout).toContain('-- no down part');
    const code = await project.run('show', '20260105');
    expect(code.code, code.stderr).toBe(0);
    expect(code.stdout).toMatch(/a code migration \(\.ts\)[^]*migrations\/europe\/20260105000000_coded\.ts/);
  });

  it('a name in several schemas, or in none, is a usage error naming them', async () => {
    const both = await project.run('show', FIRST);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: "20260101000000_first" names a migration in 2 schemas: asia \(20260101000000_first\), europe \(20260101000000_first\)\nhint: choose one with --schema asia\n$/);
    const none = await project.run('show', 'zzz', '--schema', 'asia');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: schema "asia": no migration file named "zzz"\nhint: migration files: 20260101000000_first, 20260102000000_second\n$/);
  });
});
