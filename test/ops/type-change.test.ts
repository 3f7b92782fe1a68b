import { describe, expect, it } from 'vitest';
import { parseType, typeChangeKeepsValues, typeChangeNeedsUsing } from '../../src/ops/type-change.js';

describe('parseType', () => {
  it('splits base, modifiers and array dimensions, and understands aliases', () => {
    expect(parseType('character varying(100)')).toEqual({ base: 'character varying', modifiers: [100], dimensions: 0 });
    expect(parseType('numeric(10,2)[]')).toEqual({ base: 'numeric', modifiers: [10, 2], dimensions: 1 });
    expect(parseType('timestamp(3) with time zone')).toEqual({ base: 'timestamp with time zone', modifiers: [3], dimensions: 0 });
    expect(parseType('varchar(5)')).toEqual({ base: 'character varying', modifiers: [5], dimensions: 0 });
    expect(parseType('timestamptz')).toEqual({ base: 'timestamp with time zone', modifiers: [], dimensions: 0 });
    expect(parseType('"Odd (type)"[]')).toEqual({ base: '"Odd (type)"', modifiers: [], dimensions: 1 });
  });
});

describe('typeChangeKeepsValues', () => {
  it.each([
    ['character varying(50)', 'character varying(100)'],
    ['character varying(50)', 'character varying'],
    ['character varying(50)', 'text'],
    ['character(2)', 'character varying(2)'],
    ['smallint', 'integer'],
    ['integer', 'bigint'],
    ['integer', 'numeric'],
    ['integer', 'numeric(12,2)'],
    ['integer', 'double precision'],
    ['real', 'double precision'],
    ['numeric(5,2)', 'numeric(10,2)'],
    ['numeric(5,2)', 'numeric'],
    ['date', 'timestamp with time zone'],
    ['timestamp(3) without time zone', 'timestamp without time zone'],
    ['continent', 'text'],
    ['integer[]', 'bigint[]'],
    ['integer[]', 'text'],
    ['jsonb', 'json'],
  ])('%s -> %s is safe', (from, to) => {
    expect(typeChangeKeepsValues(from, to)).toBe(true);
  });

  it.each([
    ['character varying(100)', 'character varying(50)'],
    ['text', 'character varying(10)'],
    ['text', 'integer'],
    ['bigint', 'integer'],
    ['integer', 'smallint'],
    ['integer', 'real'],
    ['bigint', 'double precision'],
    ['numeric', 'numeric(10,2)'],
    ['numeric(10,2)', 'numeric(10,3)'],
    ['double precision', 'integer'],
    ['timestamp with time zone', 'date'],
    ['json', 'jsonb'],
    ['text', 'continent'],
    ['integer', 'boolean'],
    ['text', 'text[]'],
  ])('%s -> %s is flagged', (from, to) => {
    expect(typeChangeKeepsValues(from, to)).toBe(false);
  });
});

describe('typeChangeNeedsUsing', () => {
  it.each([
    ['integer', 'bigint'],
    ['bigint', 'integer'],
    ['numeric(10,2)', 'integer'],
    ['character varying(10)', 'text'],
    ['integer', 'text'],
    ['continent', 'text'],
    ['date', 'timestamp without time zone'],
    ['timestamp with time zone', 'date'],
    ['json', 'jsonb'],
    ['integer[]', 'text[]'],
  ])('%s -> %s works without USING', (from, to) => {
    expect(typeChangeNeedsUsing(from, to)).toBe(false);
  });

  it.each([
    ['text', 'integer'],
    ['text', 'continent'],
    ['integer', 'boolean'],
    ['text', 'uuid'],
    ['date', 'time without time zone'],
    ['text[]', 'integer[]'],
    ['text', 'text[]'],
  ])('%s -> %s needs USING', (from, to) => {
    expect(typeChangeNeedsUsing(from, to)).toBe(true);
  });
});
