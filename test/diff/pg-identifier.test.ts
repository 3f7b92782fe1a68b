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
    // The E of an escape string is part of the string, not a column named e.
    expect(renameInExpression("(e = E'x')", new Map([['e', 'f']]))).toBe("(f = E'x')");
  });

  it('renames the column of an index key, not its collation, operator class or NULLS FIRST / LAST', () => {
    const options = new Map([
      ['name', 'title'],
      ['jsonb_path_ops', 'x'],
      ['text_pattern_ops', 'x'],
      ['first', 'x'],
      ['last', 'x'],
      ['varying', 'x'],
      ['zone', 'x'],
      ['C', 'x'],
    ]);
    expect(renameInExpression('name DESC NULLS LAST', options)).toBe('title DESC NULLS LAST');
    expect(renameInExpression('name NULLS FIRST', options)).toBe('title NULLS FIRST');
    expect(renameInExpression('name COLLATE "C" text_pattern_ops DESC', options)).toBe('title COLLATE "C" text_pattern_ops DESC');
    expect(renameInExpression('"name" jsonb_path_ops', options)).toBe('title jsonb_path_ops');
    expect(renameInExpression('lower(name) text_pattern_ops', options)).toBe('lower(title) text_pattern_ops');
    expect(renameInExpression('((name)::character varying) DESC', options)).toBe('((title)::character varying) DESC');
    expect(renameInExpression('((first > 0) AND (last < 0))', options)).toBe('((x > 0) AND (x < 0))');
    expect(renameInExpression("((name)::timestamp with time zone > '2020-01-01'::date)", options)).toBe(
      "((title)::timestamp with time zone > '2020-01-01'::date)",
    );
    expect(renameInExpression('(((name)::text IS NULL) OR zone)', options)).toBe('(((title)::text IS NULL) OR x)');
    expect(renameInExpression('((name)::text = zone)', options)).toBe('((title)::text = x)');
  });

  it('does nothing without renames', () => {
    expect(renameInExpression('(population > 0)', new Map())).toBe('(population > 0)');
  });
});
