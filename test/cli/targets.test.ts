/**
 * Targets the alembic way through the CLI: `upgrade head`, `downgrade -1`, `downgrade base`,
 * `migrate --to head`, `stamp -1`, names and unique prefixes, as an argument or with `--to`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds, freshName } from '../support/databases.js';

/** A test that runs eight or nine commands in a row: on a busy machine each opens PGlite in seconds. */
const SEQUENCE_TIMEOUT = 180_000;

const NAMES = ['20260101000000_one', '20260102000000_two', '20260103000000_three'];

function migrations(schema: string): Record<string, string> {
  return Object.fromEntries(
    NAMES.map((name) => [
      `migrations/${schema}/${name}.sql`,
      `-- worlddb:up\nCREATE TABLE ${name.replace(/^\d+_/, 't_')} (id int);\n-- worlddb:down\nDROP TABLE ${name.replace(/^\d+_/, 't_')};\n`,
    ]),
  );
}

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`targets head, base, names, +N and -N [${kind}]`, () => {
    const schemas = [freshName('tg'), freshName('tg'), freshName('tg')];
    let project: CliProject;

    beforeAll(async () => {
      project = await createCliProject({
        kind,
        config: { schemas: Object.fromEntries(schemas.map((s) => [s, {}])) },
        files: Object.assign({}, ...schemas.map(migrations)) as Record<string, string>,
      });
    });
    afterAll(async () => {
      for (const schema of schemas) await project?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await project?.cleanup();
    });

    async function applied(schema: string): Promise<string[]> {
      const rows = await project.query<{ name: string }>(
        `SELECT name FROM "${schema}"."${schema}_migration_version" ORDER BY name`,
      );
      return rows.map((r) => r.name);
    }

    async function ok(...args: string[]): Promise<string> {
      const result = await project.run(...args);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    }

    it('upgrade +1, upgrade head, downgrade -1, downgrade --schema S -2, downgrade base, migrate --to head', async () => {
      const s = schemas[0] as string;
      await ok('upgrade', '+1', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
      await ok('upgrade', 'head', '--schema', s);
      expect(await applied(s)).toEqual(NAMES);
      await ok('downgrade', '-1', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 2));
      await ok('downgrade', '--schema', s, '-1');
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
      await ok('migrate', '--to', 'head', '--schema', s);
      expect(await applied(s)).toEqual(NAMES);
      await ok('downgrade', '--to', '-2', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
      await ok('migrate', '--schema', s);
      await ok('downgrade', 'base', '--schema', s);
      expect(await applied(s)).toEqual([]);
    }, SEQUENCE_TIMEOUT);

    it('a name or a unique prefix, as an argument or with --to; --steps still works', async () => {
      const s = schemas[1] as string;
      await ok('upgrade', '20260102', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 2));
      await ok('migrate', '--schema', s, '--to', `${NAMES[2]}.sql`);
      expect(await applied(s)).toEqual(NAMES);
      await ok('downgrade', '20260101', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
      await ok('migrate', '--schema', s);
      await ok('downgrade', '--steps', '2', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
    }, SEQUENCE_TIMEOUT);

    it('stamp head, -1, +1 and base', async () => {
      const s = schemas[2] as string;
      await ok('stamp', 'head', '--schema', s);
      expect(await applied(s)).toEqual(NAMES);
      await ok('stamp', '-1', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 2));
      await ok('stamp', '--schema', s, '--to', '-1');
      expect(await applied(s)).toEqual(NAMES.slice(0, 1));
      await ok('stamp', '+1', '--schema', s);
      expect(await applied(s)).toEqual(NAMES.slice(0, 2));
      await ok('stamp', 'base', '--schema', s);
      expect(await applied(s)).toEqual([]);
    }, SEQUENCE_TIMEOUT);

    it.each([
      [['downgrade', 'head'], /downgrade goes back; head is the newest migration/, /hint: worlddb downgrade -1/],
      [['upgrade', '-1'], /upgrade goes forward; -1 is a step back/, /hint: to revert, run worlddb downgrade -1/],
      [['upgrade', 'base'], /upgrade goes forward; base/, /hint: to revert every migration, run worlddb downgrade base/],
      [['upgrade', '2026010'], /"2026010" matches 3 migrations: 20260101000000_one, 20260102000000_two, 20260103000000_three/, /hint: give more/],
      [['upgrade', 'nope'], /no migration file named "nope"/, /hint: migration files: 20260101000000_one/],
      [['upgrade', 'head', '--to', '+1'], /the target is given twice/, /hint: give it once/],
      [['downgrade', '-1', '--steps', '1'], /--steps and a target cannot be used together/, /hint:/],
      [['stamp'], /stamp needs a target/, /hint: e\.g\. worlddb stamp head/],
    ])('%j is a usage error naming the problem', async (args, message, hint) => {
      const result = await project.run(...args, '--schema', schemas[0] as string);
      expect(result.code, result.stderr).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(message);
      expect(lines[1]).toMatch(hint);
    });
  });
}
