import path from 'node:path';
import { expect, it } from 'vitest';
import { MigrationError, MigrationFileError } from '../../src/errors.js';
import { migrate, downgrade } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';

async function failure(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

describeEachDatabase('a failing migration', (database) => {
  it('leaves no schema and no version table when it is the first one', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_bad.sql', sqlMigration('CREATE TABLE a (x integer);\nCREATE TABLE b (y no_such_type);'));
    const error = await failure(migrate(db, target));
    expect(error.schema).toBe(schema);
    expect(error.migration).toBe('20260101000000_bad');
    expect(error.direction).toBe('up');
    expect(error.hint).toContain('rolled back');
    expect(await versionRows(db, target)).toBeNull();
    expect(await tablesOf(db, schema)).toEqual([]);
  });

  it('leaves the schema and the version table as they were when it is a later one', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x integer);', 'DROP TABLE a;'));
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b (x integer);', 'DROP TABLE b;'));
    await migrate(db, target, { to: '20260101000000_a' });
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b (x integer);\nALTER TABLE a ADD COLUMN y integer;\nINSERT INTO nope VALUES (1);'));
    await project.write('20260103000000_c.sql', sqlMigration('CREATE TABLE c ();'));
    await failure(migrate(db, target));
    expect(await tablesOf(db, schema)).toEqual(['a', `${schema}_migration_version`].sort());
    expect(await versionRows(db, target)).toEqual(['20260101000000_a']);

    // and a failing down part too
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x integer);', 'DROP TABLE a;\nDROP TABLE nope;'));
    const down = await failure(downgrade(db, target, { acceptChecksums: true }));
    expect(down.direction).toBe('down');
    expect(await tablesOf(db, schema)).toEqual(['a', `${schema}_migration_version`].sort());
    expect(await versionRows(db, target)).toEqual(['20260101000000_a']);
  });

  it('is reported with the file, line and column of the Postgres error', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    // sqlMigration puts a comment on line 1, the up marker on line 2: the SQL starts on line 3.
    const file = await project.write(
      '20260101000000_bad.sql',
      sqlMigration("CREATE TABLE a (x integer);\n-- 'é😀' before the error\nSELECT 'é😀', x\n  FROM nope;"),
    );
    const error = await failure(migrate(db, target));
    const shown = path.relative(process.cwd(), file);
    const where = shown.startsWith('..') ? file : shown;
    expect(error.message).toBe(
      `schema "${schema}": migration failed (up) at ${where}:6:8: relation "nope" does not exist [42P01]`,
    );
  });

  it('maps positions in no-transaction migrations and in down parts', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x integer);', 'SELECT 1;\n\n  SELECT * FROM nope;'));
    await project.write(
      '20260102000000_idx.sql',
      sqlMigration('CREATE INDEX CONCURRENTLY t_x ON t (x);\n  SELECT x, nope FROM t;', undefined, { noTransaction: true }),
    );
    const error = await failure(migrate(db, target));
    expect(error.message).toMatch(/20260102000000_idx\.sql:5:13: column "nope" does not exist/);
    expect(error.hint).toContain('its first 1 statement was applied');
    expect(await versionRows(db, target)).toEqual(['20260101000000_t']);
    await project.remove('20260102000000_idx.sql');
    const down = await failure(downgrade(db, target));
    // down marker on line 4, its SQL from line 5; the failing SELECT on line 7, "nope" at column 17
    expect(down.message).toMatch(/20260101000000_t\.sql:7:17: relation "nope" does not exist/);
  });

  it('in code is reported with the file and the error, and rolled back', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write(
      '20260101000000_code.ts',
      'export async function up({ exec }: { exec: (sql: string) => Promise<void> }) {\n  await exec("CREATE TABLE a ()");\n  throw new Error("data looks wrong");\n}\n',
    );
    const error = await failure(migrate(db, target));
    expect(error.message).toMatch(/migration failed \(up\) at .*20260101000000_code\.ts: data looks wrong$/);
    expect(await versionRows(db, target)).toBeNull();
    expect(await tablesOf(db, schema)).toEqual([]);
  });

  it('is refused before anything runs when a pending file is broken', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await project.write('20260102000000_b.sql', '-- worlddb:up\nCREATE TABLE b ();\n-- worlddb:dwon\n');
    await expect(migrate(db, target)).rejects.toBeInstanceOf(MigrationFileError);
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();'));
    await project.write('20260103000000_c.ts', 'export const down = 1;\n');
    await expect(migrate(db, target)).rejects.toThrow(/does not export an "up" function/);
    expect(await versionRows(db, target)).toBeNull();
  });
});
