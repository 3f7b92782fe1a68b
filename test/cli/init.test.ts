import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/autogenerate/load-model.js';
import { loadConfig } from '../../src/config/load-config.js';
import { run } from '../../src/cli/run.js';
import { MODEL_API } from '../support/cli-project.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'worlddb-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function init(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['init', ...args], {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    env: { NO_COLOR: '1' },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const read = (path: string): Promise<string> => readFile(join(dir, path), 'utf8');

describe('worlddb init', () => {
  it('writes a commented config, a model stub and a migration folder per schema, and ignores .worlddb/', async () => {
    const result = await init('--schema', 'asia', '--schema', 'europe');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'created worlddb.config.ts',
      'created src/db/asia.ts',
      'created src/db/europe.ts',
      'created migrations/asia/',
      'created migrations/europe/',
      'created .gitignore (.worlddb/)',
      '',
    ]);
    expect(await read('.gitignore')).toBe('.worlddb/\n');
    const model = await read('src/db/asia.ts');
    expect(model).toContain("import { defineSchema } from 'worlddb/model';");
    expect(model).toContain("export default defineSchema('asia', {");
    // The config loads as written; the stubs load once worlddb/model resolves (here: the repository's model API).
    for (const schema of ['asia', 'europe']) {
      await writeFile(join(dir, `src/db/${schema}.ts`), (await read(`src/db/${schema}.ts`)).replace("'worlddb/model'", JSON.stringify(MODEL_API)));
    }
    await writeFile(join(dir, 'worlddb.config.ts'), (await read('worlddb.config.ts')).replace("from 'worlddb'", `from ${JSON.stringify(join(MODEL_API, '..', '..', 'index.ts'))}`));
    const config = await loadConfig({ cwd: dir });
    expect(config.targets.map((t) => [t.schema, t.versionTable.table])).toEqual([
      ['asia', 'asia_migration_version'],
      ['europe', 'europe_migration_version'],
    ]);
    for (const target of config.targets) expect(Object.keys((await loadModel(target, dir)).tables)).toEqual([]);
  });

  it('writes the group shape for --group with --like', async () => {
    const result = await init('--group', 'tenants', '--like', 'tenant_%');
    expect(result.code, result.stderr).toBe(0);
    const config = await read('worlddb.config.ts');
    expect(config).toContain(
      [
        '  groups: {',
        '    tenants: {',
        "      model: 'src/db/tenants.ts',",
        "      migrations: 'migrations/tenants',",
        "      versionTable: '{schema}_migration_version',",
        "      members: { like: 'tenant_%' },",
        '    },',
        '  },',
      ].join('\n'),
    );
    expect(await read('src/db/tenants.ts')).toContain('group "tenants"');
  });

  it('never overwrites a file, and says which it left alone', async () => {
    await writeFile(join(dir, 'worlddb.config.json'), '{"schemas": {}}');
    await writeFile(join(dir, '.gitignore'), 'node_modules\n.worlddb/\n');
    const first = await init('--schema', 'asia');
    expect(first.stdout).toContain('left alone worlddb.config.json (a config exists; add the schemas to it by hand)');
    await writeFile(join(dir, 'src/db/asia.ts'), '// mine\n');
    const second = await init('--schema', 'asia');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('left alone src/db/asia.ts (it exists)');
    expect(await read('src/db/asia.ts')).toBe('// mine\n');
    expect(await read('worlddb.config.json')).toBe('{"schemas": {}}');
    expect(await read('.gitignore')).toBe('node_modules\n.worlddb/\n');
  });

  it('refuses without a schema or group, and a group without its pattern', async () => {
    const none = await init();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: init needs at least one --schema or --group');
    const noLike = await init('--group', 'tenants');
    expect(noLike.code).toBe(2);
    expect(noLike.stderr).toContain('hint: give each --group its --like pattern');
  });
});
