/**
 * SQL of the table-setting operations (UNLOGGED, storage parameters, row-level security,
 * policies) and of those parts of `CREATE TABLE`.
 */
import type { TableSettingOperation } from '../ops/table-setting-operations.js';
import type { PolicyState, TableState } from '../schema/types.js';
import { quoteIdent } from '../sql/quote.js';

/** The name of a storage parameter item (`fillfactor` of `fillfactor=70`). */
function parameterName(item: string): string {
  const at = item.indexOf('=');
  return at < 0 ? item : item.slice(0, at);
}

/** `CREATE POLICY ...` for `policy` on `table`. */
export function createPolicy(table: string, policy: PolicyState): string {
  const roles = policy.roles.map((role) => (role === 'public' ? 'PUBLIC' : role)).join(', ');
  let statement = `CREATE POLICY ${quoteIdent(policy.name)} ON ${quoteIdent(table)}`;
  if (policy.restrictive === true) statement += ' AS RESTRICTIVE';
  statement += ` FOR ${policy.command} TO ${roles}`;
  if (policy.using !== null) statement += ` USING (${policy.using})`;
  if (policy.withCheck !== null) statement += ` WITH CHECK (${policy.withCheck})`;
  return statement;
}

function rowSecurityStatements(table: string, from: { enabled: boolean; forced: boolean }, to: { enabled: boolean; forced: boolean }): string[] {
  const statements: string[] = [];
  if (from.enabled !== to.enabled) {
    statements.push(`ALTER TABLE ${quoteIdent(table)} ${to.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`);
  }
  if (from.forced !== to.forced) {
    statements.push(`ALTER TABLE ${quoteIdent(table)} ${to.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`);
  }
  return statements;
}

/** `CREATE [UNLOGGED] TABLE`: the word after CREATE. */
export function tableKindWord(table: TableState): string {
  return table.unlogged === true ? 'UNLOGGED ' : '';
}

/** ` WITH (...)` after the column list of `CREATE TABLE`, or nothing. */
export function tableStorageClause(table: TableState): string {
  return table.with === undefined ? '' : ` WITH (${table.with.join(', ')})`;
}

/** The statements after `CREATE TABLE` that set row-level security and create the policies. */
export function tableSecurityStatements(table: TableState): string[] {
  return [
    ...rowSecurityStatements(table.name, { enabled: false, forced: false }, { enabled: table.rowSecurity === true, forced: table.forceRowSecurity === true }),
    ...(table.policies ?? []).map((policy) => createPolicy(table.name, policy)),
  ];
}

/**
 * The statements of one table-setting operation.
 *
 * @example
 * renderTableSetting({ kind: 'setTableLogging', table: 't', unlogged: true })
 * // => ['ALTER TABLE "t" SET UNLOGGED']
 */
export function renderTableSetting(op: TableSettingOperation): string[] {
  switch (op.kind) {
    case 'setTableLogging':
      return [`ALTER TABLE ${quoteIdent(op.table)} SET ${op.unlogged ? 'UNLOGGED' : 'LOGGED'}`];
    case 'setTableStorage': {
      const kept = new Set((op.to ?? []).map(parameterName));
      const reset = (op.from ?? []).map(parameterName).filter((name) => !kept.has(name));
      const statements: string[] = [];
      if (reset.length > 0) statements.push(`ALTER TABLE ${quoteIdent(op.table)} RESET (${reset.join(', ')})`);
      if (op.to !== null && op.to.length > 0) statements.push(`ALTER TABLE ${quoteIdent(op.table)} SET (${op.to.join(', ')})`);
      return statements;
    }
    case 'setRowSecurity':
      return rowSecurityStatements(op.table, op.from, op.to);
    case 'createPolicy':
      return [createPolicy(op.table, op.policy)];
    case 'dropPolicy':
      return [`DROP POLICY ${quoteIdent(op.policy.name)} ON ${quoteIdent(op.table)}`];
  }
}
