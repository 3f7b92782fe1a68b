/**
 * Every failure a user can cause ends with a non-zero exit code, one `error:` line naming the thing,
 * a `hint:` line, and no stack trace; nothing is half-applied.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, type CliResult, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const OK = '-- worlddb:up\nCREATE TABLE ok_table (id int);\n-- worlddb:down\nDROP TABLE ok_table;\n';

function expectCleanFailure(result: CliResult, code: number, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('usage and config errors (no database needed)', () => {
  let project: CliProject;
  afterEach(async () => {
    await project?.cleanup();
  });

  it.each([
    [{ schemas: { asia: { migration: 'x' } } }, ['status'], 2, /config key "schemas\.asia\.migration" is not a known key/],
    [{ schemas: { asia: {} } }, ['migrate', '--schema', 'asya'], 2, /unknown schema "asya"/],
    [{ schemas: { asia: {} } }, ['migrate'], 2, /no schema chosen/],
    [{ schemas: { asia: {} } }, ['migrate', '--all', '--schema', 'asia'], 2, /--all and --schema cannot be used together/],
    [{ schemas: { asia: {} } }, ['migrate', '--all', '--lock-timeout', 'soon'], 2, /--lock-timeout "soon" is not a duration/],
    [{ schemas: { asia: {} } }, ['revision', '--schema', 'asia'], 2, /revision needs a message/],
    [{ schemas: { asia: {} } }, ['downgrade', '--all', '--steps', '2', '--to', 'base'], 2, /--steps and a target cannot be used together/],
    [{ schemas: { asia: {} } }, ['--config', 'elsewhere.json', 'status'], 2, /config file elsewhere\.json does not exist/],
  ])('%j %j → exit %i', async (config, args, code, message) => {
    project = await createCliProject({ kind: 'pglite', config });
    expectCleanFailure(await project.run(...args), code, message);
  });

  it('names the masked URL and the reason when the server cannot be reached', async () => {
    project = await createCliProject({ kind: 'pglite', config: { schemas: { asia: {} } } });
    const result = await project.run('--url', 'postgres://me:secret@127.0.0.1:1/world', 'status');
    expectCleanFailure(result, 3, /cannot connect to postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/world: connection refused/);
    expect(result.stderr).not.toContain('secret');
  });

  it('commander usage errors exit 2', async () => {
    project = await createCliProject({ kind: 'pglite', config: { schemas: { asia: {} } } });
    const result = await project.run('downgrade', '--all', '--steps', 'two');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--steps <n>' argument 'two' is invalid");
  });

  it('--verbose shows the stack', async () => {
    project = await createCliProject({ kind: 'pglite', config: { schemas: { asia: {} } } });
    const result = await project.run('--verbose', 'migrate', '--schema', 'nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

for (const { kind, skip } of databaseKinds()) {
  // Skipped only for the real server when it cannot be reached outside CI (global-setup says so; in CI it fails the run).
  describe.skipIf(skip)(`migration failures through the CLI [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('a failing migration names schema, file:line:column and the Postgres error, and leaves schema and version table as they were', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {} } },
        files: {
          'migrations/asia/20260101000000_ok.sql': OK,
          'migrations/asia/20260102000000_broken.sql': '-- worlddb:up\nCREATE TABLE half (id int);\nSELECT * FROM\n  no_such_table;\n',
        },
      });
      const result = await project.run('migrate', '--schema', 'asia');
      expectCleanFailure(result, 1, /asia.*migrations\/asia\/20260102000000_broken\.sql:4:3.*relation "no_such_table" does not exist/);
      const rows = await project.query<{ name: string }>('SELECT name FROM asia.asia_migration_version');
      expect(rows.map((r) => r.name)).toEqual(['20260101000000_ok']);
      const half = await project.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'asia' AND table_name = 'half'");
      expect(half).toEqual([]);
    });

    it('a broken migration file is refused before anything runs', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {} } },
        files: {
          'migrations/asia/20260101000000_ok.sql': OK,
          'migrations/asia/20260102000000_no_markers.sql': 'CREATE TABLE x (id int);\n',
        },
      });
      const result = await project.run('migrate', '--schema', 'asia');
      expectCleanFailure(result, 2, /20260102000000_no_markers\.sql/);
      const exists = await project.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'asia' AND table_name = 'ok_table'");
      expect(exists).toEqual([]);
    });

    it('a changed applied file is refused, naming it; --accept-checksum accepts it deliberately', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, files: { 'migrations/asia/20260101000000_ok.sql': OK } });
      expect((await project.run('migrate', '--schema', 'asia')).code).toBe(0);
      await project.write('migrations/asia/20260101000000_ok.sql', OK.replace('id int', 'id bigint'));
      await project.write('migrations/asia/20260102000000_next.sql', '-- worlddb:up\nCREATE TABLE next_table (id int);\n');
      expectCleanFailure(await project.run('migrate', '--schema', 'asia'), 5, /20260101000000_ok/);
      expect((await project.query('SELECT name FROM asia.asia_migration_version')).length).toBe(1);
      const accepted = await project.run('migrate', '--schema', 'asia', '--accept-checksum');
      expect(accepted.code, accepted.stderr).toBe(0);
      expect((await project.query('SELECT name FROM asia.asia_migration_version')).length).toBe(2);
    });

    it('an out-of-order migration is refused unless allowed; a migration without down is never silently unlogged', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {} } },
        files: { 'migrations/asia/20260105000000_later.sql': '-- worlddb:up\nCREATE TABLE later (id int);\n' },
      });
      expect((await project.run('migrate', '--schema', 'asia')).code).toBe(0);
      await project.write('migrations/asia/20260101000000_earlier.sql', OK);
      expectCleanFailure(await project.run('migrate', '--schema', 'asia'), 5, /20260101000000_earlier/);
      expect((await project.run('migrate', '--schema', 'asia', '--allow-out-of-order')).code).toBe(0);
      // The newest applied is "earlier" (applied last) or "later" by name: either way, "later" has no down.
      const down = await project.run('downgrade', '--schema', 'asia', '--to', 'base');
      expectCleanFailure(down, 5, /20260105000000_later/);
      expect((await project.query('SELECT name FROM asia.asia_migration_version')).length).toBe(2);
    });

    it('with --all, a schema that would be refused stops the command before any schema changes', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {}, europe: {} } },
        files: {
          'migrations/asia/20260101000000_ok.sql': OK,
          'migrations/europe/20260101000000_no_markers.sql': 'CREATE TABLE x (id int);\n',
        },
      });
      expectCleanFailure(await project.run('migrate', '--all'), 2, /20260101000000_no_markers\.sql/);
      expect(await project.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'asia'")).toEqual([]);
    });

    it('an unqualified name in a migration never reaches a table of public', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {} } },
        files: { 'migrations/asia/20260101000000_x.sql': '-- worlddb:up\nDROP TABLE IF EXISTS keepme;\nCREATE TABLE keepme (id int);\n' },
      });
      await project.query('CREATE TABLE public.keepme (kept int)');
      await project.query('INSERT INTO public.keepme VALUES (42)');
      expect((await project.run('migrate', '--schema', 'asia')).code).toBe(0);
      expect(await project.query('SELECT kept FROM public.keepme')).toEqual([{ kept: 42 }]);
      expect(await project.query("SELECT 1 AS one FROM information_schema.tables WHERE table_schema = 'asia' AND table_name = 'keepme'")).toEqual([
        { one: 1 },
      ]);
    });

    it('hostile schema and version table names are quoted exactly', async () => {
      const schema = 'Odd "World"; DROP SCHEMA public --';
      project = await createCliProject({
        kind,
        config: { schemas: { [schema]: { migrations: 'migrations/odd', versionTable: 'Versions; "x"' } } },
        files: { 'migrations/odd/20260101000000_ok.sql': OK },
      });
      const result = await project.run('migrate', '--all');
      expect(result.code, result.stderr).toBe(0);
      const rows = await project.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
      expect(rows.map((r) => r.table_name)).toEqual(['Versions; "x"', 'ok_table']);
      const publicStill = await project.query("SELECT 1 FROM pg_namespace WHERE nspname = 'public'");
      expect(publicStill).toHaveLength(1);
      expect((await project.run('downgrade', '--all')).code).toBe(0);
    });
  });
}
