import { expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { downgrade, migrate, migrateSql, stamp, status } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';

describeEachDatabase('hostile names', (database) => {
  const hostile = [
    { label: 'quotes', schema: (id: string) => `we"ird'${id}`, vtSchema: (id: string) => `we"ird'${id}`, table: 'ver"sion\'s' },
    { label: 'spaces and upper case', schema: (id: string) => `My Schema ${id}`, vtSchema: (id: string) => `Version Tables ${id}`, table: 'Version Table' },
    { label: 'semicolons', schema: (id: string) => `x; DROP SCHEMA public; --${id}`, vtSchema: (id: string) => `v;${id}`, table: 't; DELETE FROM x' },
    { label: 'backslashes and dollars', schema: (id: string) => `a\\b$$${id}`, vtSchema: (id: string) => `a\\b$$${id}`, table: "$$'\\" },
  ];
  for (const names of hostile) {
    it(`work as schema and version table names (${names.label})`, async () => {
      const { db } = database();
      const project = await makeProject();
      const id = freshName('').slice(1, 7);
      const schema = names.schema(id);
      const target = targetOf(schema, project.migrationsDir, names.vtSchema(id), names.table);
      await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE countries (name text);', 'DROP TABLE countries;'));
      await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE "Capitals; x" (name text);', 'DROP TABLE "Capitals; x";'));
      expect(await migrateSql(db, target)).toContain('CREATE TABLE countries');
      await migrate(db, target);
      expect(await tablesOf(db, schema)).toEqual(expect.arrayContaining(['countries', 'Capitals; x']));
      expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b']);
      expect(await status(db, target)).toMatchObject({ versionTableExists: true, applied: 2, pending: [], problems: [] });
      await downgrade(db, target);
      expect(await versionRows(db, target)).toEqual(['20260101000000_a']);
      await stamp(db, target, 'head');
      expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b']);
      expect(await tablesOf(db, 'public')).not.toContain('countries');
    });
  }

  it('refuses names Postgres would truncate', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf('x'.repeat(64), project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('SELECT 1;'));
    await expect(migrate(db, target)).rejects.toBeInstanceOf(UsageError);
  });
});
