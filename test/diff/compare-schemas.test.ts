import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../src/diff/compare-schemas.js';
import type { EnumUsage, Operation } from '../../src/ops/operation.js';
import { reverseOperations } from '../../src/ops/reverse.js';
import { renderOperations } from '../../src/render/render-operations.js';
import { check, col, enumType, fk, index, schema, table, unique } from './support/build.js';
import { base, capitals, countries } from './support/cases.js';

const kinds = (ops: readonly Operation[]): string[] => ops.map((op) => op.kind);
const noDependents = { checks: [], indexes: [] };

/** `countries` of the base fixture with extra columns. */
const countriesWith = (...extra: ReturnType<typeof col>[]) =>
  table('countries', [...countries.columns, ...extra], {
    primaryKey: ['id'],
    uniques: countries.uniques,
    checks: countries.checks,
    indexes: countries.indexes,
    comment: 'Countries of the region',
  });

describe('compareSchemas', () => {
  it('finds nothing between equal states', () => {
    expect(compareSchemas(base, base)).toEqual([]);
    expect(compareSchemas(schema('asia'), schema('asia'))).toEqual([]);
  });

  it('adds a column', () => {
    const area = col('area', 'integer');
    expect(compareSchemas(base, schema('asia', { tables: [countriesWith(area), capitals] }))).toEqual([
      { kind: 'addColumn', table: 'countries', column: area },
    ]);
  });

  it('adds several columns in the model order, which is the order Postgres will give them', () => {
    const zeta = col('zeta', 'integer');
    const alpha = col('alpha', 'text');
    const ops = compareSchemas(base, schema('asia', { tables: [countriesWith(zeta, alpha), capitals] }));
    expect(ops.map((op) => (op.kind === 'addColumn' ? op.column.name : op.kind))).toEqual(['zeta', 'alpha']);
  });

  it('drops a column, keeping its pre-image', () => {
    const area = col('area', 'integer', { notNull: true, default: '0', comment: 'km²' });
    expect(compareSchemas(schema('asia', { tables: [countriesWith(area), capitals] }), base)).toEqual([
      { kind: 'dropColumn', table: 'countries', column: area },
    ]);
  });

  it('creates a table without its foreign keys, then adds them once every table exists', () => {
    const ops = compareSchemas(schema('asia'), base);
    expect(kinds(ops)).toEqual(['createTable', 'createTable', 'addForeignKey', 'addForeignKey']);
    expect(ops[0]).toMatchObject({ kind: 'createTable', table: { name: 'capitals', foreignKeys: [] } });
    expect(ops[1]).toMatchObject({ kind: 'createTable', table: { name: 'countries' } });
    expect(ops[2]).toMatchObject({ table: 'capitals', foreignKey: { name: 'capitals_country_fkey', refSchema: 'asia' } });
    expect(ops[3]).toMatchObject({ table: 'capitals', foreignKey: { name: 'capitals_currency_fkey', refSchema: 'public' } });
  });

  it('drops foreign keys before the tables, and the table pre-images hold the rest', () => {
    const ops = compareSchemas(base, schema('asia'));
    expect(kinds(ops)).toEqual(['dropForeignKey', 'dropForeignKey', 'dropTable', 'dropTable']);
    const dropCountries = ops.find((op) => op.kind === 'dropTable' && op.table.name === 'countries');
    expect(dropCountries).toEqual({ kind: 'dropTable', table: { ...countries, foreignKeys: [] } });
  });

  it('creates an enum before the column using it, and drops the old one last', () => {
    const from = schema('asia', { enums: [enumType('old', ['a'])], tables: [table('t', [col('o', 'old')])] });
    const to = schema('asia', { enums: [enumType('kind', ['a'])], tables: [table('t', [col('k', 'kind')])] });
    expect(kinds(compareSchemas(from, to))).toEqual(['dropColumn', 'createEnum', 'addColumn', 'dropEnum']);
  });

  it('adds enum labels in place, each placed before the next existing label', () => {
    const t = table('t', [col('k', 'continent', { default: "'Asia'::continent" })]);
    const from = schema('asia', { enums: [enumType('continent', ['Asia', 'Europe'])], tables: [t] });
    const to = schema('asia', { enums: [enumType('continent', ['Africa', 'Asia', 'Europe', 'Oceania'])], tables: [t] });
    const usages = [{ table: 't', column: 'k', array: false, default: "'Asia'::continent" }];
    expect(compareSchemas(from, to)).toEqual([
      { kind: 'addEnumValue', enumName: 'continent', value: 'Africa', before: 'Asia', values: ['Asia', 'Europe'], usages, dependents: noDependents },
      {
        kind: 'addEnumValue',
        enumName: 'continent',
        value: 'Oceania',
        before: null,
        values: ['Africa', 'Asia', 'Europe'],
        usages,
        dependents: noDependents,
      },
    ]);
  });

  it('leaves checks and indexes casting to an enum that only gains labels alone, keeping them for the down rebuild', () => {
    const notWest = check('t_region_check', "(region <> 'West'::region)");
    const south = index('t_south_idx', ['id'], { where: "(region = 'South'::region)" });
    const other = index('t_id_idx', ['id']);
    const tables = [table('t', [col('id', 'integer'), col('region', 'region')], { checks: [notWest], indexes: [other, south] })];
    const from = schema('asia', { enums: [enumType('region', ['North', 'South', 'West'])], tables });
    const to = schema('asia', { enums: [enumType('region', ['East', 'North', 'South', 'West'])], tables });
    const up = compareSchemas(from, to);
    const dependents = { checks: [{ table: 't', check: notWest }], indexes: [{ table: 't', index: south }] };
    expect(up).toEqual([
      {
        kind: 'addEnumValue',
        enumName: 'region',
        value: 'East',
        before: 'North',
        values: ['North', 'South', 'West'],
        usages: [{ table: 't', column: 'region', array: false, default: null }],
        dependents,
      },
    ]);
    const down = reverseOperations(up);
    expect(down).toEqual([{ ...up[0], kind: 'dropEnumValue' }]);
    const sql = renderOperations('asia', down);
    expect(sql.slice(0, 2)).toEqual(['DROP INDEX "t_south_idx"', 'ALTER TABLE "t" DROP CONSTRAINT "t_region_check"']);
    expect(sql.slice(-2)).toEqual([
      `ALTER TABLE "t" ADD CONSTRAINT "t_region_check" CHECK ((region <> 'West'::region))`,
      `CREATE INDEX "t_south_idx" ON "t" (id) WHERE (region = 'South'::region)`,
    ]);
    expect(sql.filter((statement) => statement.includes('t_id_idx'))).toEqual([]);
    expect(renderOperations('asia', up)).toEqual([`ALTER TYPE "region" ADD VALUE 'East' BEFORE 'North'`]);
  });

  it('still drops and re-creates the dependents of a rebuilt enum, and only of that one', () => {
    const region = check('t_region_check', "(region <> 'West'::region)");
    const zone = index('t_zone_idx', ['id'], { where: "(zone = 'a'::zone)" });
    const tables = [table('t', [col('id', 'integer'), col('region', 'region'), col('zone', 'zone')], { checks: [region], indexes: [zone] })];
    const from = schema('asia', { enums: [enumType('region', ['North', 'West']), enumType('zone', ['a', 'b'])], tables });
    const to = schema('asia', { enums: [enumType('region', ['North', 'South', 'West']), enumType('zone', ['b', 'a'])], tables });
    const up = compareSchemas(from, to);
    expect(kinds(up)).toEqual(['dropIndex', 'addEnumValue', 'replaceEnum', 'createIndex']);
    expect(up[1]).toMatchObject({ dependents: { checks: [{ table: 't', check: region }], indexes: [] } });
  });

  it('replaces an enum whose labels are removed or reordered, with the columns to re-cast', () => {
    const tables = [table('t', [col('k', 'continent'), col('ks', 'continent[]'), col('x', 'text')])];
    const from = schema('asia', { enums: [enumType('continent', ['Asia', 'Europe'])], tables });
    const to = schema('asia', { enums: [enumType('continent', ['Europe'])], tables });
    expect(compareSchemas(from, to)).toEqual([
      {
        kind: 'replaceEnum',
        enumName: 'continent',
        from: ['Asia', 'Europe'],
        to: ['Europe'],
        usages: [
          { table: 't', column: 'k', array: false, default: null },
          { table: 't', column: 'ks', array: true, default: null },
        ],
      },
    ]);
  });

  it('changes a column leaving a rebuilt enum first, and leaves it out of the columns to re-cast', () => {
    const from = schema('asia', {
      enums: [enumType('continent', ['Asia', 'Atlantis', 'Europe']), enumType('region', ['a', 'b'])],
      tables: [table('t', [col('kept', 'continent'), col('legacy', 'continent'), col('other', 'continent'), col('list', 'continent')])],
    });
    const to = schema('asia', {
      enums: [enumType('continent', ['Asia', 'Europe']), enumType('region', ['b', 'a'])],
      tables: [table('t', [col('kept', 'continent'), col('legacy', 'text'), col('other', 'region'), col('list', 'continent[]')])],
    });
    const type = (column: string, before: string, after: string): Operation => ({
      kind: 'alterColumnType',
      table: 't',
      column,
      from: before,
      to: after,
      using: null,
      reverseUsing: null,
    });
    const usage = (column: string): EnumUsage => ({ table: 't', column, array: false, default: null });
    const up = compareSchemas(from, to);
    // `other` goes to region, which is rebuilt too: re-cast by the continent rebuild, changed after
    // both; `list` stays with continent (as an array)
    expect(up).toEqual([
      type('legacy', 'continent', 'text'),
      { kind: 'replaceEnum', enumName: 'continent', from: ['Asia', 'Atlantis', 'Europe'], to: ['Asia', 'Europe'], usages: [usage('kept'), usage('list'), usage('other')] },
      { kind: 'replaceEnum', enumName: 'region', from: ['a', 'b'], to: ['b', 'a'], usages: [] },
      type('list', 'continent', 'continent[]'),
      type('other', 'continent', 'region'),
    ]);
    // the down part: the rebuilds first, then `legacy` back to the rebuilt type
    expect(reverseOperations(up).map((op) => (op.kind === 'alterColumnType' ? `${op.column}: ${op.to}` : op.kind))).toEqual([
      'other: continent',
      'list: continent',
      'replaceEnum',
      'replaceEnum',
      'legacy: continent',
    ]);
  });

  it('changes a column in place: type, nullability, default, identity and comment', () => {
    const from = schema('asia', { tables: [table('t', [col('c', 'integer', { default: '0', comment: 'a' })])] });
    const to = schema('asia', {
      tables: [table('t', [col('c', 'integer', { notNull: true, default: '1', comment: 'b' })])],
    });
    expect(compareSchemas(from, to)).toEqual([
      { kind: 'alterColumnNullability', table: 't', column: 'c', notNull: true },
      { kind: 'alterColumnDefault', table: 't', column: 'c', from: '0', to: '1' },
      { kind: 'setColumnComment', table: 't', column: 'c', from: 'a', to: 'b' },
    ]);
  });

  it('drops a default before a type change and sets the new one after it', () => {
    const from = schema('asia', { tables: [table('t', [col('c', 'text', { default: "'1'::text" })])] });
    const to = schema('asia', { tables: [table('t', [col('c', 'integer', { default: '1' })])] });
    expect(compareSchemas(from, to)).toEqual([
      { kind: 'alterColumnDefault', table: 't', column: 'c', from: "'1'::text", to: null },
      { kind: 'alterColumnType', table: 't', column: 'c', from: 'text', to: 'integer', using: null, reverseUsing: null },
      { kind: 'alterColumnDefault', table: 't', column: 'c', from: null, to: '1' },
    ]);
  });

  it('drops and adds a changed constraint, renames one whose definition is the same', () => {
    const from = schema('asia', {
      tables: [table('t', [col('a', 'integer')], { checks: [check('t_a_check', '(a > 0)')], uniques: [unique('u1', ['a'])] })],
    });
    const to = schema('asia', {
      tables: [table('t', [col('a', 'integer')], { checks: [check('t_a_check', '(a > 1)')], uniques: [unique('u2', ['a'])] })],
    });
    expect(compareSchemas(from, to)).toEqual([
      { kind: 'dropCheck', table: 't', check: check('t_a_check', '(a > 0)') },
      { kind: 'renameConstraint', table: 't', from: 'u1', to: 'u2' },
      { kind: 'addCheck', table: 't', check: check('t_a_check', '(a > 1)') },
    ]);
  });

  it('drops and re-adds a foreign key resting on a key that changes', () => {
    const a = (pk: string[]) => table('a', [col('id', 'integer', { notNull: true }), col('k', 'integer', { notNull: true })], { primaryKey: pk });
    const b = table('b', [col('a_id', 'integer')], { foreignKeys: [fk('b_a_id_fkey', ['a_id'], 'a', ['id'])] });
    const from = schema('asia', { tables: [a(['id']), b] });
    const to = schema('asia', {
      tables: [{ ...a(['id']), primaryKey: { name: 'a_pkey2', columns: ['id'] }, checks: [check('a_k_check', '(k > 0)')] }, b],
    });
    // Only renamed: the foreign key survives a rename of the key.
    expect(kinds(compareSchemas(from, to))).toEqual(['renameConstraint', 'addCheck']);
    const changed = schema('asia', { tables: [{ ...a(['id', 'k']), uniques: [unique('a_id_key', ['id'])] }, b] });
    expect(kinds(compareSchemas(from, changed))).toEqual([
      'dropForeignKey',
      'dropPrimaryKey',
      'addUnique',
      'addPrimaryKey',
      'addForeignKey',
    ]);
  });

  it('creates, drops and renames indexes', () => {
    const from = schema('asia', { tables: [table('t', [col('a', 'text')], { indexes: [index('i1', ['a']), index('i2', ['lower(a)'])] })] });
    const to = schema('asia', {
      tables: [table('t', [col('a', 'text')], { indexes: [index('i1', ['a'], { unique: true }), index('i3', ['lower(a)'])] })],
    });
    expect(compareSchemas(from, to)).toEqual([
      { kind: 'dropIndex', table: 't', index: index('i1', ['a']) },
      { kind: 'renameIndex', table: 't', from: 'i2', to: 'i3' },
      { kind: 'createIndex', table: 't', index: index('i1', ['a'], { unique: true }) },
    ]);
  });

  it('sets and removes table comments', () => {
    const from = schema('asia', { tables: [table('t', [], { comment: 'x' })] });
    const to = schema('asia', { tables: [table('t', [])] });
    expect(compareSchemas(from, to)).toEqual([{ kind: 'setTableComment', table: 't', from: 'x', to: null }]);
  });

  it('is deterministic whatever the order of lists in the states', () => {
    const shuffled = (s: typeof base) => ({
      ...s,
      // Column order is part of a table (CREATE TABLE keeps it); everything else is a set.
      tables: [...s.tables].reverse().map((t) => ({
        ...t,
        foreignKeys: [...t.foreignKeys].reverse(),
        uniques: [...t.uniques].reverse(),
        indexes: [...t.indexes].reverse(),
        checks: [...t.checks].reverse(),
      })),
    });
    const to = schema('asia', {
      tables: [
        countriesWith(col('area', 'integer'), col('b', 'text')),
        capitals,
        table('t', [col('a', 'integer'), col('b', 'integer')], {
          uniques: [unique('t_a_key', ['a']), unique('t_b_key', ['b'])],
          indexes: [index('t_a_idx', ['a']), index('t_b_idx', ['b'])],
          checks: [check('t_a_check', '(a > 0)'), check('t_b_check', '(b > 0)')],
        }),
      ],
    });
    expect(compareSchemas(shuffled(schema('asia')), shuffled(to))).toEqual(compareSchemas(schema('asia'), to));
    expect(compareSchemas(shuffled(base), shuffled(to))).toEqual(compareSchemas(base, to));
  });
});
