/**
 * Schema groups through the CLI: one model and one migration folder for many schemas, found in the
 * catalog; migrated in parallel (in turn on PGlite), a failing member not stopping the others;
 * status, check, --json, --create-schema, --canary. Same assertions on PGlite and on the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject, jsonEvents, jsonResults, MODEL_API } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const ORDERS = '20260101000000_orders.sql';
const NOTES = '20260102000000_notes.sql';

const FILES = {
  [`migrations/tenants/${ORDERS}`]: '-- worlddb:up\nCREATE TABLE orders (id integer PRIMARY KEY, total integer NOT NULL);\n-- worlddb:down\nDROP TABLE orders;\n',
  [`migrations/tenants/${NOTES}`]: '-- worlddb:up\nCREATE TABLE notes (id integer PRIMARY KEY, body text);\n-- worlddb:down\nDROP TABLE notes;\n',
  'src/db/tenant.ts': `import { defineSchema, integer, table, text } from ${JSON.stringify(MODEL_API)};
export default defineSchema('tenant', {
  tables: {
    orders: table({ id: integer().primaryKey(), total: integer().notNull() }),
    notes: table({ id: integer().primaryKey(), body: text() }),
  },
});
`,
};

const CONFIG = {
  schemas: { shop: {} },
  groups: { tenants: { model: 'src/db/tenant.ts', members: { like: 'tnt\\_%' } } },
};

async function versionRows(project: CliProject, schema: string): Promise<string[]> {
  const rows = await project.query<{ name: string }>(`SELECT name FROM "${schema}"."${schema}_migration_version" ORDER BY name`);
  return rows.map((r) => r.name);
}

async function schemaNames(project: CliProject): Promise<string[]> {
  const rows = await project.query<{ n: string }>("SELECT nspname AS n FROM pg_namespace WHERE nspname LIKE 'tnt%' ORDER BY 1");
  return rows.map((r) => r.n);
}

async function makeTenants(project: CliProject, ...names: string[]): Promise<void> {
  for (const name of names) await project.query(`CREATE SCHEMA "${name}"`);
}

for (const { kind, skip } of databaseKinds()) {
  // Many CLI runs per test: slow on a busy machine.
  describe.skipIf(skip)(`schema groups through the CLI [${kind}]`, { timeout: 240_000 }, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('migrate --group brings every member to head, each with its own version table; a re-run does nothing', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a', 'tnt_b', 'tnt_c', 'other');
      const first = await project.run('migrate', '--group', 'tenants', '--concurrency', '2');
      expect(first.code, first.stderr).toBe(0);
      // On a pipe: one line per member that changed, then the summary.
      expect(first.stdout).toMatch(/^tnt_a: 2 migrations applied \(created version table tnt_a\.tnt_a_migration_version\)$/m);
      expect(first.stdout).toMatch(/^migrate: 3 schemas in [\d.]+ s: 3 ok$/m);
      for (const member of ['tnt_a', 'tnt_b', 'tnt_c']) expect(await versionRows(project, member)).toEqual([ORDERS.slice(0, -4), NOTES.slice(0, -4)]);
      // The configured schema was not asked for; the schema that does not match stays untouched.
      expect(await project.query("SELECT 1 FROM pg_namespace WHERE nspname = 'shop'")).toEqual([]);
      expect(await project.query("SELECT 1 FROM pg_tables WHERE schemaname = 'other'")).toEqual([]);

      const again = await project.run('migrate', '--group', 'tenants');
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^migrate: 3 schemas in [\d.]+ s: 3 ok$/m);
      expect(again.stdout).not.toMatch(/applied/);

      const status = await project.run('status', '--group', 'tenants', '--json');
      expect(status.code).toBe(0);
      const results = jsonResults<{ schema: string; pending: string[]; versionTableExists: boolean }>(status.stdout);
      // Results come as members finish (in parallel on a server): sorted here.
      expect(results.map((r) => [r.schema, r.pending.length, r.versionTableExists]).sort()).toEqual([
        ['tnt_a', 0, true],
        ['tnt_b', 0, true],
        ['tnt_c', 0, true],
      ]);
      expect(jsonEvents(status.stdout).at(-1)).toMatchObject({ event: 'summary', command: 'status', total: 3, ok: 3, failed: 0 });

      const check = await project.run('check', '--group', 'tenants');
      expect(check.code, check.stdout + check.stderr).toBe(0);
      await project.query('ALTER TABLE tnt_b.notes ADD COLUMN extra integer');
      const drift = await project.run('check', '--group', 'tenants');
      expect(drift.code).toBe(6);
      expect(drift.stdout).toMatch(/^tnt_b: differs, - column tnt_b\.notes\.extra/m);
      expect(drift.stdout).not.toMatch(/^tnt_a/m);
    });

    it('one failing member does not stop the others; it is named with its migration, and a re-run after the fix finishes it', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a', 'tnt_b', 'tnt_c');
      await project.query('CREATE TABLE tnt_b.notes (x int)');
      const failed = await project.run('migrate', '--group', 'tenants');
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/^tnt_b: failed at 20260102000000_notes: .*relation "notes" already exists/m);
      expect(failed.stdout).toMatch(/^migrate: 3 schemas in [\d.]+ s: 2 ok, 1 failed$/m);
      expect(failed.stdout).toMatch(/^ {2}tnt_b: 20260102000000_notes: .*"notes" already exists/m);
      expect(failed.stderr).toContain('error: migrate: 1 of 3 schemas failed');
      expect(await versionRows(project, 'tnt_a')).toHaveLength(2);
      expect(await versionRows(project, 'tnt_c')).toHaveLength(2);
      expect(await versionRows(project, 'tnt_b')).toEqual([ORDERS.slice(0, -4)]);

      await project.query('DROP TABLE tnt_b.notes');
      const fixed = await project.run('migrate', '--group', 'tenants');
      expect(fixed.code, fixed.stdout).toBe(0);
      expect(fixed.stdout).toMatch(/^tnt_b: 1 migration applied$/m);
      expect(fixed.stdout).not.toMatch(/^tnt_a/m);
    });

    it('--json prints one event per line (migration starts and ends, results) and a summary object', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a');
      const run = await project.run('migrate', '--group', 'tenants', '--json');
      expect(run.code, run.stderr).toBe(0);
      const events = jsonEvents(run.stdout);
      expect(events.map((e) => e['event'])).toEqual([
        'target-start',
        'migration-start',
        'migration-done',
        'migration-start',
        'migration-done',
        'version-table-created',
        'result',
        'summary',
      ]);
      expect(events[1]).toMatchObject({ schema: 'tnt_a', name: ORDERS.slice(0, -4), direction: 'up' });
      expect(events.at(-1)).toMatchObject({ command: 'migrate', total: 1, ok: 1, failed: 0, skipped: 0, failures: [] });
    });

    it('--schema picks one member; a name that is no member is refused; --create-schema creates it and leaves nothing when a migration fails', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a', 'tnt_b');
      const one = await project.run('migrate', '--schema', 'tnt_b');
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout).toContain(`tnt_b: applying ${ORDERS.slice(0, -4)} ...`);
      expect(one.stdout).toContain('tnt_b: 2 migrations applied');
      expect(await project.query("SELECT 1 FROM pg_tables WHERE schemaname = 'tnt_a'")).toEqual([]);

      const unknown = await project.run('migrate', '--group', 'tenants', '--schema', 'tnt_new');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('error: schema "tnt_new" is not a configured schema nor a member of group "tenants"');
      expect(unknown.stderr).toContain('--create-schema');
      const misfit = await project.run('migrate', '--group', 'tenants', '--schema', 'acme', '--create-schema');
      expect(misfit.code).toBe(2);
      expect(misfit.stderr).toContain('does not fit the members of group "tenants"');

      const created = await project.run('migrate', '--group', 'tenants', '--schema', 'tnt_new', '--create-schema');
      expect(created.code, created.stderr).toBe(0);
      expect(await versionRows(project, 'tnt_new')).toHaveLength(2);

      await project.write(`migrations/tenants/20260103000000_broken.sql`, '-- worlddb:up\nCREATE TABLE broken (id nosuchtype);\n-- worlddb:down\nDROP TABLE broken;\n');
      const broken = await project.run('migrate', '--group', 'tenants', '--schema', 'tnt_half', '--create-schema');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('type "nosuchtype" does not exist');
      expect(await schemaNames(project)).toEqual(['tnt_a', 'tnt_b', 'tnt_new']);
    });

    it('--canary N migrates the first N members first and stops the rollout when one fails, naming it', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a', 'tnt_b', 'tnt_c');
      await project.query('CREATE TABLE tnt_a.orders (x int)');
      const run = await project.run('migrate', '--group', 'tenants', '--canary', '1');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('stage tenants canary: 1 schema');
      expect(run.stdout).toMatch(/^tnt_b: skipped \(the rollout stopped at stage tenants canary\)$/m);
      expect(run.stdout).toContain('stopped at stage tenants canary: tnt_a failed; the later schemas were not started');
      expect(await project.query("SELECT 1 FROM pg_tables WHERE schemaname IN ('tnt_b', 'tnt_c')")).toEqual([]);
    });

    it('a member dropped before its turn is reported, not re-created', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: {}, groups: { tenants: { members: { query: "SELECT 'tnt_gone' UNION ALL SELECT nspname::text FROM pg_namespace WHERE nspname = 'tnt_a'" } } } },
        files: FILES,
      });
      await makeTenants(project, 'tnt_a');
      const run = await project.run('migrate', '--group', 'tenants');
      expect(run.code).toBe(5);
      expect(run.stdout).toMatch(/^tnt_gone: failed: schema "tnt_gone" does not exist \(any more\)$/m);
      expect(await schemaNames(project)).toEqual(['tnt_a']);
      expect(await versionRows(project, 'tnt_a')).toHaveLength(2);
    });
    it('revision --autogenerate --group writes ONE migration from a member; refused while a member is behind, naming it', async () => {
      project = await createCliProject({ kind, config: CONFIG, files: FILES });
      await makeTenants(project, 'tnt_a', 'tnt_b');
      await project.run('migrate', '--group', 'tenants', '--schema', 'tnt_a');
      const behind = await project.run('revision', '--autogenerate', '--group', 'tenants', '-m', 'more');
      expect(behind.code).toBe(5);
      expect(behind.stderr).toContain('error: group "tenants" is not at one head: 1 member behind (tnt_b by 2)');
      await project.run('migrate', '--group', 'tenants');
      await project.write('src/db/tenant.ts', FILES['src/db/tenant.ts'].replace('body: text() }', 'body: text(), extra: integer() }'));
      const written = await project.run('revision', '--autogenerate', '--group', 'tenants', '-m', 'more');
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toMatch(/^tnt_a: created migrations\/tenants\/\d{14}_more\.sql/m);
      expect(written.stderr).toContain('tenants: comparing the model with member tnt_a');
      const migrated = await project.run('migrate', '--group', 'tenants');
      expect(migrated.code).toBe(0);
      expect((await project.run('check', '--group', 'tenants')).code).toBe(0);
    });
  });
}
