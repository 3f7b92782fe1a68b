import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/ops/operation.js';
import { orderOperations } from '../../src/ops/order-operations.js';
import { reverseOperations } from '../../src/ops/reverse.js';
import { col, fk, table } from '../diff/support/build.js';
import { allSamples, samples } from './support/samples.js';

const kinds = (ops: readonly Operation[]): string[] => ops.map((op) => op.kind);
const plain = (t: ReturnType<typeof table>) => ({ ...t, foreignKeys: [] });

describe('orderOperations', () => {
  it('adds a foreign key to a new table after creating that table', () => {
    const createCurrencies: Operation = { kind: 'createTable', table: plain(table('currencies', [col('code', 'text')])) };
    const addForeignKey: Operation = {
      kind: 'addForeignKey',
      table: 'capitals',
      foreignKey: { ...fk('capitals_currency_fkey', ['currency'], 'currencies', ['code']), refSchema: 'asia' },
    };
    expect(orderOperations([addForeignKey, createCurrencies])).toEqual([createCurrencies, addForeignKey]);
  });

  it('adds keys before the foreign keys resting on them', () => {
    // countries_name_key sorts before countries_pkey: keys of one phase go by name.
    expect(kinds(orderOperations([samples.addForeignKey, samples.addPrimaryKey, samples.addUnique]))).toEqual([
      'addUnique',
      'addPrimaryKey',
      'addForeignKey',
    ]);
  });

  it('drops a foreign key before the table or key it references', () => {
    expect(kinds(orderOperations([samples.dropTable, samples.dropPrimaryKey, samples.dropForeignKey]))).toEqual([
      'dropForeignKey',
      'dropPrimaryKey',
      'dropTable',
    ]);
  });

  it('creates an enum before a table or column using it, and drops enums last', () => {
    const ops = [samples.dropEnum, samples.addColumn, samples.createTable, samples.dropColumn, samples.createEnum];
    expect(kinds(orderOperations(ops))).toEqual(['dropColumn', 'createEnum', 'createTable', 'addColumn', 'dropEnum']);
  });

  it('drops a default before a type change and sets the new one after it', () => {
    const drop: Operation = { kind: 'alterColumnDefault', table: 't', column: 'c', from: "'x'::text", to: null };
    const set: Operation = { kind: 'alterColumnDefault', table: 't', column: 'c', from: null, to: '1' };
    const type: Operation = { ...samples.alterColumnType, table: 't', column: 'c', from: 'text', to: 'integer' };
    expect(orderOperations([set, type, drop])).toEqual([drop, type, set]);
  });

  it('renames first, so that later operations can use the new names', () => {
    expect(kinds(orderOperations([samples.addColumn, samples.renameColumn, samples.renameTable]))).toEqual([
      'renameTable',
      'renameColumn',
      'addColumn',
    ]);
  });

  it('orders added enum labels in sequence and removed ones in reverse sequence', () => {
    const first: Operation = { ...samples.addEnumValue, value: 'x', before: null, values: ['a'] };
    const second: Operation = { ...samples.addEnumValue, value: 'y', before: null, values: ['a', 'x'] };
    expect(orderOperations([second, first])).toEqual([first, second]);
    const removeSecond: Operation = { ...second, kind: 'dropEnumValue' };
    const removeFirst: Operation = { ...first, kind: 'dropEnumValue' };
    expect(orderOperations([removeFirst, removeSecond])).toEqual([removeSecond, removeFirst]);
  });

  describe('a column leaving an enum whose labels change', () => {
    const type = (column: string, from: string, to: string): Operation => ({
      kind: 'alterColumnType',
      table: 't',
      column,
      from,
      to,
      using: null,
      reverseUsing: null,
    });
    const rebuild: Operation = { kind: 'replaceEnum', enumName: 'continent', from: ['Asia', 'Atlantis'], to: ['Asia'], usages: [] };
    const zone: Operation = { kind: 'createEnum', enum: { name: 'zone', values: ['Asia'] } };

    it('changes type before the enum changes (after the enums it may go to are created)', () => {
      const leave = type('legacy', 'continent', 'text');
      const toNewEnum = type('moved', 'continent', 'zone');
      const enter = type('added', 'text', 'continent');
      const array = type('list', 'continent', 'continent[]');
      const drop: Operation = { kind: 'alterColumnDefault', table: 't', column: 'legacy', from: "'Asia'::continent", to: null };
      expect(orderOperations([enter, array, rebuild, toNewEnum, leave, zone, drop])).toEqual([
        drop,
        zone,
        leave,
        toNewEnum,
        rebuild,
        enter,
        array,
      ]);
    });

    it('does so for added labels too, and for enums named as Postgres prints them', () => {
      const add: Operation = { kind: 'addEnumValue', enumName: 'Odd E', value: 'b', before: null, values: ['a'], usages: [], dependents: { checks: [], indexes: [] } };
      const leave = type('c', '"Odd E"[]', 'text[]');
      expect(orderOperations([add, leave])).toEqual([leave, add]);
    });

    it('changes type at the usual place when the enum keeps its labels or goes to another changing enum', () => {
      const addColumn: Operation = { kind: 'addColumn', table: 't', column: col('a', 'text') };
      const leave = type('legacy', 'continent', 'text');
      expect(orderOperations([leave, addColumn])).toEqual([addColumn, leave]);
      const region: Operation = { kind: 'replaceEnum', enumName: 'region', from: ['a', 'b'], to: ['b', 'a'], usages: [] };
      const toRegion = type('other', 'continent', 'region');
      expect(orderOperations([toRegion, region, rebuild])).toEqual([rebuild, region, toRegion]);
    });

    it('comes back to the enum after it is changed back, in the reversed operations', () => {
      const up = orderOperations([rebuild, type('legacy', 'continent', 'text')]);
      const down = reverseOperations(up);
      expect(down).toEqual([
        { ...rebuild, from: ['Asia'], to: ['Asia', 'Atlantis'] },
        type('legacy', 'text', 'continent'),
      ]);
      expect(orderOperations(down)).toEqual(down);
    });
  });

  it('sorts by table then object name inside a phase, by code unit whatever the locale', () => {
    const drop = (t: string, c: string): Operation => ({ kind: 'dropColumn', table: t, column: col(c, 'text') });
    const ops = [drop('b', 'a'), drop('a', 'z'), drop('a', 'B'), drop('B', 'a')];
    expect(orderOperations(ops)).toEqual([drop('B', 'a'), drop('a', 'B'), drop('a', 'z'), drop('b', 'a')]);
  });

  it('keeps added columns of a table in the order given (the model order), tables sorted', () => {
    const add = (t: string, c: string): Operation => ({ kind: 'addColumn', table: t, column: col(c, 'text') });
    const ops = [add('b', 'zeta'), add('a', 'zeta'), add('a', 'alpha'), add('B', 'm')];
    expect(orderOperations(ops)).toEqual([add('B', 'm'), add('a', 'zeta'), add('a', 'alpha'), add('b', 'zeta')]);
  });

  it('gives the same result for any order of the input', () => {
    const ordered = orderOperations(allSamples);
    expect(orderOperations([...allSamples].reverse())).toEqual(ordered);
    const rotated = [...allSamples.slice(7), ...allSamples.slice(0, 7)];
    expect(orderOperations(rotated)).toEqual(ordered);
  });

  it('does not change its input', () => {
    const input = [samples.dropEnum, samples.createEnum];
    orderOperations(input);
    expect(input).toEqual([samples.dropEnum, samples.createEnum]);
  });
});
