import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrationFileError } from '../../src/errors.js';
import { checksum } from '../../src/revision/checksum.js';
import { listMigrationFiles } from '../../src/revision/list-migration-files.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'worlddb-revision-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('listMigrationFiles', () => {
  it('lists migrations in timestamp order, with checksums, ignoring other files', async () => {
    const dir = await folder({
      '20260102000000_second.ts': 'export async function up() {}\n',
      '20260101000000_first.sql': '-- worlddb:up\nselect 1;\n',
      'README.md': '# notes',
      '.DS_Store': 'x',
      '_helpers.ts': 'export const x = 1;',
    });
    await mkdir(path.join(dir, '_drafts'));
    const files = await listMigrationFiles(dir);
    expect(files.map((f) => [f.name, f.extension])).toEqual([
      ['20260101000000_first', '.sql'],
      ['20260102000000_second', '.ts'],
    ]);
    expect(files[0]?.checksum).toBe(checksum(Buffer.from('-- worlddb:up\nselect 1;\n')));
    expect(files[0]?.text).toBe('-- worlddb:up\nselect 1;\n');
    expect(files[0]?.path).toBe(path.join(dir, '20260101000000_first.sql'));
    // A folder named like a migration is a mistake, refused rather than skipped (issue 7).
    await mkdir(path.join(dir, '20260103000000_folder.sql'));
    const error = await listMigrationFiles(dir).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/20260103000000_folder\.sql is a folder, not a migration file/);
  });

  it('gives an empty list for a missing folder', async () => {
    expect(await listMigrationFiles(path.join(tmpdir(), 'worlddb-does-not-exist-4711'))).toEqual([]);
  });

  it('refuses a migration-looking file with a bad prefix, naming it', async () => {
    const dir = await folder({ '20260101000000_ok.sql': '-- worlddb:up\n', 'add_languages.sql': '-- worlddb:up\n' });
    const error = await listMigrationFiles(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFileError);
    expect((error as MigrationFileError).message).toContain('add_languages.sql');
    expect((error as MigrationFileError).hint).toContain('YYYYMMDDHHMMSS');
    expect((error as MigrationFileError).file).toBe(path.join(dir, 'add_languages.sql'));
  });

  it('refuses two files with the same name and different extensions', async () => {
    const dir = await folder({ '20260101000000_x.sql': '-- worlddb:up\n', '20260101000000_x.ts': 'export const up = 1;' });
    await expect(listMigrationFiles(dir)).rejects.toThrow(/two migration files have the name 20260101000000_x/);
  });
});
