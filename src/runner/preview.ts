/**
 * `--sql` on `migrate` and `downgrade`: the SQL a run would send, as text, without running it or
 * changing anything (the version table is read, not created; no lock is taken).
 *
 * The text is what the runner sends, statement for statement — BEGIN/COMMIT, the settings, the
 * version-table DDL, each migration's SQL and its INSERT/DELETE with literal values — so it can be
 * reviewed or handed to a DBA. Code migrations (`.ts`/`.js`) cannot be shown and appear as a comment.
 */
import type { SchemaTarget } from '../config/types.js';
import { displayPath } from '../revision/display-path.js';
import { quoteIdent } from '../sql/quote.js';
import { listMigrationFiles } from '../revision/list-migration-files.js';
import { splitStatements } from '../revision/split-sql.js';
import type { MigrationFile, MigrationFileEntry } from '../revision/types.js';
import { requireDownParts, requireUpStatements } from './require-parts.js';
import { beginSql, REQUIRE_NO_TRANSACTION_SQL, REQUIRE_TRANSACTION_SQL, resetSettingsSql, settingsSql, terminated } from './migration-sql.js';
import type { MigrationSettings } from './migration-sql.js';
import { analyseFolder, planDowngrade, planMigrate } from './plan.js';
import { MigrationLoader, migrationSettings, withSession } from './run-context.js';
import type { DatabaseOrSession, DowngradeOptions, MigrateOptions } from './types.js';
import {
  createVersionTableSql,
  deleteRowSql,
  insertRowSql,
  readVersionTable,
  updateChecksumSql,
  versionTableName,
} from './version-table.js';

/** What a preview shows. */
export interface PreviewProps {
  readonly target: SchemaTarget;
  readonly settings: MigrationSettings;
  readonly direction: 'up' | 'down';
  /** Whether the version table must be created (first use). */
  readonly createVersionTable: boolean;
  /** Changed files whose new checksum would be stored. */
  readonly accept: readonly MigrationFileEntry[];
  /** Migrations in the order they would run. */
  readonly migrations: readonly MigrationFile[];
}

/**
 * The SQL `migrate` would run for `target` with these options, as text. Refuses exactly as
 * `migrate` would.
 *
 * @example
 * process.stdout.write(await migrateSql(db, target, { to: '20261126154200' }));
 */
export async function migrateSql(where: DatabaseOrSession, target: SchemaTarget, options: MigrateOptions = {}): Promise<string> {
  const files = await listMigrationFiles(target.source.migrationsDir);
  const applied = await withSession(where, (session) => readVersionTable(session, target.versionTable));
  const plan = planMigrate(analyseFolder(files, applied ?? []), target.schema, options);
  const migrations = await new MigrationLoader().load(plan.run);
  requireUpStatements(target.schema, migrations);
  return renderPreview({
    target,
    settings: migrationSettings(target, options),
    direction: 'up',
    createVersionTable: applied === null,
    accept: plan.accept,
    migrations,
  });
}

/** What `downgrade` would revert for `target` with these options, loaded, refused as `downgrade` would. */
export async function plannedDowngrade(
  where: DatabaseOrSession,
  target: SchemaTarget,
  options: DowngradeOptions = {},
): Promise<{ readonly migrations: readonly MigrationFile[]; readonly accept: readonly MigrationFileEntry[] }> {
  const files = await listMigrationFiles(target.source.migrationsDir);
  const applied = await withSession(where, (session) => readVersionTable(session, target.versionTable));
  const plan =
    applied === null || applied.length === 0
      ? { revert: [], accept: [] }
      : planDowngrade(analyseFolder(files, applied), target.schema, options);
  const migrations = await new MigrationLoader().load(plan.revert.map((step) => step.file));
  requireDownParts(target.schema, migrations);
  return { migrations, accept: plan.accept };
}

/**
 * The SQL `downgrade` would run for `target` with these options, as text. Refuses exactly as
 * `downgrade` would (e.g. a migration without a down part).
 */
export async function downgradeSql(
  where: DatabaseOrSession,
  target: SchemaTarget,
  options: DowngradeOptions = {},
): Promise<string> {
  const { migrations, accept } = await plannedDowngrade(where, target, options);
  return renderPreview({
    target,
    settings: migrationSettings(target, options),
    direction: 'down',
    createVersionTable: false,
    accept,
    migrations,
  });
}

/** Comment text on one line. */
function comment(text: string): string {
  return `-- ${text.replace(/[\r\n]+/g, ' ')}`;
}

/**
 * Renders a preview. Pure: the same input gives the same text.
 *
 * @example
 * renderPreview({ target, settings, direction: 'up', createVersionTable: true, accept: [], migrations })
 * // => '-- worlddb migrate: schema "asia", version table "asia"."asia_migration_version"\n...'
 */
export function renderPreview(props: PreviewProps): string {
  const { target, settings, direction, migrations } = props;
  const ref = target.versionTable;
  const command = direction === 'up' ? 'migrate' : 'downgrade';
  const count = migrations.length;
  const verb = direction === 'up' ? 'apply' : 'revert';
  const out: string[] = [
    comment(`worlddb ${command}: schema ${JSON.stringify(target.schema)}, version table ${versionTableName(ref)}`),
    comment(count === 0 ? `nothing to ${verb}.` : `${count} migration${count > 1 ? 's' : ''} to ${verb}.`),
    '',
  ];
  // As in a real run: a shared version-table schema is created on its own; the migrated schema and
  // the version table are created in the first migration's transaction when it has one.
  let setup = '';
  if (props.createVersionTable) {
    const shared = target.versionTable.schema === target.schema ? [] : [target.versionTable.schema];
    if (shared.length > 0) {
      out.push(comment('the version table\'s schema'), beginSql(settings) + shared.map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};`).join('\n'), 'COMMIT;', '');
    }
    setup = createVersionTableSql(target, [target.schema]);
    if (migrations[0]?.transactional !== true) {
      out.push(comment('the version table does not exist yet'), beginSql(settings) + setup, 'COMMIT;', '');
      setup = '';
    }
  }
  if (props.accept.length > 0) {
    out.push(
      comment('accept the changed files: store their new checksums'),
      'BEGIN;',
      ...props.accept.map((file) => updateChecksumSql(ref, file.name, file.checksum)),
      'COMMIT;',
      '',
    );
  }
  for (const migration of migrations) {
    const step = direction === 'up' ? migration.up : migration.down;
    const row =
      direction === 'up'
        ? insertRowSql(ref, { name: migration.name, checksum: migration.checksum, executionMs: migration.transactional ? null : 0 })
        : deleteRowSql(ref, migration.name);
    out.push(comment(`${migration.name} (${displayPath(migration.path)})`));
    const body =
      step === null
        ? comment(`${migration.name}: no down part`)
        : step.kind === 'code'
          ? comment(`${migration.name}: code migration, cannot be shown as SQL`)
          : null;
    if (migration.transactional) {
      out.push(beginSql(settings).trimEnd());
      if (setup !== '') {
        out.push(comment('first use: create the schema and the version table with the first migration'), setup);
        setup = '';
      }
      if (body !== null) out.push(body);
      else if (step?.kind === 'sql') {
        const sql = terminated(step.sql);
        if (sql !== '') out.push(sql);
      }
      out.push(REQUIRE_TRANSACTION_SQL, row, 'COMMIT;', '');
    } else {
      out.push(comment('runs outside a transaction, one statement at a time'), settingsSql(settings, 'session'));
      if (body !== null) out.push(body);
      else if (step?.kind === 'sql') {
        for (const statement of splitStatements(step.sql)) out.push(terminated(statement.text));
      }
      out.push(REQUIRE_NO_TRANSACTION_SQL, row, resetSettingsSql(settings), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
