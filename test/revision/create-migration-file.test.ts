import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { createMigrationFile } from '../../src/revision/create-migration-file.js';
import { listMigrationFiles } from '../../src/revision/list-migration-files.js';
import { loadMigration } from '../../src/revision/load-migration.js';

const NOW = new Date('2026-11-26T15:42:07.500Z');

async function tempDir(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'worlddb-create-'));
  await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
  return root;
}

describe('createMigrationFile', () => {
  it('writes a .sql template that parses, creating the folder', async () => {
    const dir = path.join(await tempDir(), 'migrations', 'asia');
    const file = await createMigrationFile(dir, { message: 'Add languages', now: NOW });
    expect(file).toBe(path.join(dir, '20261126154207_add_languages.sql'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('-- Add languages\n');
    expect(text).toContain('-- Created 2026-11-26 15:42:07 UTC by worlddb revision.');
    expect(text).toMatch(/^-- worlddb:up$/m);
    expect(text).toMatch(/^-- worlddb:down$/m);
    const [entry] = await listMigrationFiles(dir);
    if (entry === undefined) throw new Error('not listed');
    const migration = await loadMigration(entry);
    expect(migration.transactional).toBe(true);
    expect(migration.down).toBeNull(); // the placeholder is only a comment
  });

  it('fills in given up and down SQL', async () => {
    const dir = await tempDir();
    const file = await createMigrationFile(dir, { message: 'x', now: NOW, up: 'create table t ();', down: 'drop table t;' });
    const [entry] = await listMigrationFiles(dir);
    if (entry === undefined) throw new Error('not listed');
    const migration = await loadMigration(entry);
    expect(migration.up).toMatchObject({ kind: 'sql', sql: 'create table t ();\n\n' });
    expect(migration.down).toMatchObject({ kind: 'sql', sql: 'drop table t;\n' });
    expect(path.basename(file)).toBe('20261126154207_x.sql');
  });

  it('writes a .ts template that loads', async () => {
    const dir = await tempDir();
    const file = await createMigrationFile(dir, { message: 'backfill */ names', now: NOW, format: 'ts' });
    expect(path.basename(file)).toBe('20261126154207_backfill_names.ts');
    const text = await readFile(file, 'utf8');
    expect(text).toContain("import type { MigrationContext } from 'worlddb';");
    expect(text).not.toContain('backfill */');
    const [entry] = await listMigrationFiles(dir);
    if (entry === undefined) throw new Error('not listed');
    const migration = await loadMigration(entry);
    expect(migration.up.kind).toBe('code');
    expect(migration.down).toBeNull();
  });

  it('sorts a new file after the newest one, bumping the timestamp', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '20261126154207_other.sql'), '-- worlddb:up\n');
    await writeFile(path.join(dir, '20261126154500_later.sql'), '-- worlddb:up\n');
    await writeFile(path.join(dir, 'badly_named.sql'), '-- worlddb:up\n'); // does not stop revision
    const file = await createMigrationFile(dir, { message: 'next', now: NOW });
    expect(path.basename(file)).toBe('20261126154501_next.sql');
    const again = await createMigrationFile(dir, { message: 'next', now: NOW });
    expect(path.basename(again)).toBe('20261126154502_next.sql');
  });

  it('refuses a message without letters or digits', async () => {
    const dir = await tempDir();
    await expect(createMigrationFile(dir, { message: '?!', now: NOW })).rejects.toBeInstanceOf(UsageError);
    expect(await readdir(dir)).toEqual(['package.json']);
  });
});
