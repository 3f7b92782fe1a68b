/**
 * Issue 7, "crashes and messages": inputs users get wrong — config files, migration file names and
 * file-system oddities, model mistakes, option values out of range, odd bytes in arguments. Every
 * one gets one `error:` line, one `hint:` line, a non-zero exit code (not the internal-error one),
 * and no stack trace. In-process CLI on the embedded database (the inputs, not the database, are
 * under test).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProject, createCliProject, MODEL_API } from '../support/cli-project.js';

interface FuzzCase {
  readonly name: string;
  /** Written as config/worlddb.config.json (a string is written as it is). */
  readonly config?: unknown;
  readonly files?: Readonly<Record<string, string>>;
  readonly prepare?: (dir: string) => Promise<void>;
  readonly args: readonly string[];
  readonly error: RegExp;
}

const OK_CONFIG = { schemas: { a: { model: 'model.ts' } } };
const OK = '-- worlddb:up\nCREATE TABLE t (id int);\n-- worlddb:down\nDROP TABLE t;\n';

const CASES: readonly FuzzCase[] = [
  // config files
  { name: 'config: bad JSON', config: '{ "schemas": { "a": {} ', args: ['status'], error: /config/i },
  { name: 'config: not an object', config: '[1, 2]', args: ['status'], error: /config/i },
  { name: 'config: null', config: 'null', args: ['status'], error: /config/i },
  { name: 'config: schemas of the wrong type', config: { schemas: ['a'] }, args: ['status'], error: /schemas/ },
  { name: 'config: a path of the wrong type', config: { schemas: { a: { migrations: 5 } } }, args: ['status'], error: /schemas\.a\.migrations/ },
  { name: 'config: an empty schema name', config: { schemas: { '': {} } }, args: ['status'], error: /schema/ },
  { name: 'config: __proto__ as a key', config: '{ "schemas": { "a": {} }, "__proto__": { "x": 1 } }', args: ['status'], error: /__proto__|key/ },
  { name: 'config: a negative lock timeout', config: { lockTimeout: -5, schemas: { a: {} } }, args: ['status'], error: /lockTimeout/ },
  { name: 'config: a duration that is not one', config: { statementTimeout: 'soon', schemas: { a: {} } }, args: ['migrate', '--all'], error: /statementTimeout/ },
  { name: 'config: an empty database url', config: { database: { url: '' }, schemas: { a: {} } }, args: ['status'], error: /database\.url/ },
  // migration files and the file system
  {
    name: 'a directory named like a migration',
    config: OK_CONFIG,
    prepare: async (dir) => {
      await mkdir(join(dir, 'migrations', 'a', '20260101000000_dir.sql'), { recursive: true });
    },
    args: ['migrate', '--all'],
    error: /20260101000000_dir\.sql/,
  },
  {
    name: 'a symlink loop named like a migration',
    config: OK_CONFIG,
    prepare: async (dir) => {
      await mkdir(join(dir, 'migrations', 'a'), { recursive: true });
      await symlink('20260101000000_loop.sql', join(dir, 'migrations', 'a', '20260101000000_loop.sql'));
    },
    args: ['migrate', '--all'],
    error: /20260101000000_loop\.sql/,
  },
  {
    name: 'a migration that is not UTF-8',
    config: OK_CONFIG,
    prepare: async (dir) => {
      await mkdir(join(dir, 'migrations', 'a'), { recursive: true });
      await writeFile(join(dir, 'migrations', 'a', '20260101000000_latin1.sql'), Buffer.from('-- worlddb:up\nSELECT \'caf\xe9\';\n', 'latin1'));
    },
    args: ['migrate', '--all'],
    error: /20260101000000_latin1\.sql/,
  },
  { name: 'a migration folder that is a file', config: OK_CONFIG, files: { 'migrations/a': 'not a folder' }, args: ['migrate', '--all'], error: /migrations/ },
  { name: 'a migration without its up marker', config: OK_CONFIG, files: { 'migrations/a/20260101000000_x.sql': 'CREATE TABLE t ();' }, args: ['migrate', '--all'], error: /worlddb:up/ },
  { name: 'two migrations with one name', config: OK_CONFIG, files: { 'migrations/a/20260101000000_x.sql': OK, 'migrations/a/20260101000000_x.js': 'export async function up() {}' }, args: ['migrate', '--all'], error: /20260101000000_x/ },
  // model mistakes
  { name: 'a model with a syntax error', config: OK_CONFIG, files: { 'model.ts': 'export default defineSchema(;' }, args: ['check', '--all'], error: /model/ },
  { name: 'a model that exports nothing', config: OK_CONFIG, files: { 'model.ts': 'export const x = 1;\n' }, args: ['check', '--all'], error: /model/ },
  {
    name: 'a model naming an unknown column',
    config: OK_CONFIG,
    files: { 'model.ts': `import { defineSchema, table, integer, index } from ${JSON.stringify(MODEL_API)};\nexport default defineSchema('a', { tables: { t: table({ id: integer() }, { indexes: [index(['nope'])] }) } });\n` },
    args: ['check', '--all'],
    error: /nope/,
  },
  { name: 'a model file that does not exist', config: { schemas: { a: { model: 'missing.ts' } } }, args: ['check', '--all'], error: /missing\.ts/ },
  // option values out of range
  { name: '--lock-timeout negative', config: OK_CONFIG, args: ['migrate', '--all', '--lock-timeout', '-1s'], error: /--lock-timeout/ },
  { name: '--lock-timeout huge', config: OK_CONFIG, args: ['migrate', '--all', '--lock-timeout', '99999999999999999999999h'], error: /--lock-timeout/ },
  { name: '--pg-lock-timeout not a duration', config: OK_CONFIG, args: ['migrate', '--all', '--pg-lock-timeout', 'abc'], error: /--pg-lock-timeout/ },
  { name: '--steps 0', config: OK_CONFIG, args: ['downgrade', '--all', '--steps', '0'], error: /steps/ },
  { name: '--steps not a number', config: OK_CONFIG, args: ['downgrade', '--all', '--steps', '1e400'], error: /steps/ },
  // odd bytes in arguments
  { name: 'a NUL byte in --schema', config: OK_CONFIG, args: ['migrate', '--schema', 'a\u0000b'], error: /schema/ },
  { name: 'a newline in --schema', config: OK_CONFIG, args: ['status', '--schema', 'a\nb'], error: /schema/ },
  { name: 'a lone surrogate in --to', config: OK_CONFIG, files: { 'migrations/a/20260101000000_x.sql': OK }, args: ['migrate', '--all', '--to', '\ud800'], error: /\S/ },
  { name: 'a NUL byte in --config', config: OK_CONFIG, args: ['--config', 'x\u0000y.json', 'status'], error: /config/ },
  { name: 'a NUL byte in --url', config: OK_CONFIG, args: ['--url', 'postgres://x\u0000y/db', 'status'], error: /url|URL|connect/ },
];

describe('inputs users get wrong: one error line, one hint line, a clean exit', () => {
  let project: CliProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    project = await createCliProject({ kind: 'pglite', config: {}, files: c.files ?? {} });
    const text = typeof c.config === 'string' ? c.config : JSON.stringify(c.config ?? {});
    await writeFile(join(project.dir, 'config', 'worlddb.config.json'), text);
    await c.prepare?.(project.dir);
    const result = await project.run(...c.args);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines, result.stderr).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(c.error);
    expect(lines[1]).toMatch(/^hint: /);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBe(70);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
