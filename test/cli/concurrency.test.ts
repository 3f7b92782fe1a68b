/**
 * Real processes at once: two `worlddb migrate` of the same schema apply each migration exactly
 * once; `asia` and `europe` migrate at the same time without waiting for each other (server).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

function migrations(schema: string, count: number, sleepSeconds: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const stamp = `2026010100${String(i).padStart(2, '0')}00`;
    files[`migrations/${schema}/${stamp}_step_${i}.sql`] =
      `-- worlddb:up\nSELECT pg_sleep(${sleepSeconds});\nCREATE TABLE t${i} (id int);\n-- worlddb:down\nDROP TABLE t${i};\n`;
  }
  return files;
}

/** Resolves once the first process is inside its migration (server) or holds the embedded database's folder lock. */
async function holding(project: CliProject, first: Promise<unknown>): Promise<void> {
  let done = false;
  void first.finally(() => (done = true));
  for (;;) {
    if (done) throw new Error('the first process ended before it was seen holding the schema');
    if (project.kind === 'pglite') {
      if (await access(join(project.dir, '.worlddb', 'pglite.lock')).then(() => true, () => false)) return;
    } else {
      const rows = await project.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep%'",
      );
      if ((rows[0]?.n ?? 0) > 0) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const { kind, skip } of databaseKinds()) {
  // Skipped only for the real server when it cannot be reached outside CI (global-setup says so; in CI it fails the run).
  describe.skipIf(skip)(`concurrent processes [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('two processes migrating the same schema apply every migration exactly once', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, files: migrations('asia', 4, 0.2) });
      const [a, b] = await Promise.all([project.spawn(['migrate', '--schema', 'asia']), project.spawn(['migrate', '--schema', 'asia'])]);
      expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
      // Between them, the two processes applied each migration once.
      const applied = [...(a.stdout + b.stdout).matchAll(/applied +(\d{14}_step_\d)/g)].map((m) => m[1]).sort();
      expect(applied).toEqual(['20260101000000_step_0', '20260101000100_step_1', '20260101000200_step_2', '20260101000300_step_3']);
      const rows = await project.query<{ name: string; n: string }>('SELECT name, count(*)::text AS n FROM asia.asia_migration_version GROUP BY name ORDER BY name');
      expect(rows.map((r) => r.n)).toEqual(['1', '1', '1', '1']);
    });

    // Only on a server: PGlite is one embedded database whose processes take turns on its folder, by design.
    if (kind === 'postgres')
    it('asia and europe migrate at the same time without waiting for each other', async () => {
      project = await createCliProject({
        kind,
        config: { schemas: { asia: {}, europe: {} } },
        files: { ...migrations('asia', 1, 2), ...migrations('europe', 1, 2) },
      });
      const [a, e] = await Promise.all([project.spawn(['migrate', '--schema', 'asia']), project.spawn(['migrate', '--schema', 'europe'])]);
      expect([a.code, e.code], a.stderr + e.stderr).toEqual([0, 0]);
      // Each migration's transaction takes 2 s of pg_sleep. Had one waited for the other, the second
      // would have started at least 2 s after the first (applied_at is its transaction's start); how
      // fast the machine is does not matter.
      const [asia] = await project.query<{ at: number }>('SELECT extract(epoch FROM applied_at)::float8 AS at FROM asia.asia_migration_version');
      const [europe] = await project.query<{ at: number }>('SELECT extract(epoch FROM applied_at)::float8 AS at FROM europe.europe_migration_version');
      expect(Math.abs((asia?.at ?? 0) - (europe?.at ?? 100))).toBeLessThan(2);
      expect(a.stderr + e.stderr).not.toContain('waiting for its lock');
    });

    it('a second process gives up after --lock-timeout with a clear message while the first holds the schema', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, files: migrations('asia', 1, 3) });
      const first = project.spawn(['migrate', '--schema', 'asia']);
      // Wait until the first process holds the schema (its migration is running, or it holds the
      // embedded database), however slowly it starts.
      await holding(project, first);
      const second = await project.spawn(['migrate', '--schema', 'asia', '--lock-timeout', '300ms']);
      expect(second.code).toBe(4);
      expect(second.stderr).toMatch(kind === 'pglite' ? /embedded database .* is in use by another worlddb process/ : /asia.*another process/);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      expect((await first).code).toBe(0);
    });
  });
}
