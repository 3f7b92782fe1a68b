import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/load-config.js';
import { parseDuration } from '../../src/config/duration.js';
import { ConfigError } from '../../src/errors.js';

const CONFIG = '/project/config/worlddb.config.json';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('fills in defaults: migration folder, version table in the schema itself, embedded database', () => {
    const config = resolveConfig({ schemas: { asia: {}, europe: { model: 'src/db/europe.ts' } } }, CONFIG);
    expect(config.rootDir).toBe('/project');
    expect(config.database).toEqual({ url: null, urlSource: null, dataDir: '/project/.worlddb/pglite' });
    expect(config.targets).toEqual([
      {
        schema: 'asia',
        source: { model: null, migrationsDir: '/project/migrations/asia' },
        versionTable: { schema: 'asia', table: 'asia_migration_version' },
      },
      {
        schema: 'europe',
        source: { model: '/project/src/db/europe.ts', migrationsDir: '/project/migrations/europe' },
        versionTable: { schema: 'europe', table: 'europe_migration_version' },
      },
    ]);
    expect(config.lockTimeoutMs).toBe(60_000);
    expect(config.pgLockTimeoutMs).toBeNull();
  });

  it('puts every version table in one schema when asked, and lets one schema override it', () => {
    const config = resolveConfig(
      { versionTableSchema: 'public', schemas: { asia: {}, europe: { versionTableSchema: 'meta', versionTable: 'eu_versions' } } },
      CONFIG,
    );
    expect(config.targets.map((t) => t.versionTable)).toEqual([
      { schema: 'public', table: 'asia_migration_version' },
      { schema: 'meta', table: 'eu_versions' },
    ]);
  });

  it('takes --url over DATABASE_URL over the config', () => {
    const raw = { database: { url: 'postgres://config/db' }, schemas: { a: {} } };
    expect(resolveConfig(raw, CONFIG, { url: 'postgres://option/db', env: { DATABASE_URL: 'postgres://env/db' } }).database).toMatchObject({
      url: 'postgres://option/db',
      urlSource: 'option',
    });
    expect(resolveConfig(raw, CONFIG, { env: { DATABASE_URL: 'postgres://env/db' } }).database).toMatchObject({
      url: 'postgres://env/db',
      urlSource: 'env',
    });
    // Set but empty is refused, never taken for "no URL" (issue 7).
    expect(errorOf(() => resolveConfig(raw, CONFIG, { env: { DATABASE_URL: '' } })).message).toBe('DATABASE_URL is set but empty');
    expect(errorOf(() => resolveConfig(raw, CONFIG, { url: '' })).message).toBe('--url is empty');
  });

  it('refuses a URL that is not postgres:// without echoing it (it may hold a password)', () => {
    const error = errorOf(() => resolveConfig({ schemas: { a: {} } }, CONFIG, { url: 'host=db password=secret dbname=x' }));
    expect(error.message).toBe('--url is not a postgres:// URL');
    expect(errorOf(() => resolveConfig({ schemas: { a: {} } }, CONFIG, { env: { DATABASE_URL: 'mysql://x' } })).message).toBe(
      'DATABASE_URL is not a postgres:// URL',
    );
    expect(resolveConfig({ schemas: { a: {} } }, CONFIG, { url: 'postgresql://h/db' }).database.url).toBe('postgresql://h/db');
  });

  it('resolves paths against the root: the parent of config/, or the file folder, or "root"', () => {
    expect(resolveConfig({ schemas: { a: {} } }, '/p/worlddb.config.json').rootDir).toBe('/p');
    expect(resolveConfig({ root: '../app', schemas: { a: {} } }, '/p/conf/worlddb.config.json').rootDir).toBe('/p/app');
  });

  it('parses durations', () => {
    const config = resolveConfig({ pgLockTimeout: '5s', statementTimeout: 250, lockTimeout: '2min', schemas: { a: {} } }, CONFIG);
    expect([config.pgLockTimeoutMs, config.statementTimeoutMs, config.lockTimeoutMs]).toEqual([5000, 250, 120_000]);
  });

  it.each([
    [{ schemas: { asia: { migration: 'x' } } }, 'config key "schemas.asia.migration" is not a known key'],
    [{ schemas: { asia: { migrations: 3 } } }, 'config key "schemas.asia.migrations": expected string, got 3'],
    [{ schema: {} }, 'config key "schema" is not a known key'],
    [{}, 'config key "schemas" is missing'],
    [[], 'the config must be an object with a "schemas" key, got an array'],
    [{ schemas: {} }, 'config key "schemas" is empty'],
    [{ lockTimeout: 'soon', schemas: { a: {} } }, 'config key "lockTimeout": expected a duration'],
    [{ schemas: { ['x'.repeat(64)]: {} } }, `config key "schemas.${'x'.repeat(64)}": the schema name is 64 bytes long`],
    [{ schemas: { ['x'.repeat(50)]: {} } }, 'the default version table name'],
    [{ versionTableSchema: 'public', schemas: { a: { versionTable: 'v' }, b: { versionTable: 'v' } } }, 'public.v is already the version table of a'],
  ])('refuses %j naming the key', (raw, message) => {
    const error = errorOf(() => resolveConfig(raw, CONFIG));
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });
});

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['500ms', 500],
    ['1.5min', 90_000],
    ['1h', 3_600_000],
    ['42', 42],
    [0, 0],
    ['ten', null],
    [-1, null],
  ] as const)('%s → %s', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });
});

describe('loadConfig', () => {
  async function project(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'worlddb-config-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }

  it('finds config/worlddb.config.json from a folder below the project', async () => {
    const dir = await project({ 'config/worlddb.config.json': '{"schemas":{"asia":{}}}', 'src/deep/x.txt': '' });
    const config = await loadConfig({ cwd: join(dir, 'src', 'deep') });
    expect(config.rootDir).toBe(dir);
    expect(config.targets[0]?.source.migrationsDir).toBe(join(dir, 'migrations', 'asia'));
  });

  it('loads a TypeScript config written with defineConfig, with no build step', async () => {
    const defineConfig = new URL('../../src/config/define-config.ts', import.meta.url).pathname;
    const dir = await project({
      'config/worlddb.config.ts': `import { defineConfig } from ${JSON.stringify(defineConfig)};\nexport default defineConfig({ schemas: { tenant_a: { versionTable: 'versions' } } });\n`,
    });
    const config = await loadConfig({ cwd: dir });
    expect(config.targets[0]?.versionTable).toEqual({ schema: 'tenant_a', table: 'versions' });
  });

  it('names the file when the JSON is broken, or --config points nowhere, or nothing is found', async () => {
    const dir = await project({ 'config/worlddb.config.json': '{\n  "schemas": {,}\n}' });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(
      /^invalid JSON in config config\/worlddb.config.json:2:15: Expected .* in `"schemas": {,}`$/,
    );
    await expect(loadConfig({ cwd: dir, configPath: 'nope.json' })).rejects.toThrow('config file nope.json does not exist');
    const empty = await mkdtemp(join(tmpdir(), 'worlddb-empty-'));
    await expect(loadConfig({ cwd: empty })).rejects.toThrow(/no worlddb config found/);
  });

  it('names the module when a TypeScript config throws', async () => {
    const dir = await project({ 'worlddb.config.ts': 'throw new Error("oops in config");\nexport default {};\n' });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow('cannot load config worlddb.config.ts: oops in config');
  });

  it('names file, line and column and shows the line of a syntax error in a TypeScript config', async () => {
    const dir = await project({ 'worlddb.config.ts': 'export default {\n  schemas: { asia: {} }\n  root: ".",\n};\n' });
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('syntax error in config worlddb.config.ts:3:3: Expected "}" but found "root" in `root: ".",`');
    expect((error as ConfigError).hint).toBe('fix the syntax error at that line and column');
  });
});
