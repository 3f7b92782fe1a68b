import { describe, expect, it } from 'vitest';
import { type TableColumns, parseColumnRow, parseColumnRows } from '../../src/introspect/read-columns.js';
import { type RawConstraintRow, parseConstraintRows, parseReferentialAction } from '../../src/introspect/read-constraints.js';
import { indexKeys, parseIndexRow } from '../../src/introspect/read-indexes.js';

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
  deferrable: false,
  deferred: false,
  validated: true,
  match_type: 's',
  definition: null,
};

const columns = new Map<string, TableColumns>([
  ['t', { columns: [], names: new Map([[1, 'a'], [2, 'b'], [4, 'x'], [5, 'y']]) }],
]);

const NO_EXTRAS = {
  collation: null,
  seq_start: null,
  seq_increment: null,
  seq_min: null,
  seq_max: null,
  seq_cache: null,
  seq_cycle: null,
} as const;

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
      exclusions: [],
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
      ...NO_EXTRAS,
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

  it('reads identity options other than the defaults, and a collation', () => {
    const row = {
      table_name: 't', attnum: 1, name: 'id', type: 'integer', not_null: true, default_expression: null,
      identity: 'a', generated: '', comment: null, collation: null,
      seq_start: '100', seq_increment: '1', seq_min: '1', seq_max: '2147483647', seq_cache: '1', seq_cycle: false,
    };
    expect(parseColumnRow(row).identityOptions).toEqual({ start: '100' });
    expect(parseColumnRow({ ...row, seq_start: '1' })).not.toHaveProperty('identityOptions');
    expect(parseColumnRow({ ...row, type: 'text', identity: '', seq_start: null, collation: '"C"' })).toEqual({
      name: 'id', type: 'text', notNull: true, default: null, identity: null, comment: null, collation: '"C"',
    });
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
      ...NO_EXTRAS,
    };
    expect(parseColumnRow(row).default).toBeNull();
    expect(parseColumnRow(row).generated).toBe('(a * 2)');
    expect(parseColumnRow({ ...row, generated: '' })).not.toHaveProperty('generated');
    expect(parseColumnRow({ ...row, generated: '' }).default).toBe('(a * 2)');
    expect(parseColumnRow({ ...row, default_expression: null, identity: 'a', generated: '' }).identity).toBe('always');
    expect(() => parseColumnRow({ ...row, identity: '?' })).toThrow('unexpected attidentity "?" on column t.c');
  });

  it('reads index keys whole from the key list of pg_get_indexdef, options included', () => {
    expect(indexKeys('CREATE INDEX t_name_idx ON s.t USING btree (name DESC)')).toEqual(['name DESC']);
    expect(indexKeys('CREATE INDEX t_data_idx ON s.t USING gin (data jsonb_path_ops)')).toEqual(['data jsonb_path_ops']);
    expect(
      indexKeys('CREATE INDEX t_ts_idx ON s.t USING gist (ts tsvector_ops (siglen=\'100\'), lower(name) DESC NULLS LAST)'),
    ).toEqual(["ts tsvector_ops (siglen='100')", 'lower(name) DESC NULLS LAST']);
    // INCLUDE, NULLS NOT DISTINCT, WITH and WHERE follow the key list and are not keys
    expect(
      indexKeys(
        "CREATE UNIQUE INDEX t_a_idx ON s.t USING btree (a, ((b + 1)) NULLS FIRST) INCLUDE (c, d) NULLS NOT DISTINCT WITH (fillfactor='70') WHERE (a > 0)",
      ),
    ).toEqual(['a', '((b + 1)) NULLS FIRST']);
    // quoted names before the list and quoted text inside it may hold parentheses, commas and quotes
    expect(
      indexKeys(
        `CREATE INDEX "i (x, y)" ON "s ("".t" USING btree ("a,b" COLLATE "C" DESC, COALESCE(name, 'x,)''('::text), ((("q)" || ','::text))))`,
      ),
    ).toEqual(['"a,b" COLLATE "C" DESC', "COALESCE(name, 'x,)''('::text)", `((("q)" || ','::text)))`]);
    expect(() => indexKeys('CREATE INDEX i ON s.t USING btree (a')).toThrow('no key list in the index definition');
  });

  it('turns an index row into its state, checking the number of keys', () => {
    const row = {
      table_name: 't',
      name: 't_lower_idx',
      unique: false,
      method: 'btree',
      definition: 'CREATE INDEX t_lower_idx ON s.t USING btree (lower(name) DESC, a) INCLUDE (b) WHERE (active = true)',
      key_count: 2,
      predicate: '(active = true)',
      include: ['b'],
      options: ['fillfactor=70'],
      nulls_not_distinct: false,
    };
    expect(parseIndexRow(row)).toEqual({
      name: 't_lower_idx',
      unique: false,
      method: 'btree',
      keys: ['lower(name) DESC', 'a'],
      where: '(active = true)',
      include: ['b'],
      with: ['fillfactor=70'],
    });
    expect(() => parseIndexRow({ ...row, key_count: 3 })).toThrow('index t.t_lower_idx: 2 keys read from');
  });
});
