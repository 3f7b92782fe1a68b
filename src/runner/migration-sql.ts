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
