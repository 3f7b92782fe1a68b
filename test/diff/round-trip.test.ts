import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../src/diff/compare-schemas.js';
import { reverseOperations } from '../../src/ops/reverse.js';
import { orderOperations } from '../../src/ops/order-operations.js';
import { renderOperations } from '../../src/render/render-operations.js';
import { applyOperations, normalize } from './support/apply.js';
import { cases } from './support/cases.js';

function invert(hints: (typeof cases)[number]['renames']): (typeof cases)[number]['renames'] {
  if (hints === undefined) return undefined;
  const tables = new Map([...(hints.tables ?? new Map<string, string>())].map(([a, b]) => [b, a] as const));
  const columns = new Map(
    [...(hints.columns ?? new Map<string, ReadonlyMap<string, string>>())].map(([table, renames]) => {
      const oldTable = [...tables].find(([, old]) => old === table)?.[0];
      const key = oldTable === undefined ? table : ([...(hints.tables ?? [])].find(([, n]) => n === table)?.[0] ?? table);
      return [key, new Map([...renames].map(([a, b]) => [b, a] as const))] as const;
    }),
  );
  return { tables, columns };
}

describe.each(cases)('round trip: $name', ({ from, to, renames }) => {
  const up = compareSchemas(from, to, { renames });

  it('applying up to the database gives the model', () => {
    expect(applyOperations(from, up)).toEqual(normalize(to));
  });

  it('comparing again finds nothing', () => {
    expect(compareSchemas(applyOperations(from, up), to)).toEqual([]);
  });

  it('applying the reversed operations to the model gives the database back', () => {
    expect(applyOperations(to, reverseOperations(up))).toEqual(normalize(from));
  });

  it('the reverse has the same effect as comparing the other way', () => {
    const other = compareSchemas(to, from, { renames: invert(renames) });
    expect(applyOperations(to, other)).toEqual(applyOperations(to, reverseOperations(up)));
  });

  it('is already in order and deterministic', () => {
    expect(orderOperations(up)).toEqual(up);
    expect(orderOperations([...up].reverse())).toEqual(orderOperations(up));
    expect(compareSchemas(from, to, { renames })).toEqual(up);
  });

  it('reverse of reverse is the identity', () => {
    expect(reverseOperations(reverseOperations(up))).toEqual(up);
  });

  it('renders', () => {
    expect(() => renderOperations(to.name, up)).not.toThrow();
    expect(() => renderOperations(from.name, reverseOperations(up))).not.toThrow();
  });
});
