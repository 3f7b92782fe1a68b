import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModule, ModuleNotFoundError } from '../../src/module-loader/load-module.js';
import { describeModuleFailure, ModuleSyntaxError } from '../../src/module-loader/module-load-failure.js';
import { REPO_ROOT } from '../support/cli-project.js';

const execFileAsync = promisify(execFile);

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'worlddb-loader-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function project(type: 'commonjs' | 'module', files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(root, `${type}-`));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'p', type }));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** The value a module exports, whichever way it exports it. */
function valueOf(namespace: Record<string, unknown>): unknown {
  if ('value' in namespace) return namespace['value'];
  const fallback = namespace['default'] as Record<string, unknown> | undefined;
  return fallback?.['value'] ?? fallback;
}

const modules: Record<string, string> = {
  'esm.ts': "import { sep } from 'node:path';\nexport const value: string = `ts${sep}`;\n",
  'esm.mts': "export const value: string = 'mts';\n",
  'cjs.cts': "const path = require('node:path');\nexport = { value: 'cts' + path.sep };\n",
  'esm.mjs': "export const value = 'mjs';\n",
  'cjs.cjs': "module.exports = { value: 'cjs' };\n",
  'imports.ts': "import { shared } from './lib/shared';\nimport helper from './lib/helper.js';\nexport const value = shared + helper;\n",
  'lib/shared.ts': "export const shared: string = 'shared';\n",
  'lib/helper.js': "export default '+helper';\n",
  'where.ts': 'export const value = [__dirname, __filename, import.meta.url];\n',
};

describe.each(['commonjs', 'module'] as const)('in a "type": "%s" package', (type) => {
  it('loads .ts, .mts, .cts, .mjs, .cjs and the local files a TypeScript module imports', async () => {
    const dir = await project(type, {
      ...modules,
      'plain.js': type === 'module' ? "export const value = 'js';\n" : "exports.value = 'js';\n",
    });
    const loaded = async (file: string): Promise<unknown> => valueOf(await loadModule(join(dir, file)));
    expect(await loaded('esm.ts')).toBe('ts/');
    expect(await loaded('esm.mts')).toBe('mts');
    expect(await loaded('cjs.cts')).toBe('cts/');
    expect(await loaded('esm.mjs')).toBe('mjs');
    expect(await loaded('cjs.cjs')).toBe('cjs');
    expect(await loaded('plain.js')).toBe('js');
    expect(await loaded('imports.ts')).toBe('shared+helper');
    // The compiled module lives in the cache, but says where its source is.
    expect(await loaded('where.ts')).toEqual([dir, join(dir, 'where.ts'), `file://${join(dir, 'where.ts')}`]);
  });
});

describe('compile cache', () => {
  it('does not recompile an unchanged file, and recompiles when the file or a file it imports changes', async () => {
    const dir = await project('module', { 'model.ts': "import { part } from './part';\nexport const value: string = 'one' + part;\n", 'part.ts': "export const part = '-a';\n" });
    const cache = join(dir, '.worlddb', 'cache');
    expect(valueOf(await loadModule(join(dir, 'model.ts')))).toBe('one-a');
    const outputs = async (): Promise<string[]> => (await readdir(cache)).filter((name) => name.endsWith('.mjs'));
    const [first] = await outputs();
    const written = (await stat(join(cache, first ?? ''))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(valueOf(await loadModule(join(dir, 'model.ts')))).toBe('one-a');
    expect(await outputs()).toEqual([first]);
    expect((await stat(join(cache, first ?? ''))).mtimeMs).toBe(written);

    await writeFile(join(dir, 'part.ts'), "export const part = '-b';\n");
    expect(valueOf(await loadModule(join(dir, 'model.ts')))).toBe('one-b');
    await writeFile(join(dir, 'model.ts'), "import { part } from './part';\nexport const value: string = 'two' + part;\n");
    expect(valueOf(await loadModule(join(dir, 'model.ts')))).toBe('two-b');
    // The old compiled module is removed when a new one replaces it.
    expect(await outputs()).toHaveLength(1);
  });
});

describe('failures', () => {
  it('names file, line and column of a TypeScript syntax error, with the offending line', async () => {
    const dir = await project('commonjs', { 'bad.ts': "export const a = 1;\nexport const b = ;\n", 'uses-bad.ts': "export { b } from './bad';\n" });
    const error = await loadModule(join(dir, 'bad.ts')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModuleSyntaxError);
    expect(describeModuleFailure('model', join(dir, 'bad.ts'), error, dir)).toBe('syntax error in model bad.ts:2:18: Unexpected ";" in `export const b = ;`');
    const imported = await loadModule(join(dir, 'uses-bad.ts')).catch((e: unknown) => e);
    expect(describeModuleFailure('model', join(dir, 'uses-bad.ts'), imported, dir)).toBe(
      'syntax error in bad.ts:2:18 (imported by model uses-bad.ts): Unexpected ";" in `export const b = ;`',
    );
  });

  it('names file, line and column of a JavaScript syntax error (Node parses it: a real process, on the built loader)', async () => {
    const dir = await project('module', { 'bad.mjs': 'export const a = 1;\nexport const b = ;\n' });
    const script = [
      `const { loadModule } = await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'module-loader', 'load-module.js'))});`,
      `const { describeModuleFailure } = await import(${JSON.stringify(join(REPO_ROOT, 'dist', 'module-loader', 'module-load-failure.js'))});`,
      `const file = ${JSON.stringify(join(dir, 'bad.mjs'))};`,
      `await loadModule(file).catch((e) => console.log(describeModuleFailure('config', file, e, ${JSON.stringify(dir)})));`,
    ].join('\n');
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('syntax error in config bad.mjs:2:18: Unexpected ";" in `export const b = ;`');
  });

  it('tells a missing file and an error thrown while the module runs', async () => {
    const dir = await project('module', { 'throws.ts': "throw new TypeError('no way');\n" });
    await expect(loadModule(join(dir, 'missing.ts'))).rejects.toBeInstanceOf(ModuleNotFoundError);
    const error = await loadModule(join(dir, 'throws.ts')).catch((e: unknown) => e);
    expect(describeModuleFailure('migration', join(dir, 'throws.ts'), error, dir)).toBe('cannot load migration throws.ts: TypeError: no way');
  });
});
