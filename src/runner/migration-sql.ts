/**
 * SQL text that the runner wraps around migrations: the transaction and the settings. Shared by
 * the real run and the `--sql` preview, so the preview shows what actually runs.
 */
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { splitStatements } from '../revision/split-sql.js';

/** The settings a migration runs with. */
export interface MigrationSettings {
  /** The schema being migrated: alone in `search_path`, unless `searchPath` adds others after it. */
  readonly schema: string;
  /**
   * Schemas searched after the migrated one (e.g. `public`, where extensions often live). Empty by
   * default: an unqualified name must never fall through to another schema's table.
   */
  readonly searchPath: readonly string[];
  readonly lockTimeoutMs: number | null;
  readonly statementTimeoutMs: number | null;
}

/**
 * `SET` statements for the settings, one per line. `local` lasts until the end of the transaction;
 * `session` lasts until {@link resetSettingsSql}.
 *
 * @example
 * settingsSql({ schema: 'asia', searchPath: [], lockTimeoutMs: 5000, statementTimeoutMs: null }, 'local')
 * // => 'SET LOCAL search_path TO "asia";\nSET LOCAL lock_timeout = \'5000ms\';'
 */
export function settingsSql(settings: MigrationSettings, scope: 'local' | 'session'): string {
  const set = scope === 'local' ? 'SET LOCAL' : 'SET';
  const path = [settings.schema, ...settings.searchPath.filter((s) => s !== settings.schema)].map(quoteIdent).join(', ');
  const lines = [`${set} search_path TO ${path};`];
  if (settings.lockTimeoutMs !== null) lines.push(`${set} lock_timeout = ${quoteLiteral(`${Math.round(settings.lockTimeoutMs)}ms`)};`);
  if (settings.statementTimeoutMs !== null) {
    lines.push(`${set} statement_timeout = ${quoteLiteral(`${Math.round(settings.statementTimeoutMs)}ms`)};`);
  }
  return lines.join('\n');
}

/** Undoes {@link settingsSql} with scope `session`. */
export function resetSettingsSql(settings: MigrationSettings): string {
  const lines = ['RESET search_path;'];
  if (settings.lockTimeoutMs !== null) lines.push('RESET lock_timeout;');
  if (settings.statementTimeoutMs !== null) lines.push('RESET statement_timeout;');
  return lines.join('\n');
}

/**
 * What precedes a transactional migration's SQL, in the same query string: `BEGIN` and the
 * settings, ending with a newline. Sending it together with the migration saves round trips; error
 * positions are mapped back by subtracting its length.
 */
export function beginSql(settings: MigrationSettings): string {
  return `BEGIN;\n${settingsSql(settings, 'local')}\n`;
}

/**
 * The SQL text with a `;` after its last statement (inserted right after the statement, not after a
 * trailing comment), so that more statements can follow it.
 *
 * @example
 * terminated('select 1 -- one\n') // => 'select 1; -- one'
 */
export function terminated(sql: string): string {
  const last = splitStatements(sql).at(-1);
  const trimmed = sql.replace(/\s+$/, '');
  if (last === undefined || last.text.endsWith(';')) return trimmed;
  const end = last.offset + last.text.length;
  return `${sql.slice(0, end)};${sql.slice(end)}`.replace(/\s+$/, '');
}

/**
 * Fails (SQLSTATE 25P01) unless the session is inside an explicit transaction block: sent right
 * before a transactional migration's version-table row, in the same query string, so that a
 * migration that ended worlddb's transaction is never recorded as applied.
 */
export const REQUIRE_TRANSACTION_SQL = 'SAVEPOINT worlddb_transaction_open;';

/** SQLSTATE of {@link REQUIRE_TRANSACTION_SQL}'s failure: `no_active_sql_transaction`. */
export const NO_ACTIVE_TRANSACTION = '25P01';

/**
 * Fails (SQLSTATE 25001) when the session is inside a transaction block opened by an earlier query
 * string: sent before a no-transaction migration's version-table row, in the same query string,
 * so that the row commits right away and cannot be rolled back with a transaction the migration
 * left open. (A statement that starts its own transaction has `now() = statement_timestamp()`.)
 */
export const REQUIRE_NO_TRANSACTION_SQL =
  "DO $worlddb$ BEGIN IF now() <> statement_timestamp() THEN RAISE EXCEPTION 'a transaction is open' USING ERRCODE = '25001'; END IF; END $worlddb$;";

/** SQLSTATE of {@link REQUIRE_NO_TRANSACTION_SQL}'s failure: `active_sql_transaction`. */
export const ACTIVE_TRANSACTION = '25001';
