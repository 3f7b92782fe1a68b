import { expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { downgrade, migrate, stamp, status } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';
import type { TestProject } from './support.js';

const NAMES = ['20260101000000_a', '20260102000000_b', '20260103000000_c', '20260104000000_d'];

async function fourTables(project: TestProject): Promise<void> {
  for (const name of NAMES) {
    const table = name.slice(-1);
    await project.write(`${name}.sql`, sqlMigration(`CREATE TABLE ${table} ();`, `DROP TABLE ${table};`));
  }
}

describeEachDatabase('downgrade', (database) => {
  it('reverts one step by default, then --steps, then --to a name, then --to base', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await fourTables(project);
    await migrate(db, target);
    const tables = async (): Promise<string[]> => (await tablesOf(db, schema)).filter((name) => name.length === 1);

    expect((await downgrade(db, target)).reverted.map((run) => [run.name, run.direction])).toEqual([['20260104000000_d', 'down']]);
    expect(await tables()).toEqual(['a', 'b', 'c']);
    await migrate(db, target);

    expect((await downgrade(db, target, { steps: 2 })).reverted.map((run) => run.name)).toEqual(['20260104000000_d', '20260103000000_c']);
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b']);
    await migrate(db, target);

    expect((await downgrade(db, target, { to: '20260102000000_b' })).reverted.map((run) => run.name)).toEqual([
      '20260104000000_d',
      '20260103000000_c',
    ]);
    expect(await tables()).toEqual(['a', 'b']);
    expect((await downgrade(db, target, { to: '20260102000000_b' })).reverted).toEqual([]);

    expect((await downgrade(db, target, { to: 'base' })).reverted.map((run) => run.name)).toEqual(['20260102000000_b', '20260101000000_a']);
    expect(await tables()).toEqual([]);
    expect(await versionRows(db, target)).toEqual([]);
    expect((await downgrade(db, target)).reverted).toEqual([]);
  });

  it('refuses bad --steps and --to', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await fourTables(project);
    await migrate(db, target, { to: '20260102000000_b' });
    await expect(downgrade(db, target, { steps: 3 })).rejects.toThrow(/only 2 migrations are applied/);
    await expect(downgrade(db, target, { steps: 0 })).rejects.toBeInstanceOf(UsageError);
    await expect(downgrade(db, target, { to: '20260103000000_c' })).rejects.toThrow(/no applied migration named/);
    await expect(downgrade(db, target, { steps: 1, to: 'base' })).rejects.toBeInstanceOf(UsageError);
  });

  it('does nothing on a database without a version table', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await fourTables(project);
    expect((await downgrade(db, target)).reverted).toEqual([]);
    expect(await versionRows(db, target)).toBeNull();
  });
});

describeEachDatabase('stamp', (database) => {
  it('records head, a name and base without running any SQL', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await fourTables(project);

    expect(await stamp(db, target, 'head')).toMatchObject({ added: NAMES, removed: [] });
    expect(await versionRows(db, target)).toEqual(NAMES);
    expect(await tablesOf(db, schema)).toEqual([`${schema}_migration_version`]);
    const rows = await query<{ stamped: boolean; execution_ms: number }>(db, `SELECT stamped, execution_ms FROM "${schema}"."${schema}_migration_version"`);
    expect(rows.every((row) => row.stamped && row.execution_ms === 0)).toBe(true);

    expect(await stamp(db, target, '20260102000000_b')).toMatchObject({ added: [], removed: ['20260104000000_d', '20260103000000_c'] });
    expect(await versionRows(db, target)).toEqual(NAMES.slice(0, 2));
    expect(await stamp(db, target, '20260103')).toMatchObject({ added: ['20260103000000_c'], removed: [] });
    expect(await stamp(db, target, 'base')).toMatchObject({ added: [], removed: [...NAMES.slice(0, 3)].reverse() });
    expect(await versionRows(db, target)).toEqual([]);
    await expect(stamp(db, target, 'nope')).rejects.toBeInstanceOf(UsageError);

    // After stamping head, migrate has nothing to do.
    await stamp(db, target, 'head');
    expect((await migrate(db, target)).applied).toEqual([]);
    expect((await status(db, target)).pending).toEqual([]);
  });

  it('base on a fresh database creates nothing', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await fourTables(project);
    expect(await stamp(db, target, 'base')).toMatchObject({ added: [], removed: [] });
    expect(await versionRows(db, target)).toBeNull();
  });
});
