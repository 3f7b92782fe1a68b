/**
 * The packed package in a new CommonJS project (`npm init -y`), as a user installs it: `npm pack`,
 * `npm install` of the tarball, then the CLI as a real process on the embedded database. Slow
 * (npm), so one project for the whole file; the registry is needed for worlddb's dependencies.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli-project.js';
import { PGLITE_TEMPLATE_DIR } from '../support/env.js';
import { openDatabase } from '../../src/connection/open-database.js';

const execFileAsync = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir: string;

async function sh(command: string, args: readonly string[], cwd: string = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['DATABASE_URL']; // the embedded database (an empty DATABASE_URL is refused)
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const worlddb = (...args: string[]) => sh(process.execPath, [join(dir, 'node_modules', 'worlddb', 'bin', 'worlddb'), ...args]);

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worlddb-packed-'));
  // dist/ is built by `npm test` (pretest); packing without scripts keeps this test from rebuilding it.
  const packed = await sh(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], REPO_ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = join(dir, packed.stdout.trim().split('\n').at(-1) ?? '');
  const project = join(dir, 'project');
  await mkdir(project);
  dir = project;
  expect((await sh(NPM, ['init', '-y'])).code).toBe(0);
  const installed = await sh(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
  expect(installed.code, installed.stderr).toBe(0);
  // The prepared embedded database, as every CLI test uses (creating one takes seconds).
  await cp(PGLITE_TEMPLATE_DIR, join(dir, '.worlddb', 'pglite'), { recursive: true });
}, 600_000);

afterAll(async () => {
  if (dir !== undefined) await rm(dirname(dir), { recursive: true, force: true });
});

describe('the packed package in a new `npm init -y` (CommonJS) project', () => {
  it('is a CommonJS project', async () => {
    expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).type).toBe('commonjs');
  });

  it('loads a CommonJS config and models written as TypeScript (import) and as CommonJS (require), and migrates', async () => {
    await write(
      'worlddb.config.js',
      "const { defineConfig } = require('worlddb');\nmodule.exports = defineConfig({ schemas: { asia: { model: 'db/asia.ts' }, europe: { model: 'db/europe.cjs' } } });\n",
    );
    await write(
      'db/asia.ts',
      "import { defineSchema, integer, table, varchar } from 'worlddb/model';\n\nexport default defineSchema('asia', {\n  tables: { countries: table({ id: integer().primaryKey(), name: varchar(100).notNull() }) },\n});\n",
    );
    await write(
      'db/europe.cjs',
      "const { defineSchema, integer, table, text } = require('worlddb/model');\n\nmodule.exports = defineSchema('europe', {\n  tables: { countries: table({ id: integer().primaryKey(), name: text() }) },\n});\n",
    );
    for (const schema of ['asia', 'europe']) {
      const revision = await worlddb('revision', '--autogenerate', '--schema', schema, '-m', 'start');
      expect(revision.code, revision.stderr).toBe(0);
    }
    const migrated = await worlddb('migrate', '--all');
    expect(migrated.code, migrated.stderr).toBe(0);
    const checked = await worlddb('check', '--all');
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  }, 120_000);

  it("follows the README's adoption steps on an existing schema: init, pull, baseline, change, autogenerate, migrate, check", async () => {
    const adopt = join(dir, 'adopt');
    await mkdir(adopt);
    await writeFile(join(adopt, 'package.json'), JSON.stringify({ name: 'adopt', version: '1.0.0', type: 'commonjs' }));
    await cp(PGLITE_TEMPLATE_DIR, join(adopt, '.worlddb', 'pglite'), { recursive: true });
    // The database as the team has it before worlddb.
    const db = await openDatabase({ url: null, urlSource: null, dataDir: join(adopt, '.worlddb', 'pglite') }, { lockTimeoutMs: 30_000 });
    try {
      const session = await db.connect();
      await session.exec(
        'CREATE SCHEMA shop; CREATE TABLE shop.customers (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);' +
          ' CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES shop.customers (id), total numeric(10,2) CHECK (total >= 0))',
      );
      await session.release();
    } finally {
      await db.close();
    }
    const run = (...args: string[]) => sh(process.execPath, [join(dir, 'node_modules', 'worlddb', 'bin', 'worlddb'), ...args], adopt);
    const steps: string[][] = [
      ['init', '--schema', 'shop'],
      ['pull', '--schema', 'shop'],
      ['revision', '--baseline', '--schema', 'shop', '-m', 'baseline'],
      ['check', '--schema', 'shop'],
    ];
    for (const step of steps) {
      const result = await run(...step);
      expect(result.code, `worlddb ${step.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    const model = join(adopt, 'src', 'db', 'shop.ts');
    const text = await readFile(model, 'utf8');
    expect(text).toContain("    email: text().notNull().unique(),");
    await writeFile(model, text.replace('    email: text().notNull().unique(),', '    email: text().notNull().unique(),\n      phone: text(),'));
    for (const step of [['revision', '--autogenerate', '--schema', 'shop', '-m', 'phone'], ['migrate', '--schema', 'shop'], ['check', '--schema', 'shop']]) {
      const result = await run(...step);
      expect(result.code, `worlddb ${step.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(await readFile(join(adopt, '.gitignore'), 'utf8')).toBe('.worlddb/\n');
  }, 180_000);

  it('tells a syntax error in a model with file, line and column', async () => {
    await write('db/asia.ts', "import { defineSchema } from 'worlddb/model';\nexport default defineSchema('asia', { tables: { } ;\n");
    const checked = await worlddb('check', '--schema', 'asia');
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/^error: syntax error in model db\/asia\.ts:2:\d+: .* in `export default defineSchema\('asia', \{ tables: \{ \} ;`$/m);
  }, 60_000);
});
