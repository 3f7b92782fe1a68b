import { describe, expect, it } from 'vitest';
import { MigrationError, RefusedError } from '../../src/errors.js';
import { history, migrate, stamp, status } from '../../src/runner/index.js';
import { indexesCreatedBy } from '../../src/runner/interrupted.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, targetOf, versionRows } from './support.js';

describe('indexesCreatedBy', () => {
  it('names the indexes a migration creates, as Postgres stores them', () => {
    expect(
      indexesCreatedBy('-- first\nCREATE INDEX CONCURRENTLY A_x ON a (x);\ncreate unique index concurrently if not exists "B y" on b (y);\nCREATE INDEX ON c (z);'),
    ).toEqual(['a_x', 'B y']);
  });
});

describeEachDatabase('interrupted no-transaction migrations', (database) => {
  it('a failed concurrent index build is recorded as interrupted; status names the INVALID index; migrate refuses until it is dropped and retried', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x int); INSERT INTO t VALUES (1), (1);'));
    await project.write('20260102000000_idx.sql', sqlMigration('CREATE UNIQUE INDEX CONCURRENTLY t_x_key ON t (x);', undefined, { noTransaction: true }));
    const failed = await migrate(db, target).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(MigrationError);
    expect((failed as MigrationError).hint).toContain('INVALID index');
    expect((failed as MigrationError).hint).toContain('recorded as interrupted');

    const s = await status(db, target);
    expect(s.interrupted).toHaveLength(1);
    expect(s.interrupted[0]).toMatchObject({
      name: '20260102000000_idx',
      invalidIndexes: [`"${schema}"."t_x_key"`],
      advice: 'retry',
      steps: [`DROP INDEX CONCURRENTLY IF EXISTS "${schema}"."t_x_key";`, `worlddb migrate --schema ${schema} --retry-interrupted`],
    });
    expect(s.problems).toEqual([{ kind: 'interrupted', name: '20260102000000_idx', startedAt: expect.any(Date) }]);
    expect((await history(db, target)).entries.map((e) => e.state)).toEqual(['applied', 'interrupted']);

    const refused = await migrate(db, target).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedError);
    expect((refused as RefusedError).message).toContain(`schema "${schema}": migration 20260102000000_idx (started `);
    expect((refused as RefusedError).message).toContain('was interrupted');
    expect((refused as RefusedError).hint).toContain(`INVALID index "${schema}"."t_x_key"`);
    expect((refused as RefusedError).hint).toContain(`\`DROP INDEX CONCURRENTLY IF EXISTS "${schema}"."t_x_key";\`, then \`worlddb migrate --schema ${schema} --retry-interrupted\``);

    // Retrying without dropping the index fails again, and it stays interrupted.
    await query(db, `DELETE FROM "${schema}".t WHERE ctid = (SELECT max(ctid) FROM "${schema}".t)`);
    const again = await migrate(db, target, { retryInterrupted: true }).catch((e: unknown) => e);
    expect(String(again)).toContain('already exists');
    expect((await status(db, target)).interrupted.map((r) => r.name)).toEqual(['20260102000000_idx']);

    for (const step of s.interrupted[0]?.steps.filter((x) => x.endsWith(';')) ?? []) await query(db, step);
    const result = await migrate(db, target, { retryInterrupted: true });
    expect(result.applied.map((run) => run.name)).toEqual(['20260102000000_idx']);
    expect(await versionRows(db, target)).toEqual(['20260101000000_t', '20260102000000_idx']);
    expect((await status(db, target)).interrupted).toEqual([]);
    expect(await query(db, `SELECT i.indisvalid AS valid FROM pg_index i WHERE i.indexrelid = to_regclass($1)`, [`"${schema}".t_x_key`])).toEqual([{ valid: true }]);
  });

  it('a start recorded by a process killed after its index was built: status advises stamp, and stamp records it', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x int);'));
    await project.write('20260102000000_idx.sql', sqlMigration('CREATE INDEX CONCURRENTLY t_x_idx ON t (x);', undefined, { noTransaction: true }));
    await migrate(db, target, { to: '20260101000000_t' });
    // What a kill between the index build and the version-table row leaves.
    const v = `"${schema}"."${schema}_migration_version"`;
    await query(db, `CREATE INDEX t_x_idx ON "${schema}".t (x)`);
    await query(db, `INSERT INTO ${v} (name, checksum, execution_ms, finished) VALUES ('20260102000000_idx', 'x', 0, false)`);
    const [report] = (await status(db, target)).interrupted;
    expect(report).toMatchObject({ completeIndexes: [`"${schema}"."t_x_idx"`], advice: 'stamp', steps: [`worlddb stamp --schema ${schema} 20260102000000_idx`] });
    expect((await migrate(db, target).catch((e: unknown) => e) as RefusedError).hint).toContain('it looks complete: record it with `worlddb stamp');
    const stamped = await stamp(db, target, '20260102000000_idx');
    expect(stamped.added).toEqual(['20260102000000_idx']);
    expect(await versionRows(db, target)).toEqual(['20260101000000_t', '20260102000000_idx']);
    expect((await status(db, target)).interrupted).toEqual([]);
    expect((await migrate(db, target)).applied).toEqual([]);

    // Stamping below an interrupted start forgets it.
    await query(db, `INSERT INTO ${v} (name, checksum, execution_ms, finished) VALUES ('20260103000000_later', 'x', 0, false)`);
    expect((await stamp(db, target, '20260102000000_idx')).removed).toEqual(['20260103000000_later']);
    expect(await query(db, `SELECT count(*)::int AS n FROM ${v} WHERE NOT finished`)).toEqual([{ n: 0 }]);
  });

  it('works with a version table of the previous release (no finished column): the column is added before a no-transaction migration', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    const v = `"${schema}"."${schema}_migration_version"`;
    await query(db, `CREATE SCHEMA "${schema}"`);
    await query(
      db,
      `CREATE TABLE ${v} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), execution_ms integer NOT NULL, stamped boolean NOT NULL DEFAULT false)`,
    );
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x int);'));
    await stamp(db, target, 'head');
    await project.write('20260102000000_t2.sql', sqlMigration('CREATE TABLE t2 (x int);'));
    expect((await status(db, target)).pending).toEqual(['20260102000000_t2']);
    await migrate(db, target);
    expect(await query(db, `SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'finished'`, [v])).toEqual([{ n: 0 }]);
    await project.write('20260103000000_idx.sql', sqlMigration('CREATE INDEX CONCURRENTLY t2_x_idx ON t2 (x);', undefined, { noTransaction: true }));
    await migrate(db, target);
    expect(await versionRows(db, target)).toEqual(['20260101000000_t', '20260102000000_t2', '20260103000000_idx']);
    expect(await query(db, `SELECT name, finished FROM ${v} ORDER BY name`)).toEqual([
      { name: '20260101000000_t', finished: true },
      { name: '20260102000000_t2', finished: true },
      { name: '20260103000000_idx', finished: true },
    ]);
  });

  it('a no-transaction migration failing on its first statement is plain pending again, as before', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x int);'));
    await project.write('20260102000000_bad.sql', sqlMigration('ALTER TABLE nope ADD COLUMN y int;', undefined, { noTransaction: true }));
    const error = await migrate(db, target).catch((e: unknown) => e);
    expect((error as MigrationError).hint).toContain('nothing of it was applied');
    const s = await status(db, target);
    expect(s.interrupted).toEqual([]);
    expect(s.pending).toEqual(['20260102000000_bad']);
  });
});
