import { expect, it } from 'vitest';
import { RefusedError, UsageError } from '../../src/errors.js';
import { checksum } from '../../src/revision/checksum.js';
import { downgrade, migrate, status } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';

async function refusal(promise: Promise<unknown>): Promise<RefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefusedError);
  return error as RefusedError;
}

describeEachDatabase('refusals', (database) => {
  it('refuses an applied migration whose file changed, unless accepted, which stores the new checksum', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await project.write('20260101000001_b.sql', sqlMigration('CREATE TABLE b ();'));
    await migrate(db, target);
    const changed = sqlMigration('CREATE TABLE a (); -- reformatted');
    await project.write('20260101000000_a.sql', changed);
    await project.write('20260102000000_c.sql', sqlMigration('CREATE TABLE c ();'));

    const error = await refusal(migrate(db, target));
    expect(error.message).toMatch(/migration file .*20260101000000_a\.sql changed after it was applied/);
    expect(error.hint).toContain('--accept-checksum 20260101000000_a');
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260101000001_b']);

    await expect(migrate(db, target, { acceptChecksums: ['20260101000001_b'] })).rejects.toBeInstanceOf(RefusedError);
    await expect(migrate(db, target, { acceptChecksums: ['nope'] })).rejects.toBeInstanceOf(UsageError);
    const result = await migrate(db, target, { acceptChecksums: ['20260101000000'] });
    expect(result.acceptedChecksums).toEqual(['20260101000000_a']);
    expect(result.applied.map((run) => run.name)).toEqual(['20260102000000_c']);
    const rows = await query<{ checksum: string }>(db, `SELECT checksum FROM "${schema}"."${schema}_migration_version" WHERE name = $1`, [
      '20260101000000_a',
    ]);
    expect(rows[0]?.checksum).toBe(checksum(Buffer.from(changed)));
    expect((await status(db, target)).problems).toEqual([]);
  });

  it('refuses a pending migration that sorts before the last applied one, unless allowed', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await project.write('20260103000000_c.sql', sqlMigration('CREATE TABLE c ();'));
    await migrate(db, target);
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();', 'DROP TABLE b;'));
    await project.write('20260104000000_d.sql', sqlMigration('CREATE TABLE d ();'));
    const error = await refusal(migrate(db, target));
    expect(error.message).toMatch(/pending migration .*20260102000000_b\.sql sorts before the last applied migration 20260103000000_c/);
    expect(error.hint).toContain('--allow-out-of-order');
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260103000000_c']);
    expect((await migrate(db, target, { allowOutOfOrder: true })).applied.map((run) => run.name)).toEqual([
      '20260102000000_b',
      '20260104000000_d',
    ]);
    expect(await tablesOf(db, schema)).toEqual(['a', 'b', 'c', 'd', `${schema}_migration_version`].sort());
  });

  it('refuses while an applied migration has no file, unless allowed', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await migrate(db, target);
    await project.remove('20260101000000_a.sql');
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();', 'DROP TABLE b;'));
    const error = await refusal(migrate(db, target));
    expect(error.message).toContain('applied migration 20260101000000_a has no file any more');
    expect(error.hint).toContain('--allow-missing');
    await migrate(db, target, { allowMissing: true });
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b']);
    // downgrading b is fine with --allow-missing; downgrading a is impossible
    await downgrade(db, target, { allowMissing: true });
    const again = await refusal(downgrade(db, target, { allowMissing: true }));
    expect(again.message).toContain('cannot downgrade 20260101000000_a: its file is missing');
  });

  it('refuses to downgrade a migration without a down part, before anything runs', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();', 'DROP TABLE b;'));
    await project.write('20260103000000_c.ts', 'export async function up({ exec }) { await exec("CREATE TABLE c ()"); }\n');
    await migrate(db, target);
    const code = await refusal(downgrade(db, target));
    expect(code.message).toMatch(/cannot downgrade 20260103000000_c: .*20260103000000_c\.ts has no down part/);
    expect(code.hint).toContain('export a down function');
    await project.write(
      '20260103000000_c.ts',
      'export async function up({ exec }) { await exec("CREATE TABLE c ()"); }\nexport async function down({ exec }) { await exec("DROP TABLE c"); }\n',
    );
    // b has a down part, a has none: steps 3 is refused as a whole, nothing is reverted
    const sql = await refusal(downgrade(db, target, { steps: 3, acceptChecksums: true }));
    expect(sql.message).toMatch(/cannot downgrade 20260101000000_a: .* has no down part/);
    expect(sql.hint).toContain('-- worlddb:down');
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b', '20260103000000_c']);
    expect(await tablesOf(db, schema)).toEqual(['a', 'b', 'c', `${schema}_migration_version`].sort());
  });
});
