/**
 * One-line summaries of operations for the terminal (`+ column asia.countries.area (integer)`).
 */
import { describeObjectOperation } from './describe-object.js';
import { isObjectOperation } from './object-operations.js';
import { unknownOperation, type Operation } from './operation.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { identityOptionsSql } from '../schema/identity-options.js';
import { validatableName } from './constraint-detail-operations.js';

/** A name as a reader expects it: bare when plain lower-case, otherwise quoted. */
function show(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}

function columns(names: readonly string[]): string {
  return `(${names.map(show).join(', ')})`;
}

function orNone(value: string | null): string {
  return value ?? 'none';
}

/**
 * A short, one-line summary of `op`: `+` creates, `-` drops, `~` changes or renames. Names are
 * shown qualified with `schema` and quoted only when they need it.
 *
 * @example
 * describeOperation({ kind: 'addColumn', table: 'countries', column: areaColumn }, 'asia')
 * // => '+ column asia.countries.area (integer)'
 */
export function describeOperation(op: Operation, schema: string): string {
  const s = show(schema);
  const t = (table: string): string => `${s}.${show(table)}`;
  const c = (table: string, column: string): string => `${t(table)}.${show(column)}`;
  if (isObjectOperation(op)) return describeObjectOperation(op, t);
  switch (op.kind) {
    case 'createTable':
      return `+ table ${t(op.table.name)}`;
    case 'dropTable':
      return `- table ${t(op.table.name)}`;
    case 'renameTable':
      return `~ table ${t(op.from)} renamed to ${show(op.to)}`;
    case 'addColumn':
      return `+ column ${c(op.table, op.column.name)} (${op.column.type})`;
    case 'dropColumn':
      return `- column ${c(op.table, op.column.name)} (${op.column.type})`;
    case 'renameColumn':
      return `~ column ${c(op.table, op.from)} renamed to ${show(op.to)}`;
    case 'alterColumnType':
      return `~ column ${c(op.table, op.column)} type ${op.from} -> ${op.to}`;
    case 'alterColumnNullability':
      return `~ column ${c(op.table, op.column)} ${op.notNull ? 'set not null' : 'drop not null'}`;
    case 'alterColumnDefault':
      return `~ column ${c(op.table, op.column)} default ${orNone(op.from)} -> ${orNone(op.to)}`;
    case 'alterColumnIdentity':
      return `~ column ${c(op.table, op.column)} identity ${orNone(op.from)} -> ${orNone(op.to)}`;
    case 'addPrimaryKey':
      return `+ primary key ${c(op.table, op.primaryKey.name)} ${columns(op.primaryKey.columns)}`;
    case 'dropPrimaryKey':
      return `- primary key ${c(op.table, op.primaryKey.name)} ${columns(op.primaryKey.columns)}`;
    case 'addUnique':
      return `+ unique ${c(op.table, op.unique.name)} ${columns(op.unique.columns)}`;
    case 'dropUnique':
      return `- unique ${c(op.table, op.unique.name)} ${columns(op.unique.columns)}`;
    case 'addForeignKey':
    case 'dropForeignKey': {
      const fk = op.foreignKey;
      const sign = op.kind === 'addForeignKey' ? '+' : '-';
      return `${sign} foreign key ${c(op.table, fk.name)} ${columns(fk.columns)} -> ${show(fk.refSchema)}.${show(fk.refTable)} ${columns(fk.refColumns)}`;
    }
    case 'addCheck':
      return `+ check ${c(op.table, op.check.name)} (${op.check.expression})`;
    case 'dropCheck':
      return `- check ${c(op.table, op.check.name)} (${op.check.expression})`;
    case 'renameConstraint':
      return `~ constraint ${c(op.table, op.from)} renamed to ${show(op.to)}`;
    case 'createIndex':
      return `+ index ${t(op.index.name)} on ${show(op.table)} (${op.index.keys.join(', ')})`;
    case 'dropIndex':
      return `- index ${t(op.index.name)} on ${show(op.table)} (${op.index.keys.join(', ')})`;
    case 'renameIndex':
      return `~ index ${t(op.from)} renamed to ${show(op.to)}`;
    case 'createEnum':
      return `+ enum ${t(op.enum.name)} (${op.enum.values.map(quoteLiteral).join(', ')})`;
    case 'dropEnum':
      return `- enum ${t(op.enum.name)}`;
    case 'addEnumValue':
      return `+ enum value ${t(op.enumName)} ${quoteLiteral(op.value)}`;
    case 'dropEnumValue':
      return `- enum value ${t(op.enumName)} ${quoteLiteral(op.value)}`;
    case 'replaceEnum':
      return `~ enum ${t(op.enumName)} (${op.from.map(quoteLiteral).join(', ')}) -> (${op.to.map(quoteLiteral).join(', ')})`;
    case 'setTableComment':
      return `~ comment on table ${t(op.table)}`;
    case 'setColumnComment':
      return `~ comment on column ${c(op.table, op.column)}`;
    case 'alterColumnGenerated': {
      const shown = (expression: string | undefined): string => (expression === undefined ? 'none' : `(${expression})`);
      return `~ column ${c(op.table, op.to.name)} generated ${shown(op.from.generated)} -> ${shown(op.to.generated)}`;
    }
    case 'alterIdentityOptions': {
      const shown = (options: typeof op.from): string => (options === null ? 'default' : identityOptionsSql(options));
      return `~ column ${c(op.table, op.column)} identity options ${shown(op.from)} -> ${shown(op.to)}`;
    }
    case 'alterColumnCollation':
      return `~ column ${c(op.table, op.column)} collation ${orNone(op.from)} -> ${orNone(op.to)}`;
    case 'addExclusion':
      return `+ exclusion ${c(op.table, op.exclusion.name)} ${op.exclusion.definition}`;
    case 'dropExclusion':
      return `- exclusion ${c(op.table, op.exclusion.name)} ${op.exclusion.definition}`;
    case 'validateConstraint':
      return `~ constraint ${c(op.table, validatableName(op.constraint))} validated`;
    case 'invalidateConstraint':
      return `~ constraint ${c(op.table, validatableName(op.constraint))} made NOT VALID`;
    case 'setTableLogging':
      return `~ table ${t(op.table)} ${op.unlogged ? 'unlogged' : 'logged'}`;
    case 'setTableStorage':
      return `~ table ${t(op.table)} storage (${(op.from ?? []).join(', ')}) -> (${(op.to ?? []).join(', ')})`;
    case 'setRowSecurity': {
      const shown = (rls: typeof op.from): string => (rls.enabled ? (rls.forced ? 'enabled, forced' : 'enabled') : rls.forced ? 'disabled, forced' : 'disabled');
      return `~ table ${t(op.table)} row level security ${shown(op.from)} -> ${shown(op.to)}`;
    }
    case 'createPolicy':
      return `+ policy ${c(op.table, op.policy.name)} for ${op.policy.command.toLowerCase()} to ${op.policy.roles.join(', ')}`;
    case 'dropPolicy':
      return `- policy ${c(op.table, op.policy.name)} for ${op.policy.command.toLowerCase()} to ${op.policy.roles.join(', ')}`;
    default:
      return unknownOperation(op);
  }
}
