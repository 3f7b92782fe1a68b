import { describe, expect, it } from 'vitest';
import { deepEqual, differences, pairRenamed } from '../../src/diff/differences.js';

const item = (name: string, n = 1) => ({ name, n });

describe('differences', () => {
  it('splits into added, removed, modified and unchanged, each sorted by name', () => {
    const result = differences([item('d'), item('b'), item('a', 1), item('c')], [item('c'), item('e'), item('a', 2), item('B')]);
    expect(result.added).toEqual([item('B'), item('e')]);
    expect(result.removed).toEqual([item('b'), item('d')]);
    expect(result.modified).toEqual([{ from: item('a', 1), to: item('a', 2) }]);
    expect(result.unchanged).toEqual([{ from: item('c'), to: item('c') }]);
  });

  it('takes an equality', () => {
    const result = differences([item('a', 1)], [item('a', 2)], () => true);
    expect(result.modified).toEqual([]);
    expect(result.unchanged).toHaveLength(1);
  });

  it('refuses duplicate names (a bug upstream)', () => {
    expect(() => differences([item('a'), item('a')], [])).toThrow(/duplicate/);
  });
});

describe('deepEqual', () => {
  it('compares plain data structurally', () => {
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('pairRenamed', () => {
  it('pairs removed and added items with the same definition, in order', () => {
    const result = pairRenamed([item('a', 1), item('b', 2)], [item('x', 2), item('y', 3)], (p, q) => p.n === q.n);
    expect(result.renamed).toEqual([{ from: item('b', 2), to: item('x', 2) }]);
    expect(result.removed).toEqual([item('a', 1)]);
    expect(result.added).toEqual([item('y', 3)]);
  });
});
