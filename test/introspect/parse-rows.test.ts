import { describe, expect, it } from 'vitest';
import { type TableColumns, parseColumnRow, parseColumnRows } from '../../src/introspect/read-columns.js';
import { type RawConstraintRow, parseConstraintRows, parseReferentialAction } from '../../src/introspect/read-constraints.js';

const base: RawConstraintRow = {
  table_name: 't',
  name: '',
  kind: 'c',
  columns: null,
  ref_schema: null,
  ref_table: null,
  ref_columns: null,
  on_delete: ' ',
  on_update: ' ',
  expression: null,
};

const columns = new Map<string, TableColumns>([
  ['t', { columns: [], names: new Map([[1, 'a'], [2, 'b'], [4, 'x'], [5, 'y']]) }],
]);

describe('parsing catalog rows', () => {
  it('maps every referential action letter', () => {
    expect(['a', 'r', 'c', 'n', 'd'].map(parseReferentialAction)).toEqual([
      'NO ACTION',
      'RESTRICT',
      'CASCADE',
      'SET NULL',
      'SET DEFAULT',
    ]);
    expect(() => parseReferentialAction('x')).toThrow('unexpected referential action "x"');
  });

  it('sorts constraints into their table, each list by name, keeping key column order', () => {
    const rows: RawConstraintRow[] = [
      { ...base, name: 'z_check', expression: '(b > 0)' },
      { ...base, name: 'a_check', expression: 'c' },
      { ...base, name: 't_pkey', kind: 'p', columns: [2, 1] },
      {
        ...base,
        name: 't_fk',
        kind: 'f',
        columns: [5, 4],
        ref_schema: 'other',
        ref_table: 'r',
        ref_columns: ['b', 'a'],
        on_delete: 'c',
        on_update: 'a',
      },
    ];
    expect(parseConstraintRows(rows, columns).get('t')).toEqual({
      primaryKey: { name: 't_pkey', columns: ['b', 'a'] },
      uniques: [],
      foreignKeys: [
        {
          name: 't_fk',
          columns: ['y', 'x'],
          refSchema: 'other',
          refTable: 'r',
          refColumns: ['b', 'a'],
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
        },
      ],
      checks: [
        { name: 'a_check', expression: 'c' },
        { name: 'z_check', expression: '(b > 0)' },
      ],
    });
    expect(() => parseConstraintRows([{ ...base, name: 'nn', kind: 'n' }], columns)).toThrow('unexpected contype "n"');
    expect(() => parseConstraintRows([{ ...base, name: 'u', kind: 'u', columns: [3] }], columns)).toThrow(
      'constraint t.u names column number 3, which was not read',
    );
  });

  it('puts the columns of each table in position order', () => {
    const row = {
      table_name: 't',
      attnum: 0,
      name: '',
      type: 'text',
      not_null: false,
      default_expression: null,
      identity: '',
      generated: '',
      comment: null,
    };
    const parsed = parseColumnRows([
      { ...row, attnum: 3, name: 'c' },
      { ...row, table_name: 'u', attnum: 1, name: 'z' },
      { ...row, attnum: 1, name: 'a' },
    ]);
    expect(parsed.get('t')?.columns.map((c) => c.name)).toEqual(['a', 'c']);
    expect([...(parsed.get('t')?.names ?? [])]).toEqual([
      [1, 'a'],
      [3, 'c'],
    ]);
    expect(parsed.get('u')?.columns.map((c) => c.name)).toEqual(['z']);
  });

  it('gives identity columns and generated columns no default', () => {
    const row = {
      table_name: 't',
      attnum: 1,
      name: 'c',
      type: 'integer',
      not_null: true,
      default_expression: '(a * 2)',
      identity: '',
      generated: 's',
      comment: null,
    };
    expect(parseColumnRow(row).default).toBeNull();
    expect(parseColumnRow({ ...row, generated: '' }).default).toBe('(a * 2)');
    expect(parseColumnRow({ ...row, default_expression: null, identity: 'a', generated: '' }).identity).toBe('always');
    expect(() => parseColumnRow({ ...row, identity: '?' })).toThrow('unexpected attidentity "?" on column t.c');
  });
});
