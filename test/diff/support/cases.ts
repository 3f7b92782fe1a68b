/**
 * Pairs of states (database, model) covering every kind of change, used by the round-trip tests:
 * for each, applying the operations to `from` gives `to`, and applying their reverse to `to`
 * gives `from` back.
 */
import type { RenameHints } from '../../../src/diff/renames.js';
import type { SchemaState } from '../../../src/schema/types.js';
import { check, col, enumType, fk, index, schema, table, unique } from './build.js';

export interface DiffCase {
  readonly name: string;
  readonly from: SchemaState;
  readonly to: SchemaState;
  readonly renames?: RenameHints;
}

const id = col('id', 'integer', { notNull: true, identity: 'always' });
const code = col('code', 'character(2)', { notNull: true });
const name = col('name', 'text', { notNull: true });

export const countries = table('countries', [id, code, name, col('population', 'bigint')], {
  primaryKey: ['id'],
  uniques: [unique('countries_code_key', ['code'])],
  checks: [check('countries_population_check', '(population >= 0)')],
  indexes: [index('countries_name_idx', ['name'])],
  comment: 'Countries of the region',
});

export const capitals = table(
  'capitals',
  [id, col('country', 'character(2)', { notNull: true }), name, col('currency', 'character(3)')],
  {
    primaryKey: ['id'],
    foreignKeys: [
      fk('capitals_country_fkey', ['country'], 'countries', ['code'], { onDelete: 'CASCADE' }),
      fk('capitals_currency_fkey', ['currency'], 'currencies', ['code'], { refSchema: 'public' }),
    ],
  },
);

export const base = schema('asia', { tables: [countries, capitals] });

const withContinent = (values: readonly string[], columns = true): SchemaState =>
  schema('asia', {
    enums: [enumType('continent', values)],
    tables: [
      table(
        'countries',
        [
          ...countries.columns,
          ...(columns
            ? [
                col('continent', 'continent', { notNull: true, default: "'Asia'::continent" }),
                col('neighbours', 'continent[]'),
              ]
            : []),
        ],
        { primaryKey: ['id'], uniques: countries.uniques, checks: countries.checks, indexes: countries.indexes, comment: 'Countries of the region' },
      ),
      capitals,
    ],
  });

export const cases: readonly DiffCase[] = [
  { name: 'no change', from: base, to: base },
  { name: 'create everything', from: schema('asia'), to: withContinent(['Asia', 'Europe']) },
  { name: 'drop everything', from: withContinent(['Asia', 'Europe']), to: schema('asia') },
  {
    name: 'add a column and a table referencing a new table',
    from: base,
    to: schema('asia', {
      tables: [
        table('countries', [...countries.columns, col('area', 'integer', { comment: 'km²' })], {
          primaryKey: ['id'],
          uniques: countries.uniques,
          checks: countries.checks,
          indexes: countries.indexes,
          comment: 'Countries of the region',
        }),
        capitals,
        table('cities', [id, col('capital', 'integer'), col('region', 'integer')], {
          primaryKey: ['id'],
          foreignKeys: [
            fk('cities_capital_fkey', ['capital'], 'capitals', ['id']),
            fk('cities_region_fkey', ['region'], 'regions', ['id'], { onDelete: 'SET NULL' }),
          ],
        }),
        table('regions', [id, name], { primaryKey: ['id'] }),
      ],
    }),
  },
  {
    name: 'column changes: type, nullability, default, identity, comment',
    from: schema('asia', {
      tables: [
        table('t', [
          col('a', 'character varying(50)'),
          col('b', 'integer', { notNull: true, default: '0' }),
          col('c', 'text', { default: "'x'::text" }),
          col('d', 'integer', { notNull: true, identity: 'by default' }),
          col('e', 'integer', { notNull: true }),
          col('f', 'text', { comment: 'old' }),
        ]),
      ],
    }),
    to: schema('asia', {
      tables: [
        table('t', [
          col('a', 'character varying(100)', { notNull: true }),
          col('b', 'bigint', { notNull: true, default: '1' }),
          col('c', 'integer', { default: '1' }),
          col('d', 'integer', { notNull: true, identity: 'always' }),
          col('e', 'integer', { notNull: true, identity: 'by default' }),
          col('f', 'text', { comment: 'new' }),
        ]),
      ],
    }),
  },
  {
    name: 'identity to default and back',
    from: schema('asia', { tables: [table('t', [col('id', 'integer', { notNull: true, identity: 'always' })])] }),
    to: schema('asia', { tables: [table('t', [col('id', 'integer', { notNull: true, default: "nextval('t_id_seq'::regclass)" })])] }),
  },
  {
    name: 'constraints changed, added, dropped, renamed',
    from: base,
    to: schema('asia', {
      tables: [
        table('countries', countries.columns, {
          primaryKey: { name: 'countries_pk', columns: ['id'] },
          uniques: [unique('countries_code_name_key', ['code', 'name'])],
          checks: [check('countries_population_check', '(population > 0)'), check('countries_name_check', "(name <> ''::text)")],
          indexes: countries.indexes,
          comment: 'Countries of the region',
        }),
        table('capitals', capitals.columns, {
          primaryKey: ['id'],
          foreignKeys: [fk('capitals_currency_fkey', ['currency'], 'currencies', ['code'], { refSchema: 'public', onUpdate: 'CASCADE' })],
        }),
      ],
    }),
  },
  {
    name: 'primary key changed while a foreign key rests on it',
    from: schema('asia', {
      tables: [
        table('a', [col('id', 'integer', { notNull: true }), col('k', 'integer', { notNull: true })], { primaryKey: ['id'] }),
        table('b', [col('a_id', 'integer')], { foreignKeys: [fk('b_a_id_fkey', ['a_id'], 'a', ['id'])] }),
      ],
    }),
    to: schema('asia', {
      tables: [
        table('a', [col('id', 'integer', { notNull: true }), col('k', 'integer', { notNull: true })], {
          primaryKey: { name: 'a_pkey', columns: ['id', 'k'] },
          uniques: [unique('a_id_key', ['id'])],
        }),
        table('b', [col('a_id', 'integer')], { foreignKeys: [fk('b_a_id_fkey', ['a_id'], 'a', ['id'])] }),
      ],
    }),
  },
  {
    name: 'indexes: partial, gin, changed, renamed',
    from: schema('asia', {
      tables: [
        table('t', [col('a', 'text'), col('b', 'jsonb'), col('c', 'integer')], {
          indexes: [index('t_a_idx', ['a']), index('t_c_idx', ['c']), index('old_name', ['lower(a)'])],
        }),
      ],
    }),
    to: schema('asia', {
      tables: [
        table('t', [col('a', 'text'), col('b', 'jsonb'), col('c', 'integer')], {
          indexes: [
            index('t_a_idx', ['a'], { unique: true, where: '(c > 0)' }),
            index('t_b_idx', ['b'], { method: 'gin' }),
            index('t_lower_idx', ['lower(a)']),
          ],
        }),
      ],
    }),
  },
  { name: 'enum labels added', from: withContinent(['Asia', 'Europe']), to: withContinent(['Africa', 'Asia', 'Antarctica', 'Europe', 'Oceania']) },
  { name: 'enum label removed', from: withContinent(['Asia', 'Europe', 'Atlantis']), to: withContinent(['Asia', 'Europe']) },
  { name: 'enum labels reordered', from: withContinent(['Asia', 'Europe']), to: withContinent(['Europe', 'Asia']) },
  ((): DiffCase => {
    const kinds = (values: readonly string[]): SchemaState =>
      schema('asia', {
        enums: [enumType('kind', values)],
        tables: [
          table('t', [col('k', 'kind'), col('n', 'integer')], {
            checks: [check('t_k_check', "(k <> 'b'::kind)"), check('t_n_check', '(n > 0)')],
            indexes: [index('t_k_idx', ['k'], { where: "(k = 'a'::kind)" }), index('t_n_idx', ['n'])],
          }),
        ],
      });
    return { name: 'enum label removed while a check and a partial index cast to it', from: kinds(['a', 'b', 'c']), to: kinds(['a', 'b']) };
  })(),
  {
    name: 'enum label added while a check casts to it',
    from: schema('asia', { enums: [enumType('kind', ['a', 'b'])], tables: [table('t', [col('k', 'kind')], { checks: [check('t_k_check', "(k <> 'b'::kind)")] })] }),
    to: schema('asia', { enums: [enumType('kind', ['a', 'b', 'c'])], tables: [table('t', [col('k', 'kind')], { checks: [check('t_k_check', "(k <> 'b'::kind)")] })] }),
  },
  {
    name: 'enum label added and its default changed',
    from: withContinent(['Asia', 'Europe']),
    to: schema('asia', {
      enums: [enumType('continent', ['Asia', 'Europe', 'Oceania'])],
      tables: [
        table(
          'countries',
          [...countries.columns, col('continent', 'continent', { notNull: true, default: "'Oceania'::continent" }), col('neighbours', 'continent[]')],
          { primaryKey: ['id'], uniques: countries.uniques, checks: countries.checks, indexes: countries.indexes, comment: 'Countries of the region' },
        ),
        capitals,
      ],
    }),
  },
  {
    name: 'enum used by a new column, and an enum dropped with its column',
    from: schema('asia', { enums: [enumType('old_kind', ['x'])], tables: [table('t', [col('a', 'integer'), col('k', 'old_kind')])] }),
    to: schema('asia', { enums: [enumType('kind', ['y'])], tables: [table('t', [col('a', 'integer'), col('kind', 'kind')])] }),
  },
  ((): DiffCase => {
    // `legacy` leaves continent for text, `moved` for a new enum, `other` for region, which changes too
    const state = (continent: readonly string[], region: readonly string[], after: boolean): SchemaState =>
      schema('asia', {
        enums: [enumType('continent', continent), enumType('region', region), ...(after ? [enumType('zone', ['Asia'])] : [])],
        tables: [
          table('t', [
            col('kept', 'continent', { default: "'Asia'::continent" }),
            col('legacy', after ? 'text' : 'continent', { default: after ? "'Atlantis'::text" : "'Atlantis'::continent" }),
            col('moved', after ? 'zone' : 'continent'),
            col('other', after ? 'region' : 'continent'),
            col('list', after ? 'continent[]' : 'continent'),
          ]),
        ],
      });
    return {
      name: 'enum labels removed while columns leave the enum (for text, a new enum, another changed enum, its array)',
      from: state(['Asia', 'Atlantis', 'Europe'], ['North', 'South'], false),
      to: state(['Asia', 'Europe'], ['South', 'North'], true),
    };
  })(),
  {
    name: 'enum label added while a column leaves the enum',
    from: schema('asia', { enums: [enumType('kind', ['a', 'b'])], tables: [table('t', [col('k', 'kind'), col('l', 'kind')])] }),
    to: schema('asia', { enums: [enumType('kind', ['a', 'b', 'c'])], tables: [table('t', [col('k', 'kind'), col('l', 'text')])] }),
  },
  {
    name: 'column turned into an enum',
    from: schema('asia', { tables: [table('t', [col('k', 'text', { default: "'a'::text" })])] }),
    to: schema('asia', { enums: [enumType('kind', ['a', 'b'])], tables: [table('t', [col('k', 'kind', { default: "'a'::kind" })])] }),
  },
  {
    name: 'table dropped while referenced by another dropped table',
    from: base,
    to: schema('asia', { tables: [] }),
  },
  {
    name: 'rename a table and a column',
    from: base,
    to: schema('asia', {
      tables: [
        table('nations', [id, code, col('title', 'text', { notNull: true }), col('population', 'bigint')], {
          primaryKey: ['id'],
          uniques: [unique('countries_code_key', ['code'])],
          checks: [check('countries_population_check', '(population >= 0)')],
          indexes: [index('nations_title_idx', ['title'])],
          comment: 'Countries of the region',
        }),
        table('capitals', capitals.columns, {
          primaryKey: ['id'],
          foreignKeys: [
            fk('capitals_country_fkey', ['country'], 'nations', ['code'], { onDelete: 'CASCADE' }),
            fk('capitals_currency_fkey', ['currency'], 'currencies', ['code'], { refSchema: 'public' }),
          ],
        }),
      ],
    }),
    renames: {
      tables: new Map([['countries', 'nations']]),
      columns: new Map([['nations', new Map([['name', 'title']])]]),
    },
  },
  {
    name: 'rename a column used by a check, an index and a foreign key',
    from: schema('asia', {
      tables: [
        table('a', [col('Code', 'text', { notNull: true })], {
          uniques: [unique('a_code_key', ['Code'])],
          checks: [check('a_code_check', '(length("Code") = 2)')],
          indexes: [index('a_lower_idx', ['lower("Code")'], { where: '("Code" <> \'\'::text)' })],
        }),
        table('b', [col('a_code', 'text')], { foreignKeys: [fk('b_a_code_fkey', ['a_code'], 'a', ['Code'])] }),
      ],
    }),
    to: schema('asia', {
      tables: [
        table('a', [col('code', 'text', { notNull: true })], {
          uniques: [unique('a_code_key', ['code'])],
          checks: [check('a_code_check', '(length(code) = 2)')],
          indexes: [index('a_lower_idx', ['lower(code)'], { where: "(code <> ''::text)" })],
        }),
        table('b', [col('a_code', 'text')], { foreignKeys: [fk('b_a_code_fkey', ['a_code'], 'a', ['code'])] }),
      ],
    }),
    renames: { columns: new Map([['a', new Map([['Code', 'code']])]]) },
  },
  {
    name: 'hostile names',
    from: schema('we"ird; schema', {
      enums: [enumType('Mood "x"', ["it's", 'back\\slash'])],
      tables: [table('Table; DROP', [col('Col "1"', '"Mood ""x"""'), col('select', 'integer')])],
    }),
    to: schema('we"ird; schema', {
      enums: [enumType('Mood "x"', ["it's", 'new; value', 'back\\slash'])],
      tables: [
        table('Table; DROP', [col('Col "1"', '"Mood ""x"""'), col('select', 'bigint', { comment: "it's" })], {
          uniques: [unique('U "q"', ['select'])],
        }),
        table('Other Table', [col('ref', 'bigint')], {
          foreignKeys: [fk('fk; --', ['ref'], 'Table; DROP', ['select'])],
          comment: 'a\nmulti-line; comment',
        }),
      ],
    }),
  },
];
