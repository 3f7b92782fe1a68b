import { describe, expect, it } from 'vitest';
import { reverseOperation, reverseOperations } from '../../src/ops/reverse.js';
import { allSamples, samples } from './support/samples.js';

describe('reverseOperation', () => {
  it.each(allSamples.map((op) => [op.kind, op] as const))('reverse(reverse(%s)) is the operation itself', (_kind, op) => {
    expect(reverseOperation(reverseOperation(op))).toEqual(op);
  });

  it('turns a create into a drop holding the same pre-image, and back', () => {
    expect(reverseOperation(samples.createTable)).toEqual({ kind: 'dropTable', table: samples.createTable.table });
    expect(reverseOperation(samples.dropColumn)).toEqual({ kind: 'addColumn', table: 'countries', column: samples.dropColumn.column });
    expect(reverseOperation(samples.dropEnum)).toEqual({ kind: 'createEnum', enum: samples.dropEnum.enum });
  });

  it('swaps the two sides of changes, renames and comments', () => {
    expect(reverseOperation(samples.renameTable)).toEqual({ kind: 'renameTable', from: 'nations', to: 'countries' });
    expect(reverseOperation(samples.alterColumnDefault)).toEqual({
      kind: 'alterColumnDefault',
      table: 'countries',
      column: 'area',
      from: '0',
      to: null,
    });
    expect(reverseOperation(samples.alterColumnNullability)).toMatchObject({ notNull: false });
    expect(reverseOperation(samples.replaceEnum)).toMatchObject({ from: ['Europe', 'Asia'], to: ['Asia', 'Europe'] });
  });

  it('swaps USING expressions with the type', () => {
    const op = { ...samples.alterColumnType, from: 'text', to: 'integer', using: 'area::integer', reverseUsing: 'area::text' };
    expect(reverseOperation(op)).toMatchObject({ from: 'integer', to: 'text', using: 'area::text', reverseUsing: 'area::integer' });
  });

  it('reverses an added enum label into a removal that keeps what is needed to rebuild the type', () => {
    expect(reverseOperation(samples.addEnumValue)).toEqual({ ...samples.addEnumValue, kind: 'dropEnumValue' });
  });
});

describe('reverseOperations', () => {
  it('reverses each operation, in reverse order', () => {
    const up = [samples.createEnum, samples.createTable, samples.addForeignKey];
    expect(reverseOperations(up)).toEqual([
      reverseOperation(samples.addForeignKey),
      reverseOperation(samples.createTable),
      reverseOperation(samples.createEnum),
    ]);
  });

  it('does not change its input', () => {
    const up = [samples.createEnum, samples.createTable];
    reverseOperations(up);
    expect(up).toEqual([samples.createEnum, samples.createTable]);
  });
});
