import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationFileError } from '../../src/errors.js';
import { listMigrationFiles } from '../../src/revision/list-migration-files.js';
import { loadMigration, loadMigrations } from '../../src/revision/load-migration.js';
import type { MigrationContext } from '../../src/revision/types.js';

/** A migration folder in a temporary ESM package, as in a worlddb project. */
async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'worlddb-load-'));
  await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
  return root;
}

async function loadOne(name: string, text: string) {
  const dir = await folder({ [name]: text });
  const [entry] = await listMigrationFiles(dir);
  if (entry === undefined) throw new Error('no entry');
  return loadMigration(entry);
}

function fakeContext(log: string[]): MigrationContext {
  return {
    schema: 'asia',
    query: async (sql: string) => {
      log.push(sql);
      return { rows: [], rowCount: 0 };
    },
    exec: async (sql: string) => {
      log.push(sql);
    },
  };
}

describe('loadMigration', () => {
  it('parses .sql files', async () => {
    const migration = await loadOne('20260101000000_a.sql', '-- worlddb:up\nselect 1;\n-- worlddb:down\nselect 2;\n');
    expect(migration).toMatchObject({
      name: '20260101000000_a',
      transactional: true,
      up: { kind: 'sql', sql: 'select 1;\n', line: 2 },
      down: { kind: 'sql', sql: 'select 2;\n', line: 4 },
    });
  });

  it('loads .ts modules with up, down and transaction', async () => {
    const migration = await loadOne(
      '20260101000000_code.ts',
      [
        "import type { MigrationContext } from 'worlddb';",
        'export const transaction = false;',
        'export async function up({ query, schema }: MigrationContext): Promise<void> {',
        "  await query(`select '${schema}'`);",
        '}',
        'export async function down(ctx: MigrationContext): Promise<void> {',
        "  await ctx.exec('select 2');",
        '}',
      ].join('\n'),
    );
    expect(migration.transactional).toBe(false);
    expect(migration.up.kind).toBe('code');
    const log: string[] = [];
    if (migration.up.kind !== 'code' || migration.down?.kind !== 'code') throw new Error('not code');
    await migration.up.run(fakeContext(log));
    await migration.down.run(fakeContext(log));
    expect(log).toEqual(["select 'asia'", 'select 2']);
  });

  it('loads .js modules; down is optional', async () => {
    const migration = await loadOne('20260101000000_code.js', 'export async function up(ctx) { await ctx.exec("select 1"); }\n');
    expect(migration.transactional).toBe(true);
    expect(migration.down).toBeNull();
  });

  it('refuses a module with a syntax error, naming the file', async () => {
    const error = await loadOne('20260101000000_broken.ts', 'export async function up( {\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFileError);
    expect((error as MigrationFileError).message).toMatch(/^syntax error in migration .*20260101000000_broken\.ts:2:1: Expected identifier but found end of file$/);
    expect((error as MigrationFileError).message).not.toContain('\n');
    expect((error as MigrationFileError).hint).toBeDefined();
  });

  it('refuses a module without an up function', async () => {
    await expect(loadOne('20260101000000_noup.ts', 'export const down = async () => {};\n')).rejects.toThrow(
      /does not export an "up" function/,
    );
    await expect(loadOne('20260101000000_badtx.js', 'export const up = async () => {};\nexport const transaction = "no";\n')).rejects.toThrow(
      /"transaction", but it is not true or false/,
    );
  });

  it('refuses a module that throws on import', async () => {
    await expect(loadOne('20260101000000_throws.js', 'throw new Error("boom at import");\nexport const up = () => {};\n')).rejects.toThrow(
      /cannot load migration .*boom at import/,
    );
  });

  it('loads a whole folder in order', async () => {
    const dir = await folder({
      '20260102000000_b.sql': '-- worlddb:up\nselect 2;\n',
      '20260101000000_a.sql': '-- worlddb:up\nselect 1;\n',
    });
    expect((await loadMigrations(dir)).map((m) => m.name)).toEqual(['20260101000000_a', '20260102000000_b']);
  });
});
