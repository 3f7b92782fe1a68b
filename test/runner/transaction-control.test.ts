/**
 * Issue 7, items 3, 4 and 5: "applied" is printed only for work whose version-table row really
 * committed; transaction control is refused in every kind of migration; an up part with no
 * statement is refused.
 */
import { expect, it } from 'vitest';
import { MigrationError, MigrationFileError, RefusedError } from '../../src/errors.js';
import { executeMigrations } from '../../src/runner/execute-migrations.js';
import { migrate, migrateSql } from '../../src/runner/index.js';
import { REQUIRE_NO_TRANSACTION_SQL } from '../../src/runner/migration-sql.js';
import { createVersionTable, prepareVersionTable, migrationSettings } from '../../src/runner/run-context.js';
import type { SchemaTarget } from '../../src/config/types.js';
import type { Database } from '../../src/connection/types.js';
import type { MigrationFile } from '../../src/revision/types.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** A hand-made migration, to reach the runner's own checks past the file-level refusals. */
function handMade(name: string, sql: string, transactional: boolean): MigrationFile {
  return { name, path: `/nowhere/${name}.sql`, checksum: 'x', transactional, up: { kind: 'sql', sql, line: 1 }, down: null };
}

/**
 * Runs one hand-made migration on a new session (version table created first) and returns its
 * failure; checks that the session is left out of any transaction.
 */
async function runHandMade(db: Database, target: SchemaTarget, migration: MigrationFile): Promise<MigrationError> {
  const session = await db.connect();
  try {
    const settings = migrationSettings(target, {});
    await createVersionTable(session, target, settings, await prepareVersionTable(session, target, settings));
    const error = await rejection(executeMigrations({ session, target, settings, appliedNames: [] }, 'up', [migration]));
    expect(error).toBeInstanceOf(MigrationError);
    await expect(session.exec(REQUIRE_NO_TRANSACTION_SQL)).resolves.toBeUndefined();
    return error as MigrationError;
  } finally {
    await session.release();
  }
}

describeEachDatabase('transaction control in migrations', (database) => {
  it('refuses BEGIN in a no-transaction file before running anything (it would swallow the version row)', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x integer);'));
    await project.write('20260102000000_b.sql', sqlMigration('BEGIN;\nCREATE TABLE b (x integer);', undefined, { noTransaction: true }));
    const error = await rejection(migrate(db, target));
    expect(error).toBeInstanceOf(MigrationFileError);
    expect((error as MigrationFileError).message).toMatch(/20260102000000_b\.sql:4: BEGIN in a migration that runs without a transaction/);
    expect(await versionRows(db, target)).toBeNull();
    expect(await tablesOf(db, schema)).toEqual([]);
  });

  it('never records a no-transaction migration that left a transaction open', async () => {
    const { db } = database();
    const target = targetOf(freshName('s'), (await makeProject()).migrationsDir);
    const error = await runHandMade(db, target, handMade('20260101000000_open', 'BEGIN;\nCREATE TABLE a (x integer);', false));
    expect(error.message).toContain('it left a transaction open');
    // Not applied: its start stays recorded, so status and migrate say it was interrupted.
    expect(error.hint).toContain('it is recorded as interrupted');
    expect(await versionRows(db, target)).toEqual([]);
    expect(await tablesOf(db, target.schema)).toEqual([`${target.schema}_migration_version`]);
  });

  it('never records a transactional migration that ended the transaction itself', async () => {
    const { db } = database();
    const target = targetOf(freshName('s'), (await makeProject()).migrationsDir);
    const sql = 'CREATE TABLE a (x integer);\nCOMMIT;\nCREATE TABLE b (x integer);';
    const error = await runHandMade(db, target, handMade('20260101000000_commits', sql, true));
    expect(error.message).toContain("ended worlddb's transaction");
    // Honest about what stays: the part before its COMMIT was committed.
    expect(error.hint).toContain('stays committed');
    expect(await versionRows(db, target)).toEqual([]);
    expect(await tablesOf(db, target.schema)).toEqual(['a', `${target.schema}_migration_version`].sort());
  });

  it('refuses COMMIT sent by a code migration through its context; nothing stays, nothing lands in public', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const stray = freshName('stray');
    const target = targetOf(schema, project.migrationsDir);
    await project.write(
      '20260101000000_code.ts',
      [
        "import type { MigrationContext } from '../../src/revision/types.js';",
        'export async function up({ query }: MigrationContext): Promise<void> {',
        "  await query('CREATE TABLE first_table (x integer)');",
        "  await query('COMMIT');",
        `  await query('CREATE TABLE ${stray} (x integer)');`,
        '}',
        '',
      ].join('\n'),
    );
    const error = await rejection(migrate(db, target));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('COMMIT sent through the migration context is refused');
    expect((error as MigrationError).hint).toContain('rolled back');
    expect(await versionRows(db, target)).toBeNull();
    expect(await tablesOf(db, schema)).toEqual([]);
    expect(await tablesOf(db, 'public')).not.toContain(stray);

    // the same through exec, in a no-transaction code migration
    await project.remove('20260101000000_code.ts');
    await project.write(
      '20260101000000_code.js',
      "export const transaction = false;\nexport async function up({ exec }) { await exec('CREATE TABLE t1 (x integer); BEGIN'); }\n",
    );
    const open = await rejection(migrate(db, target));
    expect((open as MigrationError).message).toContain('BEGIN sent through the migration context is refused');
    expect(await versionRows(db, target)).toEqual([]);
  });

  it('refuses an up part with no statement (a revision -m template), naming the file', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x integer);'));
    await project.write('20260102000000_template.sql', '-- worlddb:up\n-- write the SQL here\n\n-- worlddb:down\n-- and here\n');
    // One after the other: a second promise started at once would reject unobserved meanwhile.
    for (const attempt of [() => migrate(db, target), () => migrateSql(db, target)]) {
      const error = await rejection(attempt());
      expect(error).toBeInstanceOf(RefusedError);
      expect((error as RefusedError).message).toMatch(/cannot apply 20260102000000_template: the up part of .*20260102000000_template\.sql holds no statement/);
      expect((error as RefusedError).hint).toContain('SELECT 1;');
    }
    expect(await versionRows(db, target)).toBeNull();
    expect(await query(db, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });
});
