/**
 * `worlddb lint` and the lint gate of `migrate`, in-process, on both databases: live table sizes,
 * tables created in the same migration or empty, offline mode, output formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds, freshName } from '../support/databases.js';

const FIRST = `-- worlddb:up
CREATE TABLE big (id bigint PRIMARY KEY, name text);
CREATE TABLE empty_t (id bigint PRIMARY KEY, name text);
INSERT INTO big SELECT g, 'n' || g FROM generate_series(1, 500) AS g;
ANALYZE big;
`;
const SECOND = `-- worlddb:up
SET lock_timeout = '5s';
CREATE INDEX big_name ON big (name);
CREATE INDEX empty_name ON empty_t (name);
CREATE TABLE fresh (id bigint PRIMARY KEY, x int);
CREATE INDEX fresh_x ON fresh (x);
`;

for (const { kind, skip } of databaseKinds()) {
  describe.skipIf(skip)(`worlddb lint [${kind}]`, () => {
    let project: CliProject;
    let schema: string;
    let dir: string;
    beforeAll(async () => {
      schema = freshName('lint');
      dir = `migrations/${schema}`;
      project = await createCliProject({
        kind,
        config: { schemas: { [schema]: {} }, lint: { largeTable: { rows: 100 } } },
        files: { [`${dir}/20260101000000_first.sql`]: FIRST },
      });
      const migrated = await project.run('migrate', '--all');
      expect(migrated.code).toBe(0);
      await project.write(`${dir}/20260102000000_second.sql`, SECOND);
    });
    afterAll(async () => {
      await project?.cleanup();
    });

    it('lints the pending migrations with the live sizes: large table an error, empty and new tables spared', async () => {
      const result = await project.run('lint', '--schema', schema);
      expect(result.code).toBe(1);
      const lines = result.stdout.split('\n').filter((line) => line.includes(': error') || line.includes(': warning'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${dir}/20260102000000_second\\.sql:3:1: error create-index-concurrently: .*big .*\\(about 500 rows, [0-9.]+ kB\\)$`));
      expect(result.stdout).toContain('fix: CREATE INDEX CONCURRENTLY');
      expect(result.stderr).toContain('1 error, 0 warnings in 1 file');
    });

    it('below the size threshold the same finding is a warning, and lint exits 0', async () => {
      await project.write('config/small.json', JSON.stringify({ schemas: { [schema]: {} } }));
      const result = await project.run('--config', 'config/small.json', 'lint', '--all');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/:3:1: warning create-index-concurrently: .*about 500 rows/);
    });

    it('offline, every file is linted from the SQL alone and says so', async () => {
      const result = await project.run('lint', '--offline', '--json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { offline: boolean; files: string[]; findings: { rule: string; line: number; file: string }[] };
      expect(report.offline).toBe(true);
      expect(report.files).toHaveLength(2);
      const second = report.findings.filter((f) => f.file.endsWith('second.sql')).map((f) => `${f.rule}@${f.line}`);
      expect(second).toEqual(['create-index-concurrently@3', 'create-index-concurrently@4']);
      const text = await project.run('lint', '--offline');
      expect(text.stderr).toContain('--offline: linting every file');
      expect(text.stderr).toContain('from the SQL alone');
    });

    it('prints GitHub annotations, and lints files named on the command line', async () => {
      const result = await project.run('lint', '--format', 'github', '--schema', schema, `${dir}/20260101000000_first.sql`);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      const second = await project.run('lint', '--format', 'github', '--schema', schema, `${dir}/20260102000000_second.sql`);
      expect(second.stdout.trim()).toMatch(
        new RegExp(`^::error file=${dir}/20260102000000_second\\.sql,line=3,col=1,title=worlddb lint create-index-concurrently::index big_name .*%0Afix: CREATE INDEX CONCURRENTLY`),
      );
    });

    it('migrate refuses pending migrations with lint errors, unless --allow-unsafe', async () => {
      const refused = await project.run('migrate', '--schema', schema);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('create-index-concurrently');
      expect(refused.stderr).toContain(`error: ${schema}: lint found 1 error in the pending migrations`);
      expect(refused.stderr).toContain('--allow-unsafe');
      const rows = await project.query<{ name: string }>(`SELECT name FROM "${schema}"."${schema}_migration_version"`);
      expect(rows).toHaveLength(1);
      const allowed = await project.run('migrate', '--schema', schema, '--allow-unsafe');
      expect(allowed.code).toBe(0);
      const nothing = await project.run('lint', '--schema', schema);
      expect(nothing.code).toBe(0);
      expect(nothing.stderr).toContain('0 errors, 0 warnings in 0 files');
    });

    it('refuses an unknown rule id in the config', async () => {
      await project.write('config/typo.json', JSON.stringify({ schemas: { [schema]: {} }, lint: { rules: { 'create-index-concurently': 'off' } } }));
      const result = await project.run('--config', 'config/typo.json', 'lint', '--offline');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('config key "lint.rules.create-index-concurently": there is no lint rule');
    });
  });
}
