/**
 * Real processes at once: two `worlddb migrate` of the same schema apply each migration exactly
 * once; `asia` and `europe` migrate at the same time without waiting for each other (server).
 */
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
      const started = Date.now();
      const [a, e] = await Promise.all([project.spawn(['migrate', '--schema', 'asia']), project.spawn(['migrate', '--schema', 'europe'])]);
      const elapsed = Date.now() - started;
      expect([a.code, e.code], a.stderr + e.stderr).toEqual([0, 0]);
      // Each takes 2 s of pg_sleep; serialised they would take 4 s or more.
      expect(elapsed).toBeLessThan(3800);
      expect(a.stderr + e.stderr).not.toContain('waiting for its lock');
    });

    it('a second process gives up after --lock-timeout with a clear message while the first holds the schema', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, files: migrations('asia', 1, 3) });
      const first = project.spawn(['migrate', '--schema', 'asia']);
      await new Promise((resolve) => setTimeout(resolve, kind === 'pglite' ? 1500 : 800));
      const second = await project.spawn(['migrate', '--schema', 'asia', '--lock-timeout', '300ms']);
      expect(second.code).toBe(4);
      expect(second.stderr).toMatch(kind === 'pglite' ? /embedded database .* is in use by another worlddb process/ : /asia.*another process/);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      expect((await first).code).toBe(0);
    });
  });
}
