/**
 * One hand-built operation of every kind. Typed as a record over every kind, so adding a kind
 * without a sample fails to compile.
 */
import type { Operation, OperationKind } from '../../../src/ops/operation.js';
import { col, fk, index, table } from '../../diff/support/build.js';
import type { DomainState, FunctionState, SequenceState, TableState, TriggerState, ViewState } from '../../../src/schema/types.js';

const area = col('area', 'integer', { comment: 'km²' });

export const countriesTable: TableState = {
  ...table('countries', [col('id', 'integer', { notNull: true }), col('name', 'text', { notNull: true })], {
    primaryKey: ['id'],
    indexes: [index('countries_name_idx', ['name'])],
    comment: 'Countries',
  }),
  foreignKeys: [],
};

const idSequence: SequenceState = {
  name: 'countries_id_seq',
  type: 'integer',
  start: '1',
  increment: '1',
  minValue: '1',
  maxValue: '2147483647',
  cache: '1',
  cycle: false,
  ownedBy: { table: 'countries', column: 'id' },
};

const yearDomain: DomainState = { name: 'year', type: 'integer', notNull: false, default: null, checks: [{ name: 'year_check', expression: '(VALUE >= 1901)' }] };

const titlesView: ViewState = {
  name: 'titles',
  materialized: true,
  definition: ' SELECT countries.name\n   FROM countries',
  indexes: [index('titles_name_idx', ['name'])],
};

const touchFunction: FunctionState = {
  name: 'touch()',
  functionName: 'touch',
  kind: 'function',
  identityArguments: '',
  result: 'trigger',
  definition: 'CREATE OR REPLACE FUNCTION touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$BEGIN NEW.at = now(); RETURN NEW; END$function$',
};

const touchTrigger: TriggerState = {
  name: 'countries.touch',
  table: 'countries',
  triggerName: 'touch',
  definition: 'CREATE TRIGGER touch BEFORE UPDATE ON countries FOR EACH ROW EXECUTE FUNCTION touch()',
};

const usages = [{ table: 'countries', column: 'continent', array: false, default: "'Asia'::continent" }] as const;

export const samples: { readonly [K in OperationKind]: Extract<Operation, { kind: K }> } = {
  createTable: { kind: 'createTable', table: countriesTable },
  dropTable: { kind: 'dropTable', table: countriesTable },
  renameTable: { kind: 'renameTable', from: 'countries', to: 'nations' },
  addColumn: { kind: 'addColumn', table: 'countries', column: area },
  dropColumn: { kind: 'dropColumn', table: 'countries', column: area },
  renameColumn: { kind: 'renameColumn', table: 'countries', from: 'name', to: 'title' },
  alterColumnType: {
    kind: 'alterColumnType',
    table: 'countries',
    column: 'area',
    from: 'integer',
    to: 'bigint',
    using: null,
    reverseUsing: null,
  },
  alterColumnNullability: { kind: 'alterColumnNullability', table: 'countries', column: 'area', notNull: true },
  alterColumnDefault: { kind: 'alterColumnDefault', table: 'countries', column: 'area', from: null, to: '0' },
  alterColumnIdentity: { kind: 'alterColumnIdentity', table: 'countries', column: 'id', from: null, to: 'always' },
  addPrimaryKey: { kind: 'addPrimaryKey', table: 'countries', primaryKey: { name: 'countries_pkey', columns: ['id'] } },
  dropPrimaryKey: { kind: 'dropPrimaryKey', table: 'countries', primaryKey: { name: 'countries_pkey', columns: ['id'] } },
  addUnique: { kind: 'addUnique', table: 'countries', unique: { name: 'countries_name_key', columns: ['name'] } },
  dropUnique: { kind: 'dropUnique', table: 'countries', unique: { name: 'countries_name_key', columns: ['name'] } },
  addForeignKey: {
    kind: 'addForeignKey',
    table: 'capitals',
    foreignKey: { ...fk('capitals_country_fkey', ['country'], 'countries', ['id']), refSchema: 'asia' },
  },
  dropForeignKey: {
    kind: 'dropForeignKey',
    table: 'capitals',
    foreignKey: { ...fk('capitals_country_fkey', ['country'], 'countries', ['id']), refSchema: 'asia' },
  },
  addCheck: { kind: 'addCheck', table: 'countries', check: { name: 'countries_area_check', expression: '(area > 0)' } },
  dropCheck: { kind: 'dropCheck', table: 'countries', check: { name: 'countries_area_check', expression: '(area > 0)' } },
  renameConstraint: { kind: 'renameConstraint', table: 'nations', from: 'countries_pkey', to: 'nations_pkey' },
  createIndex: { kind: 'createIndex', table: 'countries', index: index('countries_area_idx', ['area']) },
  dropIndex: { kind: 'dropIndex', table: 'countries', index: index('countries_area_idx', ['area']) },
  renameIndex: { kind: 'renameIndex', table: 'nations', from: 'countries_name_idx', to: 'nations_name_idx' },
  createEnum: { kind: 'createEnum', enum: { name: 'continent', values: ['Asia', 'Europe'] } },
  dropEnum: { kind: 'dropEnum', enum: { name: 'continent', values: ['Asia', 'Europe'] } },
  addEnumValue: {
    kind: 'addEnumValue',
    enumName: 'continent',
    value: 'Africa',
    before: 'Asia',
    values: ['Asia', 'Europe'],
    usages,
    dependents: { checks: [], indexes: [] },
  },
  dropEnumValue: {
    kind: 'dropEnumValue',
    enumName: 'continent',
    value: 'Africa',
    before: 'Asia',
    values: ['Asia', 'Europe'],
    usages,
    dependents: { checks: [], indexes: [] },
  },
  replaceEnum: { kind: 'replaceEnum', enumName: 'continent', from: ['Asia', 'Europe'], to: ['Europe', 'Asia'], usages },
  setTableComment: { kind: 'setTableComment', table: 'countries', from: null, to: 'Countries' },
  setColumnComment: { kind: 'setColumnComment', table: 'countries', column: 'area', from: 'km²', to: null },
  alterColumnGenerated: {
    kind: 'alterColumnGenerated',
    table: 'countries',
    from: area,
    to: { ...area, generated: '(id * 2)' },
  },
  alterIdentityOptions: {
    kind: 'alterIdentityOptions',
    table: 'countries',
    column: 'id',
    type: 'integer',
    from: null,
    to: { start: '100', increment: '10' },
  },
  addExclusion: { kind: 'addExclusion', table: 'bookings', exclusion: { name: 'bookings_slot_excl', definition: 'EXCLUDE USING btree (slot WITH =)' } },
  dropExclusion: { kind: 'dropExclusion', table: 'bookings', exclusion: { name: 'bookings_slot_excl', definition: 'EXCLUDE USING btree (slot WITH =)' } },
  validateConstraint: {
    kind: 'validateConstraint',
    table: 'countries',
    constraint: { kind: 'check', check: { name: 'countries_pop_check', expression: '(pop > 0)', notValid: true } },
  },
  invalidateConstraint: {
    kind: 'invalidateConstraint',
    table: 'countries',
    constraint: { kind: 'check', check: { name: 'countries_size_check', expression: '(size > 0)', notValid: true } },
  },
  setTableLogging: { kind: 'setTableLogging', table: 'cache', unlogged: true },
  setTableStorage: { kind: 'setTableStorage', table: 'cache', from: null, to: ['fillfactor=70'] },
  setRowSecurity: { kind: 'setRowSecurity', table: 'docs', from: { enabled: false, forced: false }, to: { enabled: true, forced: false } },
  createPolicy: {
    kind: 'createPolicy',
    table: 'docs',
    policy: { name: 'own_rows', command: 'SELECT', roles: ['public'], using: '(owner = CURRENT_USER)', withCheck: null },
  },
  dropPolicy: {
    kind: 'dropPolicy',
    table: 'docs',
    policy: { name: 'gone', command: 'ALL', roles: ['public'], using: 'false', withCheck: null },
  },
  alterColumnCollation: { kind: 'alterColumnCollation', table: 'countries', column: 'name', type: 'text', from: null, to: '"C"' },
  createSequence: { kind: 'createSequence', sequence: idSequence },
  dropSequence: { kind: 'dropSequence', sequence: idSequence },
  alterSequence: { kind: 'alterSequence', from: idSequence, to: { ...idSequence, increment: '10', cycle: true } },
  setSequenceOwner: { kind: 'setSequenceOwner', sequence: 'countries_id_seq', from: null, to: { table: 'countries', column: 'id' } },
  createDomain: { kind: 'createDomain', domain: yearDomain },
  dropDomain: { kind: 'dropDomain', domain: yearDomain },
  alterDomain: { kind: 'alterDomain', from: yearDomain, to: { ...yearDomain, notNull: true, default: '2000' } },
  createView: { kind: 'createView', view: titlesView },
  dropView: { kind: 'dropView', view: titlesView },
  createFunction: { kind: 'createFunction', function: touchFunction },
  dropFunction: { kind: 'dropFunction', function: touchFunction },
  replaceFunction: { kind: 'replaceFunction', from: touchFunction, to: { ...touchFunction, definition: touchFunction.definition.replace('now()', 'clock_timestamp()') } },
  createTrigger: { kind: 'createTrigger', trigger: touchTrigger },
  dropTrigger: { kind: 'dropTrigger', trigger: touchTrigger },
  createExtension: { kind: 'createExtension', extension: { name: 'pg_trgm', schema: 'asia' } },
  dropExtension: { kind: 'dropExtension', extension: { name: 'pg_trgm', schema: 'asia' } },
};

export const allSamples: readonly Operation[] = Object.values(samples);
