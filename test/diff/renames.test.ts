import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../src/diff/compare-schemas.js';
import { applyRenames, renameCandidates } from '../../src/diff/renames.js';
import { RenameError } from '../../src/errors.js';
import { col, fk, schema, table } from './support/build.js';

const from = schema('asia', {
  tables: [
    table('countries', [col('id', 'integer', { notNull: true }), col('name', 'text'), col('area', 'integer')], {
      primaryKey: ['id'],
    }),
    table('capitals', [col('country', 'integer')], { foreignKeys: [fk('capitals_country_fkey', ['country'], 'countries', ['id'])] }),
  ],
});
const to = schema('asia', {
  tables: [
    table('nations', [col('key', 'integer', { notNull: true }), col('title', 'text'), col('area', 'integer')], {
      primaryKey: { name: 'countries_pkey', columns: ['key'] },
    }),
    table('capitals', [col('country', 'integer')], { foreignKeys: [fk('capitals_country_fkey', ['country'], 'nations', ['key'])] }),
  ],
});

describe('renames', () => {
  it('without hints, a gone and a new table are a drop and a create', () => {
    const ops = compareSchemas(from, to);
    expect(ops.map((op) => op.kind)).toContain('dropTable');
    expect(ops.map((op) => op.kind)).toContain('createTable');
  });

  it('with hints, they become renames and references follow', () => {
    const ops = compareSchemas(from, to, {
      renames: {
        tables: new Map([['countries', 'nations']]),
        columns: new Map([['nations', new Map([['id', 'key'], ['name', 'title']])]]),
      },
    });
    expect(ops).toEqual([
      { kind: 'renameTable', from: 'countries', to: 'nations' },
      { kind: 'renameColumn', table: 'nations', from: 'id', to: 'key' },
      { kind: 'renameColumn', table: 'nations', from: 'name', to: 'title' },
    ]);
  });

  it('accepts the old table name for column hints of a renamed table', () => {
    const { operations } = applyRenames(from, to, {
      tables: new Map([['countries', 'nations']]),
      columns: new Map([['countries', new Map([['id', 'key']])]]),
    });
    expect(operations).toContainEqual({ kind: 'renameColumn', table: 'nations', from: 'id', to: 'key' });
  });

  it('applies renames to the database state, references included', () => {
    const { state } = applyRenames(from, to, {
      tables: new Map([['countries', 'nations']]),
      columns: new Map([['nations', new Map([['id', 'key']])]]),
    });
    expect(state.tables.map((t) => t.name)).toEqual(['capitals', 'nations']);
    expect(state.tables[0]?.foreignKeys[0]).toMatchObject({ refTable: 'nations', refColumns: ['key'] });
    expect(state.tables[1]?.primaryKey).toEqual({ name: 'countries_pkey', columns: ['key'] });
  });

  it.each([
    [{ tables: new Map([['nope', 'nations']]) }, /asia\.nope is not in the database/],
    [{ tables: new Map([['countries', 'nope']]) }, /asia\.nope is not in the model/],
    [{ tables: new Map([['countries', 'capitals']]) }, /asia\.capitals is already in the database/],
    [{ columns: new Map([['capitals', new Map([['nope', 'x']])]]) }, /asia\.capitals\.nope is not in the database/],
    [{ columns: new Map([['capitals', new Map([['country', 'x']])]]) }, /asia\.capitals\.x is not in the model/],
    [{ columns: new Map([['nations', new Map([['id', 'key']])]]) }, /table asia\.nations is not in both/],
  ])('refuses a hint that does not fit: %#', (hints, message) => {
    expect(() => compareSchemas(from, to, { renames: hints })).toThrow(RenameError);
    expect(() => compareSchemas(from, to, { renames: hints })).toThrow(message);
  });

  it('refuses two tables renamed to one name', () => {
    const two = schema('asia', { tables: [table('a', []), table('b', [])] });
    const one = schema('asia', { tables: [table('c', [])] });
    expect(() => applyRenames(two, one, { tables: new Map([['a', 'c'], ['b', 'c']]) })).toThrow(/renamed to it too/);
  });
});

describe('renameCandidates', () => {
  it('offers similar tables, most similar first', () => {
    const a = schema('asia', {
      tables: [table('countries', [col('id', 'integer'), col('name', 'text'), col('area', 'integer')]), table('gone', [col('x', 'uuid')])],
    });
    const b = schema('asia', {
      tables: [
        table('nations', [col('id', 'integer'), col('name', 'text'), col('area', 'integer'), col('extra', 'text')]),
        table('lands', [col('id', 'integer'), col('name', 'text')]),
      ],
    });
    expect(renameCandidates(a, b).tables).toEqual([
      { from: 'countries', to: 'nations', similarity: 0.75 },
      { from: 'countries', to: 'lands', similarity: 2 / 3 },
    ]);
  });

  it('offers dropped and added columns of the same type, in kept and hinted tables', () => {
    const candidates = renameCandidates(from, to, { tables: new Map([['countries', 'nations']]) });
    expect(candidates.tables).toEqual([]);
    expect(candidates.columns).toEqual([
      { table: 'nations', from: 'id', to: 'key', type: 'integer' },
      { table: 'nations', from: 'name', to: 'title', type: 'text' },
    ]);
  });

  it('leaves out what the hints already declare', () => {
    const candidates = renameCandidates(from, to, {
      tables: new Map([['countries', 'nations']]),
      columns: new Map([['nations', new Map([['name', 'title']])]]),
    });
    expect(candidates.columns).toEqual([{ table: 'nations', from: 'id', to: 'key', type: 'integer' }]);
  });
});
