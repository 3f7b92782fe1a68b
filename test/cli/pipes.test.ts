/**
 * Issue 7, "crashes and messages": a reader that goes away (`worlddb migrate | head -1`) neither
 * crashes worlddb with a stack trace nor stops a migrate half-way. Real processes: the test is about
 * the process and its pipes. A write command says first which database it works on.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds } from '../support/databases.js';

const COUNT = 40;

function migrations(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++) {
    files[`migrations/piped/20260101${String(i).padStart(6, '0')}_m.sql`] = `-- worlddb:up\nCREATE TABLE t${i} (id int);\n-- worlddb:down\nDROP TABLE t${i};\n`;
  }
  return files;
}

/** Runs worlddb, reads the first line of its stdout, then closes the pipe (as `| head -1` does). */
function headOne(project: CliProject, args: readonly string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...project.env };
    if (project.env['DATABASE_URL'] === undefined) delete env['DATABASE_URL'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: project.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (first === '') {
        first = chunk.toString().split('\n')[0] ?? '';
        child.stdout.destroy();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, stderr }));
  });
}

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`a closed pipe [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('migrate | head -1 finishes the work and exits quietly; status | head -1 too', async () => {
      project = await createCliProject({ kind, config: { schemas: { piped: {} } }, files: migrations() });
      const migrated = await headOne(project, ['migrate', '--all']);
      // The first line names the database (the password masked, or the embedded folder).
      expect(migrated.first).toMatch(kind === 'pglite' ? /^database: pglite:/ : /^database: postgres:\/\/[^@]*@?127\.0\.0\.1/);
      expect(migrated.stderr).not.toMatch(/\n\s+at |EPIPE|internal error/);
      expect(migrated.code).toBe(0);
      const rows = await project.query<{ n: number }>('SELECT count(*)::int AS n FROM piped.piped_migration_version');
      expect(rows).toEqual([{ n: COUNT }]);

      const status = await headOne(project, ['status']);
      expect(status.first).toBe('piped');
      expect(status.stderr).not.toMatch(/\n\s+at |EPIPE|internal error/);
      expect(status.code).toBe(0);
    });
  });
}
