import { describe, expect, it } from 'vitest';
import { enumTypeUse, renameInExpression } from '../../src/diff/pg-identifier.js';
import { printIdentifier } from '../../src/sql/print-identifier.js';

describe('printIdentifier', () => {
  it('prints like quote_identifier', () => {
    expect(printIdentifier('population')).toBe('population');
    expect(printIdentifier('_x1')).toBe('_x1');
    expect(printIdentifier('Population')).toBe('"Population"');
    expect(printIdentifier('1st')).toBe('"1st"');
    expect(printIdentifier('order')).toBe('"order"');
    expect(printIdentifier('integer')).toBe('"integer"');
    expect(printIdentifier('value')).toBe('value');
    expect(printIdentifier('a"b')).toBe('"a""b"');
  });
});

describe('enumTypeUse', () => {
  it('recognises an enum and arrays of it, quoted as format_type quotes them', () => {
    expect(enumTypeUse('continent', 'continent')).toEqual({ array: false });
    expect(enumTypeUse('continent[]', 'continent')).toEqual({ array: true });
    expect(enumTypeUse('"Odd E"[]', 'Odd E')).toEqual({ array: true });
    expect(enumTypeUse('"integer"', 'integer')).toEqual({ array: false });
    expect(enumTypeUse('text', 'continent')).toBeNull();
    expect(enumTypeUse('public.continent', 'continent')).toBeNull();
  });
});

describe('renameInExpression', () => {
  const renames = new Map([
    ['population', 'pop'],
    ['Code', 'code'],
    ['lower', 'x'],
    ['a', 'Select'],
  ]);

  it('renames column references, bare or quoted', () => {
    expect(renameInExpression('(population >= 0)', renames)).toBe('(pop >= 0)');
    expect(renameInExpression('(length("Code") = 2)', renames)).toBe('(length(code) = 2)');
    expect(renameInExpression('(a > 0)', renames)).toBe('("Select" > 0)');
  });

  it('leaves string literals, function names, type names and keywords alone', () => {
    expect(renameInExpression("(lower(\"Code\") <> 'population'::text)", renames)).toBe("(lower(code) <> 'population'::text)");
    expect(renameInExpression("(x = E'a\\'population')", renames)).toBe("(x = E'a\\'population')");
    expect(renameInExpression("('it''s population' = population)", renames)).toBe("('it''s population' = pop)");
    expect(renameInExpression('(v)::population', renames)).toBe('(v)::population');
    expect(renameInExpression('(POPULATION IS NOT NULL)', renames)).toBe('(pop IS NOT NULL)');
    expect(renameInExpression('(name COLLATE "Code")', renames)).toBe('(name COLLATE "Code")');
  });

  it('does nothing without renames', () => {
    expect(renameInExpression('(population > 0)', new Map())).toBe('(population > 0)');
  });
});
