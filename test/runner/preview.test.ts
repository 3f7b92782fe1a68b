import { expect, it } from 'vitest';
import { downgradeSql, migrate, migrateSql } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, targetOf, versionRows } from './support.js';

describeEachDatabase('--sql preview', (database) => {
  it('shows what migrate would run, without changing anything', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration("CREATE TABLE a (x text DEFAULT 'it''s')", 'DROP TABLE a;'));
    await project.write('20260102000000_code.ts', 'export async function up() {}\n');
    await project.write('20260103000000_idx.sql', sqlMigration('CREATE INDEX CONCURRENTLY a_x ON a (x);', undefined, { noTransaction: true }));
    const sql = await migrateSql(db, target, { lockTimeoutMs: 1000 });
    if (process.env['SHOW_PREVIEW'] === '1') console.log(sql);
    const v = `"${schema}"."${schema}_migration_version"`;
    expect(sql).toContain(`-- worlddb migrate: schema "${schema}", version table ${v}\n-- 3 migrations to apply.`);
    expect(sql).toContain(
      [
        'BEGIN;',
        `SET LOCAL search_path TO "${schema}";`,
        "SET LOCAL lock_timeout = '1000ms';",
        '-- first use: create the schema and the version table with the first migration',
        `CREATE SCHEMA IF NOT EXISTS "${schema}";`,
        `CREATE TABLE IF NOT EXISTS ${v} (`,
      ].join('\n'),
    );
    expect(sql).toContain(
      `CREATE TABLE a (x text DEFAULT 'it''s');\nSAVEPOINT worlddb_transaction_open;\nINSERT INTO ${v} (name, checksum, execution_ms) VALUES ('20260101000000_a', '`,
    );
    expect(sql).toContain('-- 20260102000000_code: code migration, cannot be shown as SQL');
    expect(sql).toContain(
      `SET search_path TO "${schema}";\nSET lock_timeout = '1000ms';\nCREATE INDEX CONCURRENTLY a_x ON a (x);\nDO $worlddb$ BEGIN IF now() <> statement_timestamp() THEN RAISE EXCEPTION 'a transaction is open' USING ERRCODE = '25001'; END IF; END $worlddb$;\nINSERT INTO ${v}`,
    );
    expect(sql).toContain('RESET search_path;\nRESET lock_timeout;');
    expect(sql.match(/^COMMIT;$/gm)).toHaveLength(2);
    // nothing changed
    expect(await versionRows(db, target)).toBeNull();
    expect(await query(db, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });

  it('shows what downgrade would run, without changing anything', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();', 'DROP TABLE a;'));
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();', 'DROP TABLE b -- no semicolon\n'));
    await migrate(db, target);
    const sql = await downgradeSql(db, target, { to: 'base' });
    const v = `"${schema}"."${schema}_migration_version"`;
    expect(sql).toContain('-- 2 migrations to revert.');
    expect(sql.indexOf('DROP TABLE b')).toBeLessThan(sql.indexOf('DROP TABLE a'));
    expect(sql).toContain(`DROP TABLE b; -- no semicolon\nSAVEPOINT worlddb_transaction_open;\nDELETE FROM ${v} WHERE name = '20260102000000_b';\nCOMMIT;`);
    expect(sql).not.toContain('CREATE TABLE IF NOT EXISTS');
    expect(await versionRows(db, target)).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(await downgradeSql(db, targetOf(freshName('s'), project.migrationsDir))).toContain('-- nothing to revert.');
  });

  it('refuses as the real command would', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await migrate(db, target);
    await expect(downgradeSql(db, target)).rejects.toThrow(/has no down part/);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (x int);'));
    await expect(migrateSql(db, target)).rejects.toThrow(/changed after it was applied/);
    expect(await migrateSql(db, target, { acceptChecksums: true })).toContain(`SET checksum = '`);
  });
});
