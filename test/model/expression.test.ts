import { describe, expect, it } from 'vitest';
import { printExpression, referencedColumns, unknownColumns, unknownIndexKeyColumns } from '../../src/model/expression.js';
import { printIdentifier } from '../../src/model/index.js';

describe('printExpression (as pg_get_constraintdef / pg_get_expr print simple predicates)', () => {
  it('wraps an operator expression once and capitalises IS / NOT / NULL / AND / OR', () => {
    expect(printExpression('population >= 0')).toBe('(population >= 0)');
    expect(printExpression('  deleted_at is null ')).toBe('(deleted_at IS NULL)');
    expect(printExpression('not (x > 1)')).toBe('(NOT (x > 1))');
  });

  it('keeps a column, a call, or an already parenthesised expression', () => {
    expect(printExpression('active')).toBe('active');
    expect(printExpression('is_valid(code)')).toBe('is_valid(code)');
    expect(printExpression('(a > 0)')).toBe('(a > 0)');
    expect(printExpression('true')).toBe('true');
  });

  it('leaves strings and quoted names alone', () => {
    expect(printExpression(`status <> 'is null'`)).toBe(`(status <> 'is null')`);
    expect(printExpression(`"and" = 1`)).toBe(`("and" = 1)`);
    expect(printExpression('(a > 0) and (b > 0)')).toBe('((a > 0) AND (b > 0))');
  });
});

describe('referencedColumns (which decides <table>_<col>_check or <table>_check)', () => {
  const cols = ['a', 'b', 'Name', 'lower'];
  it('finds columns, folding unquoted words to lower case', () => {
    expect(referencedColumns('A > 0 and b < a', cols)).toEqual(['a', 'b']);
    expect(referencedColumns('"Name" <> \'\'', cols)).toEqual(['Name']);
    expect(referencedColumns('Name <> \'\'', cols)).toEqual([]);
  });

  it('skips functions, types, strings and comments', () => {
    expect(referencedColumns("lower(b) = 'a' -- a\n", cols)).toEqual(['b']);
    expect(referencedColumns('b::lower > 0 /* a */', cols)).toEqual(['b']);
  });
});

describe('printIdentifier (quote_identifier)', () => {
  it('quotes only names that need it', () => {
    expect(printIdentifier('countries')).toBe('countries');
    expect(printIdentifier('_x1')).toBe('_x1');
    expect(printIdentifier('Countries')).toBe('"Countries"');
    expect(printIdentifier('my table')).toBe('"my table"');
    expect(printIdentifier('1a')).toBe('"1a"');
    expect(printIdentifier('a"b')).toBe('"a""b"');
  });

  it('quotes reserved, type/function-name and column-name keywords but not unreserved ones', () => {
    expect(printIdentifier('order')).toBe('"order"');
    expect(printIdentifier('left')).toBe('"left"');
    expect(printIdentifier('integer')).toBe('"integer"');
    expect(printIdentifier('name')).toBe('name');
    expect(printIdentifier('text')).toBe('text');
    expect(printIdentifier('comment')).toBe('comment');
  });
});

describe('unknownColumns / unknownIndexKeyColumns (conservative: only clear column references)', () => {
  const cols = ['a', 'name', 'Mixed'];
  it('reports bare names that are not columns, once, folded to lower case', () => {
    expect(unknownColumns('Nope > 0 AND nope < a AND "Other" = 1', cols)).toEqual(['nope', 'Other']);
    expect(unknownColumns('lower(x) = upper(name)', cols)).toEqual(['x']);
    expect(unknownColumns('mixed > 0', cols)).toEqual(['mixed']);
  });

  it('skips functions, qualified names, types, collations, typed literals, keywords and number suffixes', () => {
    expect(unknownColumns("f(a) AND s.f(a) AND t.a > 0 AND a::timestamp with time zone < now() AND CAST(a AS double precision) > 1e5", cols)).toEqual([]);
    expect(unknownColumns(`name COLLATE "C" > 'x y' AND name::asia."Enum"[] IS NULL AND date '2000-01-01' < current_date`, cols)).toEqual([]);
    expect(unknownColumns("E'it\\'s x' <> name AND U&'d\\0061t' <> name AND B'101' IS NOT NULL AND xmlelement(name foo) IS NULL", cols)).toEqual([]);
    expect(unknownColumns('a::int AND nope', cols)).toEqual(['nope']);
  });

  it('reads index element options as options', () => {
    expect(unknownIndexKeyColumns('name text_pattern_ops DESC NULLS LAST', cols)).toEqual([]);
    expect(unknownIndexKeyColumns('lower(name) COLLATE "C" gist_trgm_ops(siglen=32)', cols)).toEqual([]);
    expect(unknownIndexKeyColumns('nope DESC', cols)).toEqual(['nope']);
    expect(unknownIndexKeyColumns('(a + nope) DESC', cols)).toEqual(['nope']);
  });
});
