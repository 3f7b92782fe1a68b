import { expect, it } from 'vitest';
import { checksum } from '../../src/revision/checksum.js';
import { current, history, migrate, status } from '../../src/runner/index.js';
import type { RunnerEvent } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { makeProject, query, sqlMigration, tablesOf, targetOf, versionRows } from './support.js';

describeEachDatabase('migrate', (database) => {
  it('applies pending migrations in order, with unqualified names in the schema, and records them', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('asia');
    const first = sqlMigration(
      'CREATE TABLE countries (country_id integer PRIMARY KEY, name varchar(100) NOT NULL UNIQUE);',
      'DROP TABLE countries;',
    );
    await project.write('20260101000000_create_countries.sql', first);
    await project.write(
      '20260102000000_create_capitals.sql',
      sqlMigration('CREATE TABLE capitals (capital_id integer PRIMARY KEY, country varchar(100) REFERENCES countries (name));'),
    );
    const target = targetOf(schema, project.migrationsDir);
    const events: RunnerEvent[] = [];
    const result = await migrate(db, target, { onEvent: (event) => events.push(event) });
    expect(result.applied.map((run) => run.name)).toEqual(['20260101000000_create_countries', '20260102000000_create_capitals']);
    expect(result.createdVersionTable).toBe(true);
    expect(await tablesOf(db, schema)).toEqual([`${schema}_migration_version`, 'capitals', 'countries'].sort());
    const rows = await query<{ name: string; checksum: string; execution_ms: number; stamped: boolean }>(
      db,
      `SELECT name, checksum, execution_ms, stamped FROM "${schema}"."${schema}_migration_version" ORDER BY applied_at, name`,
    );
    expect(rows.map((row) => row.name)).toEqual(['20260101000000_create_countries', '20260102000000_create_capitals']);
    expect(rows[0]?.checksum).toBe(checksum(Buffer.from(first)));
    expect(rows.every((row) => row.execution_ms >= 0 && row.stamped === false)).toBe(true);
    expect(events.map((event) => event.kind)).toEqual([
      'migration-start',
      'migration-done',
      'migration-start',
      'migration-done',
      'version-table-created',
    ]);

    const again = await migrate(db, target);
    expect(again).toMatchObject({ applied: [], createdVersionTable: false });
  });

  it('applies up to --to, accepting a name, a file name or a prefix', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    for (const n of [1, 2, 3, 4]) await project.write(`2026010${n}000000_t${n}.sql`, sqlMigration(`CREATE TABLE t${n} ();`));
    expect((await migrate(db, target, { to: '20260101000000_t1' })).applied.map((r) => r.name)).toEqual(['20260101000000_t1']);
    expect((await migrate(db, target, { to: '20260102000000_t2.sql' })).applied.map((r) => r.name)).toEqual(['20260102000000_t2']);
    expect((await migrate(db, target, { to: '20260103' })).applied.map((r) => r.name)).toEqual(['20260103000000_t3']);
    await expect(migrate(db, target, { to: 'nope' })).rejects.toThrow(/no migration file named "nope"/);
    expect(await versionRows(db, target)).toHaveLength(3);
  });

  it('creates the version table on first use even with no migration, in another schema if configured', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const shared = freshName('versions');
    const target = targetOf(schema, project.migrationsDir, shared, 'my_versions');
    const result = await migrate(db, target);
    expect(result).toMatchObject({ applied: [], createdVersionTable: true });
    expect(await tablesOf(db, shared)).toEqual(['my_versions']);
    expect(await tablesOf(db, schema)).toEqual([]);
  });

  it('runs a no-transaction migration statement by statement (CREATE INDEX CONCURRENTLY)', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x integer, y text);'));
    await project.write(
      '20260102000000_idx.sql',
      sqlMigration(
        'CREATE INDEX CONCURRENTLY t_x ON t (x);\n-- a comment; with a semicolon\nCREATE INDEX CONCURRENTLY t_y ON t (y)',
        'DROP INDEX CONCURRENTLY t_y;\nDROP INDEX CONCURRENTLY t_x;',
        { noTransaction: true },
      ),
    );
    await migrate(db, target);
    const indexes = await query<{ indexname: string }>(db, 'SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY 1', [schema]);
    expect(indexes.map((row) => row.indexname).filter((name) => name.startsWith('t_'))).toEqual(['t_x', 't_y']);
    expect(await versionRows(db, target)).toEqual(['20260101000000_t', '20260102000000_idx']);
    // The session-level search_path was reset afterwards.
    const session = await db.connect();
    try {
      const { rows } = await session.query<{ search_path: string }>('SHOW search_path');
      expect(rows[0]?.search_path).not.toContain(schema);
    } finally {
      await session.release();
    }
  });

  it('runs .ts and .js code migrations with a context, in a transaction', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write('20260101000000_t.sql', sqlMigration('CREATE TABLE t (x integer, label text);'));
    await project.write(
      '20260102000000_fill.ts',
      [
        "import type { MigrationContext } from 'worlddb';",
        'export async function up({ query, schema }: MigrationContext): Promise<void> {',
        '  await query("INSERT INTO t VALUES ($1, $2)", [1, schema]);',
        '}',
      ].join('\n'),
    );
    await project.write(
      '20260103000000_more.js',
      'export async function up({ exec }) {\n  await exec("INSERT INTO t VALUES (2, \'js\'); INSERT INTO t VALUES (3, \'js\')");\n}\n',
    );
    await migrate(db, target);
    const rows = await query<{ x: number; label: string }>(db, `SELECT x, label FROM "${schema}".t ORDER BY x`);
    expect(rows).toEqual([
      { x: 1, label: schema },
      { x: 2, label: 'js' },
      { x: 3, label: 'js' },
    ]);
  });

  it('applies the statement and lock timeouts', async () => {
    const { db, kind } = database();
    const project = await makeProject();
    const schema = freshName('s');
    const target = targetOf(schema, project.migrationsDir);
    await project.write(
      '20260101000000_settings.sql',
      sqlMigration("CREATE TABLE settings AS SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt;"),
    );
    await migrate(db, target, { statementTimeoutMs: 2500, lockTimeoutMs: 1000 });
    expect(await query(db, `SELECT st, lt FROM "${schema}".settings`)).toEqual([{ st: '2500ms', lt: '1s' }]);
    if (kind === 'pglite') return; // PGlite has no timers: statement_timeout is accepted but never fires
    await project.write('20260102000000_slow.sql', sqlMigration('SELECT pg_sleep(3);'));
    const error = await migrate(db, target, { statementTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/statement timeout/);
    expect(await versionRows(db, target)).toEqual(['20260101000000_settings']);
  });
});

describeEachDatabase('status, history and current', (database) => {
  it('report a fresh database without creating anything', async () => {
    const { db } = database();
    const project = await makeProject();
    const schema = freshName('s');
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    const target = targetOf(schema, project.migrationsDir);
    expect(await status(db, target)).toMatchObject({
      schema,
      versionTableExists: false,
      applied: 0,
      pending: ['20260101000000_a'],
      last: null,
      problems: [],
    });
    expect(await current(db, target)).toMatchObject({ versionTableExists: false, current: null, pending: 1 });
    expect((await history(db, target)).entries).toMatchObject([{ name: '20260101000000_a', state: 'pending', appliedAt: null }]);
    const schemas = await query(db, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(schemas).toEqual([]);
  });

  it('report applied, pending, changed, missing and out-of-order migrations', async () => {
    const { db } = database();
    const project = await makeProject();
    const target = targetOf(freshName('s'), project.migrationsDir);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a ();'));
    await project.write('20260103000000_c.sql', sqlMigration('CREATE TABLE c ();'));
    await project.write('20260104000000_d.sql', sqlMigration('CREATE TABLE d ();'));
    await migrate(db, target);
    await project.write('20260101000000_a.sql', sqlMigration('CREATE TABLE a (changed integer);'));
    await project.remove('20260103000000_c.sql');
    await project.write('20260102000000_b.sql', sqlMigration('CREATE TABLE b ();'));
    await project.write('20260105000000_e.sql', sqlMigration('CREATE TABLE e ();'));

    const s = await status(db, target);
    expect(s).toMatchObject({ versionTableExists: true, applied: 3, pending: ['20260102000000_b', '20260105000000_e'] });
    expect(s.last?.name).toBe('20260104000000_d');
    expect(s.last?.appliedAt).toBeInstanceOf(Date);
    expect(s.problems).toEqual([
      { kind: 'checksum-changed', name: '20260101000000_a', path: expect.stringContaining('20260101000000_a.sql') },
      { kind: 'file-missing', name: '20260103000000_c' },
      { kind: 'out-of-order', name: '20260102000000_b', path: expect.any(String), lastApplied: '20260104000000_d' },
    ]);
    const h = await history(db, target);
    expect(h.entries.map((e) => [e.name, e.state, e.outOfOrder])).toEqual([
      ['20260101000000_a', 'changed', false],
      ['20260102000000_b', 'pending', true],
      ['20260103000000_c', 'missing', false],
      ['20260104000000_d', 'applied', false],
      ['20260105000000_e', 'pending', false],
    ]);
    expect(await current(db, target)).toMatchObject({ current: { name: '20260104000000_d' }, pending: 2 });
  });
});
