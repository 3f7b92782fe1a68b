/**
 * One hand-built operation of every kind. Typed as a record over every kind, so adding a kind
 * without a sample fails to compile.
 */
import type { Operation, OperationKind } from '../../../src/ops/operation.js';
import { col, fk, index, table } from '../../diff/support/build.js';
import type { TableState } from '../../../src/schema/types.js';

const area = col('area', 'integer', { comment: 'km²' });

export const countriesTable: TableState = {
  ...table('countries', [col('id', 'integer', { notNull: true }), col('name', 'text', { notNull: true })], {
    primaryKey: ['id'],
    indexes: [index('countries_name_idx', ['name'])],
    comment: 'Countries',
  }),
  foreignKeys: [],
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
  alterColumnCollation: { kind: 'alterColumnCollation', table: 'countries', column: 'name', type: 'text', from: null, to: '"C"' },
};

export const allSamples: readonly Operation[] = Object.values(samples);
