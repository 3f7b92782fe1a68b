/**
 * Default names. Expected values were taken from PostgreSQL 18.6 (PGlite) creating the same
 * objects without names.
 */
import { describe, expect, it } from 'vitest';
import { check, defineSchema, foreignKey, index, integer, jsonb, makeObjectName, modelToState, sql, table, text, unique } from '../../src/model/index.js';
import { indexExpressionName, indexKeyName } from '../../src/model/expression.js';
import { columnNamesAddition, indexColumnNames } from '../../src/model/pg-naming.js';
import type { TableState } from '../../src/schema/types.js';

const long63 = 'averyveryveryveryveryveryveryverylongtablename_abcdefghijklmnop';
const col63 = 'averyveryveryveryveryveryveryverylongcolumnname_abcdefghijklmno';

function tableState(tables: Parameters<typeof defineSchema>[1]['tables'], name: string): TableState {
  const state = modelToState(defineSchema('s', { tables }));
  const t = state.tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  return t;
}

describe('makeObjectName (truncation to 63 bytes)', () => {
  it('joins short names unchanged', () => {
    expect(makeObjectName('countries', 'name', 'key')).toBe('countries_name_key');
    expect(makeObjectName('countries', null, 'pkey')).toBe('countries_pkey');
  });

  it('shortens the table name when it alone is too long', () => {
    expect(makeObjectName(long63, null, 'pkey')).toBe('averyveryveryveryveryveryveryverylongtablename_abcdefghijk_pkey');
    expect(makeObjectName(long63, 'b', 'key')).toBe('averyveryveryveryveryveryveryverylongtablename_abcdefghij_b_key');
    expect(makeObjectName(long63, 'cc', 'check')).toBe('averyveryveryveryveryveryveryverylongtablename_abcdefg_cc_check');
  });

  it('shortens the longer of two long names first, alternating', () => {
    expect(makeObjectName(long63, col63, 'not_null')).toBe('averyveryveryveryveryveryve_averyveryveryveryveryveryv_not_null');
    const addition = columnNamesAddition([col63, `${col63.slice(0, 60)}xyz`]);
    expect(makeObjectName(long63, addition, 'key')).toBe('averyveryveryveryveryveryvery_averyveryveryveryveryveryvery_key');
  });

  it('never splits a multi-byte character', () => {
    const name = makeObjectName('é'.repeat(40), null, 'pkey');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name).toBe(`${'é'.repeat(29)}_pkey`);
  });

  it('names repeated index keys like ChooseIndexColumnNames', () => {
    expect(indexColumnNames(['lower', 'lower', 'lower'])).toEqual(['lower', 'lower1', 'lower2']);
  });
});

describe('default constraint and index names', () => {
  it('names primary keys, uniques, foreign keys and checks', () => {
    const t = tableState(
      {
        k: table({ a: integer().primaryKey(), b: integer() }, { constraints: [unique(['a', 'b'])] }),
        k2: table(
          { x: integer().unique(), y: integer().check(sql`y > 0`) },
          { constraints: [foreignKey(['x', 'y'], 'k', ['a', 'b']), check(sql`x < y`)] },
        ),
      },
      'k2',
    );
    expect(t.uniques.map((u) => u.name)).toEqual(['k2_x_key']);
    expect(t.foreignKeys.map((f) => f.name)).toEqual(['k2_x_y_fkey']);
    expect(t.checks).toEqual([
      { name: 'k2_check', expression: '(x < y)' },
      { name: 'k2_y_check', expression: '(y > 0)' },
    ]);
  });

  it('numbers unnamed objects of one kind on one table in declaration order', () => {
    const t = tableState(
      {
        c1: table(
          { x: integer(), y: integer() },
          {
            constraints: [check(sql`x > 0`), check(sql`x < y`), check(sql`x < 100`), check(sql`true`)],
            indexes: [index(['x']), index(['x']), index(['x'], { where: sql`y is null` })],
          },
        ),
      },
      'c1',
    );
    expect(t.checks.map((c) => c.name)).toEqual(['c1_check', 'c1_check1', 'c1_x_check', 'c1_x_check1']);
    expect(t.indexes).toEqual([
      { name: 'c1_x_idx', unique: false, method: 'btree', keys: ['x'], where: null },
      { name: 'c1_x_idx1', unique: false, method: 'btree', keys: ['x'], where: null },
      { name: 'c1_x_idx2', unique: false, method: 'btree', keys: ['x'], where: '(y IS NULL)' },
    ]);
  });

  it('names expression keys like FigureIndexColname', () => {
    expect(indexExpressionName('lower("Name")')).toBe('lower');
    expect(indexExpressionName('(a + b)')).toBe('expr');
    expect(indexExpressionName('(a::text)')).toBe('a');
    expect(indexExpressionName('((a + b)::text)')).toBe('text');
    expect(indexExpressionName('((a + b)::integer)')).toBe('int4');
    expect(indexExpressionName('coalesce(a, b)')).toBe('coalesce');
    expect(indexExpressionName('(k.a)')).toBe('a');
    expect(indexExpressionName('CASE WHEN a > 0 THEN 1 END')).toBe('case');

    const t = tableState(
      {
        k: table(
          { Name: text(), a: integer(), b: integer(), doc: jsonb() },
          {
            indexes: [
              index([sql`lower("Name")`]),
              index([sql`lower("Name")`, sql`lower("Name")`]),
              index([sql`(a + b)`]),
              index(['doc'], { using: 'gin' }),
              index(['Name', 'a'], { unique: true }),
            ],
          },
        ),
      },
      'k',
    );
    expect(t.indexes.map((i) => [i.name, i.keys, i.method, i.unique])).toEqual([
      ['k_Name_a_idx', ['"Name"', 'a'], 'btree', true],
      ['k_doc_idx', ['doc'], 'gin', false],
      ['k_expr_idx', ['(a + b)'], 'btree', false],
      ['k_lower_idx', ['lower("Name")'], 'btree', false],
      ['k_lower_lower1_idx', ['lower("Name")', 'lower("Name")'], 'btree', false],
    ]);
  });

  it('names a key with options like ChooseIndexColumnNames: a column by its name, an expression without its options', () => {
    expect(indexKeyName('name DESC')).toBe('name');
    expect(indexKeyName('name NULLS FIRST')).toBe('name');
    expect(indexKeyName('name DESC NULLS LAST')).toBe('name');
    expect(indexKeyName('data jsonb_path_ops')).toBe('data');
    expect(indexKeyName('ts pg_catalog.tsvector_ops (siglen = 100)')).toBe('ts');
    expect(indexKeyName('"Name" COLLATE "C" text_pattern_ops DESC')).toBe('Name');
    expect(indexKeyName('Name')).toBe('name');
    expect(indexKeyName('lower(name) DESC')).toBe('lower');
    expect(indexKeyName('public.lower(name) NULLS FIRST')).toBe('lower');
    expect(indexKeyName('(name) DESC')).toBe('name');
    expect(indexKeyName('((name)::character varying) DESC')).toBe('name');
    expect(indexKeyName('((a + b)) DESC')).toBe('expr');
    expect(indexKeyName("(a || ',') COLLATE \"C\"")).toBe('expr');
    // no index element: named as an expression, as before
    expect(indexKeyName('a + b')).toBe('expr');
    expect(indexKeyName('lower(b)::text')).toBe('lower');

    const t = tableState(
      {
        k: table(
          { name: text(), data: jsonb() },
          {
            indexes: [
              index([sql`name DESC`]),
              index([sql`name NULLS FIRST`, 'data']),
              index([sql`data jsonb_path_ops`], { using: 'gin' }),
              index([sql`lower(name) DESC`]),
              index([sql`(name || 'x') DESC`]),
            ],
          },
        ),
      },
      'k',
    );
    expect(t.indexes.map((i) => [i.name, i.keys])).toEqual([
      ['k_data_idx', ['data jsonb_path_ops']],
      ['k_expr_idx', ["(name || 'x') DESC"]],
      ['k_lower_idx', ['lower(name) DESC']],
      ['k_name_data_idx', ['name NULLS FIRST', 'data']],
      ['k_name_idx', ['name DESC']],
    ]);
  });

  it('truncates default names of long tables and columns', () => {
    const other = `${col63.slice(0, 60)}xyz`;
    const t = tableState(
      {
        [long63]: table(
          { [col63]: integer().primaryKey(), [other]: integer(), cc: integer().check(sql`cc > 0`), b: integer().unique() },
          { constraints: [unique([col63, other])] },
        ),
      },
      long63,
    );
    expect(t.primaryKey?.name).toBe('averyveryveryveryveryveryveryverylongtablename_abcdefghijk_pkey');
    expect(t.checks.map((c) => c.name)).toEqual(['averyveryveryveryveryveryveryverylongtablename_abcdefg_cc_check']);
    expect(t.uniques.map((u) => u.name).sort()).toEqual([
      'averyveryveryveryveryveryvery_averyveryveryveryveryveryvery_key',
      'averyveryveryveryveryveryveryverylongtablename_abcdefghij_b_key',
    ]);
  });

  it('keeps explicit names', () => {
    const t = tableState(
      {
        k: table(
          { a: integer().primaryKey({ name: 'k_pk' }), b: integer().unique({ name: 'k_b_uq' }).check(sql`b > 0`, { name: 'b_positive' }) },
          { indexes: [index(['b'], { name: 'k_by_b' })] },
        ),
      },
      'k',
    );
    expect(t.primaryKey?.name).toBe('k_pk');
    expect(t.uniques[0]?.name).toBe('k_b_uq');
    expect(t.checks[0]?.name).toBe('b_positive');
    expect(t.indexes[0]?.name).toBe('k_by_b');
  });
});

describe('indexExpressionName edge cases', () => {
  it('applies a cast only to the operand before it', () => {
    expect(indexExpressionName('a + b::text')).toBe('expr');
    expect(indexExpressionName('lower(b)::text')).toBe('lower');
    expect(indexExpressionName('CAST(a + b AS timestamp with time zone)')).toBe('timestamptz');
    expect(indexExpressionName('(a || b)::character varying')).toBe('varchar');
  });
});
