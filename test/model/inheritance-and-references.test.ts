import { describe, expect, it } from 'vitest';
import {
  abstractTable,
  bigint,
  boolean,
  check,
  char,
  defineSchema,
  enumColumn,
  enumType,
  index,
  integer,
  modelToState,
  primaryKey,
  sql,
  table,
  text,
  unique,
  varchar,
} from '../../src/model/index.js';
import type { SchemaState, TableState } from '../../src/schema/types.js';

function find(state: SchemaState, name: string): TableState {
  const t = state.tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  return t;
}

const base = abstractTable(
  {
    id: integer().primaryKey(),
    name: varchar(100).notNull(),
    population: integer(),
  },
  { constraints: [check(sql`population >= 0`)], indexes: [index(['name'])], comment: 'a country' },
);

describe('abstract base tables', () => {
  it('puts base columns first, overrides in place, additions last', () => {
    const t = base.extend({ extra: text(), population: bigint().notNull(), name: varchar(200).notNull() });
    expect(Object.keys(t.columns)).toEqual(['id', 'name', 'population', 'extra']);
    const state = find(modelToState(defineSchema('s', { tables: { countries: t } })), 'countries');
    expect(state.columns.map((c) => [c.name, c.type, c.notNull])).toEqual([
      ['id', 'integer', true],
      ['name', 'character varying(200)', true],
      ['population', 'bigint', true],
      ['extra', 'text', false],
    ]);
  });

  it('keeps base constraints, indexes and comment, and adds the extension\'s', () => {
    const t = base.extend({ code: char(2) }, { constraints: [unique(['code'])], indexes: [index(['code'])], comment: 'override' });
    const state = find(modelToState(defineSchema('s', { tables: { countries: t } })), 'countries');
    expect(state.checks).toEqual([{ name: 'countries_population_check', expression: '(population >= 0)' }]);
    expect(state.indexes.map((i) => i.name)).toEqual(['countries_code_idx', 'countries_name_idx']);
    expect(state.uniques.map((u) => u.name)).toEqual(['countries_code_key']);
    expect(state.comment).toBe('override');
    const plain = find(modelToState(defineSchema('s', { tables: { countries: base.extend({}) } })), 'countries');
    expect(plain.comment).toBe('a country');
  });

  it('names constraints after the table name each schema gives the base', () => {
    const a = modelToState(defineSchema('a', { tables: { nations: base.extend({}) } }));
    const b = modelToState(defineSchema('b', { tables: { countries: base.extend({}) } }));
    expect(find(a, 'nations').primaryKey?.name).toBe('nations_pkey');
    expect(find(b, 'countries').primaryKey?.name).toBe('countries_pkey');
  });

  it('does not change the base when extended', () => {
    base.extend({ extra: boolean() });
    expect(Object.keys(base.columns)).toEqual(['id', 'name', 'population']);
  });

  it('treats the columns of a table-level primary key as not null', () => {
    const t = table({ a: integer(), b: integer(), c: integer() }, { constraints: [primaryKey(['a', 'b'])] });
    const state = find(modelToState(defineSchema('s', { tables: { t } })), 't');
    expect(state.primaryKey).toEqual({ name: 't_pkey', columns: ['a', 'b'] });
    expect(state.columns.map((c) => c.notNull)).toEqual([true, true, false]);
  });
});

describe('references', () => {
  const capitals = abstractTable({
    capital_id: integer().primaryKey(),
    country: varchar(100).notNull().references('countries', 'name', { onDelete: 'cascade', onUpdate: 'restrict' }),
  });
  const countries = abstractTable({ name: varchar(100).primaryKey() });

  it('resolve a base reference in the schema that uses the base', () => {
    for (const schema of ['asia', 'europe', 'africa']) {
      const state = modelToState(defineSchema(schema, { tables: { countries: countries.extend({}), capitals: capitals.extend({}) } }));
      expect(find(state, 'capitals').foreignKeys).toEqual([
        {
          name: 'capitals_country_fkey',
          columns: ['country'],
          refSchema: schema,
          refTable: 'countries',
          refColumns: ['name'],
          onDelete: 'CASCADE',
          onUpdate: 'RESTRICT',
        },
      ]);
    }
  });

  it('keep an explicit reference to another schema cross-schema', () => {
    const state = modelToState(
      defineSchema('asia', {
        tables: {
          prices: table({
            id: integer().primaryKey(),
            currency: char(3).references({ schema: 'public', table: 'currencies' }, 'code', { onDelete: 'set null' }),
          }),
        },
      }),
    );
    expect(find(state, 'prices').foreignKeys).toEqual([
      {
        name: 'prices_currency_fkey',
        columns: ['currency'],
        refSchema: 'public',
        refTable: 'currencies',
        refColumns: ['code'],
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
      },
    ]);
  });

  it('treat { schema } naming the schema itself as a local reference, and check it', () => {
    const state = modelToState(
      defineSchema('asia', {
        tables: {
          countries: countries.extend({}),
          cities: table({ country: varchar(100).references({ schema: 'asia', table: 'countries' }, 'name') }),
        },
      }),
    );
    expect(find(state, 'cities').foreignKeys[0]).toMatchObject({ refSchema: 'asia', refTable: 'countries' });
    expect(() =>
      defineSchema('asia', { tables: { cities: table({ country: varchar(100).references({ schema: 'asia', table: 'countries' }, 'name') }) } }),
    ).toThrow('asia.cities.country references unknown table asia.countries');
  });

  it('may point at a unique index or a self reference', () => {
    const state = modelToState(
      defineSchema('s', {
        tables: {
          people: table(
            { id: integer().primaryKey(), code: text(), parent: integer().references('people', 'id'), code_ref: text().references('people', 'code') },
            { indexes: [index(['code'], { unique: true })] },
          ),
        },
      }),
    );
    expect(find(state, 'people').foreignKeys.map((f) => f.name)).toEqual(['people_code_ref_fkey', 'people_parent_fkey']);
  });
});

describe('enums', () => {
  const continent = enumType('continent', ['Africa', 'Asia', 'Europe']);

  it('belong to the schema whose tables use them, or that lists them', () => {
    const unused = enumType('climate', ['dry', 'wet']);
    const state = modelToState(
      defineSchema('asia', {
        tables: { countries: table({ continent: enumColumn(continent).notNull().default('Asia') }) },
        enums: [unused],
      }),
    );
    expect(state.enums).toEqual([
      { name: 'climate', values: ['dry', 'wet'] },
      { name: 'continent', values: ['Africa', 'Asia', 'Europe'] },
    ]);
    expect(find(state, 'countries').columns[0]).toMatchObject({ type: 'continent', default: "'Asia'::continent", notNull: true });
  });

  it('of another schema are referenced, not owned', () => {
    const currency = enumType('currency', ['EUR'], { schema: 'public' });
    const state = modelToState(defineSchema('asia', { tables: { prices: table({ currency: enumColumn(currency) }) } }));
    expect(state.enums).toEqual([]);
    expect(find(state, 'prices').columns[0]?.type).toBe('public.currency');
  });

  it('used by a base table are owned by each schema using it', () => {
    const b = abstractTable({ continent: enumColumn(continent) });
    for (const s of ['asia', 'europe']) {
      expect(modelToState(defineSchema(s, { tables: { countries: b.extend({}) } })).enums.map((e) => e.name)).toEqual(['continent']);
    }
  });
});
