/** A model that cannot be right fails when the schema is defined, naming schema, table and column. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors.js';
import {
  abstractTable,
  check,
  defineSchema,
  enumColumn,
  enumType,
  foreignKey,
  index,
  integer,
  primaryKey,
  sql,
  table,
  text,
  unique,
  varchar,
  type SchemaOptions,
  type TablesShape,
} from '../../src/model/index.js';

const countries = table({ country_id: integer().primaryKey(), name: varchar(100).notNull().unique(), population: integer() });

function failure(name: string, options: SchemaOptions<TablesShape>): ModelError {
  try {
    defineSchema(name, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('defineSchema did not fail');
}

function message(options: SchemaOptions<TablesShape>, name = 'asia'): string {
  return failure(name, options).message;
}

describe('references', () => {
  it('to an unknown table', () => {
    const e = failure('asia', { tables: { countries, languages: table({ country: varchar(100).references('countriez', 'name') }) } });
    expect(e.message).toBe('asia.languages.country references unknown table asia.countriez');
    expect(e.hint).toBe('tables of schema asia: countries, languages; for a table of another schema write { schema, table }');
  });

  it('to an unknown column', () => {
    expect(message({ tables: { countries, languages: table({ country: varchar(100).references('countries', 'nom') }) } })).toBe(
      'asia.languages.country references unknown column asia.countries.nom',
    );
  });

  it('from a base table, to a table the using schema lacks', () => {
    const capitals = abstractTable({ country: varchar(100).references('countries', 'name') });
    expect(message({ tables: { capitals: capitals.extend({}) } }, 'europe')).toBe('europe.capitals.country references unknown table europe.countries');
  });

  it('to columns that are neither primary key nor unique', () => {
    expect(message({ tables: { countries, t: table({ p: integer().references('countries', 'population') }) } })).toBe(
      'asia.t.p references asia.countries (population), which is neither its primary key nor unique',
    );
  });

  it('with a different number of columns', () => {
    expect(
      message({ tables: { countries, t: table({ a: integer(), b: integer() }, { constraints: [foreignKey(['a', 'b'], 'countries', ['country_id'])] }) } }),
    ).toBe('asia.t (a, b): the foreign key has 2 column(s) but references 1');
  });

  it('with an unknown action', () => {
    // @ts-expect-error -- not an action
    const bad = integer().references('countries', 'country_id', { onDelete: 'explode' });
    expect(message({ tables: { countries, t: table({ a: bad }) } })).toBe('asia.t.a: unknown foreign key action "explode"');
  });
});

describe('constraints and indexes naming columns', () => {
  it('an unknown column (also a compile error)', () => {
    // @ts-expect-error -- 'nope' is not a column of the table
    const t = table({ a: integer() }, { constraints: [unique(['nope'])] });
    expect(message({ tables: { t } })).toBe('asia.t.nope: the unique constraint names unknown column nope');
    // @ts-expect-error -- 'nope' is not a column of the table
    const u = table({ a: integer() }, { indexes: [index(['nope'])] });
    expect(message({ tables: { u } })).toBe('asia.u.nope: the index names unknown column nope');
    // @ts-expect-error -- 'nope' is not a column of the table
    const v = table({ a: integer() }, { constraints: [primaryKey(['a', 'nope'])] });
    expect(message({ tables: { v } })).toBe('asia.v.nope: the primary key names unknown column nope');
  });

  it('a column twice, or none', () => {
    expect(message({ tables: { t: table({ a: integer() }, { constraints: [unique(['a', 'a'])] }) } })).toBe(
      'asia.t.a: the unique constraint lists column a twice',
    );
    expect(message({ tables: { t: table({ a: integer() }, { constraints: [primaryKey([])] }) } })).toBe('asia.t: the primary key lists no column');
  });

  it('two primary keys', () => {
    expect(message({ tables: { t: table({ a: integer().primaryKey(), b: integer() }, { constraints: [primaryKey(['b'])] }) } })).toBe(
      'asia.t declares more than one primary key: (a) and (b)',
    );
  });

  it('a unique index that is not btree', () => {
    expect(message({ tables: { t: table({ a: text() }, { indexes: [index(['a'], { unique: true, using: 'gin' })] }) } })).toBe(
      'asia.t.a: a unique index must use btree, not gin',
    );
  });
});

describe('repeated names', () => {
  it('two indexes with one name', () => {
    const e = failure('asia', {
      tables: { t: table({ a: integer(), b: integer() }, { indexes: [index(['a'], { name: 'ix' }), index(['b'], { name: 'ix' })] }) },
    });
    expect(e.message).toBe('asia.t: name ix of the index of asia.t is already used by the index of asia.t');
    expect(e.hint).toBe('give one of them another name');
  });

  it('an index named like a table', () => {
    expect(message({ tables: { countries, t: table({ a: integer() }, { indexes: [index(['a'], { name: 'countries' })] }) } })).toBe(
      'asia.t: name countries of the index of asia.t is already used by the table asia.countries',
    );
  });

  it('two constraints of one table with one name', () => {
    expect(
      message({ tables: { t: table({ a: integer().check(sql`a > 0`, { name: 'c' }) }, { constraints: [check(sql`a < 9`, { name: 'c' })] }) } }),
    ).toBe('asia.t: name c of the check constraint of asia.t is already used by the check constraint of asia.t');
  });

  it('allows one check name on two tables, as Postgres does', () => {
    const t = table({ a: integer().check(sql`a > 0`, { name: 'positive' }) });
    expect(() => defineSchema('asia', { tables: { t, u: t } })).not.toThrow();
  });

  it('default names of two tables that collide', () => {
    const e = failure('asia', {
      tables: { a_b: table({ c: integer().unique() }), a: table({ b_c: integer().unique() }) },
    });
    expect(e.message).toBe('asia.a_b: the default name a_b_c_key of the unique constraint on (c) is already used by the unique constraint of asia.a');
    expect(e.hint).toBe('Postgres would pick another name depending on the order of creation; give the unique constraint an explicit name');
  });

  it('a default name already given explicitly', () => {
    expect(message({ tables: { t: table({ a: integer().primaryKey() }), u: table({ a: integer() }, { indexes: [index(['a'], { name: 't_pkey' })] }) } })).toBe(
      'asia.t: the default name t_pkey of the primary key is already used by the index of asia.u',
    );
    expect(
      message({ tables: { t: table({ a: integer().check(sql`a > 0`) }), u: table({ a: integer().check(sql`a > 0`, { name: 't_a_check' }) }) } }),
    ).toBe('asia.t: the default name t_a_check of the check constraint (a > 0) is already used by the check constraint of asia.u');
  });
});

describe('enums', () => {
  it('two different enums with one name', () => {
    const a = enumType('continent', ['Asia']);
    const b = enumType('continent', ['Europe']);
    expect(message({ tables: { t: table({ a: enumColumn(a), b: enumColumn(b) }) } })).toBe(
      'asia.t.b: enum asia.continent is declared twice with different labels (Asia / Europe)',
    );
  });

  it('a repeated or empty label', () => {
    expect(message({ tables: {}, enums: [enumType('e', ['x', 'x'])] })).toBe('enum asia.e: label "x" is listed twice');
    expect(message({ tables: {}, enums: [enumType('e', [''])] })).toBe('enum asia.e: label "" is empty');
  });

  it('listing an enum of another schema', () => {
    expect(message({ tables: {}, enums: [enumType('currency', ['EUR'], { schema: 'public' })] })).toBe(
      'schema asia lists enum public.currency, which belongs to schema public',
    );
  });

  it('an enum named like a table', () => {
    expect(message({ tables: { countries }, enums: [enumType('countries', ['x'])] })).toBe(
      'enum asia.countries has the name of table asia.countries',
    );
  });

  it('a default that is not a label', () => {
    const e = enumType('continent', ['Asia']);
    // @ts-expect-error -- not a label
    const c = enumColumn(e).default('Atlantis');
    expect(message({ tables: { t: table({ c }) } })).toBe('asia.t.c: the default is not a label of enum continent (Asia)');
  });
});

describe('columns and tables', () => {
  it('an abstract table placed in a schema', () => {
    const base = abstractTable({ a: integer() });
    const e = failure('asia', { tables: { t: base as never } });
    expect(e.message).toBe('asia.t is an abstract table, which cannot be placed in a schema by itself');
    expect(e.hint).toBe('make a concrete table of it: t: base.extend({})');
  });

  it('something that is not a table or not a column', () => {
    expect(message({ tables: { t: {} as never } })).toBe('asia.t is not a table');
    expect(message({ tables: { t: table({ a: 'integer' as never }) } })).toBe('asia.t.a is not a column');
  });

  it('an identity column of a non-integer type, or with a default', () => {
    expect(message({ tables: { t: table({ a: text().identity('always') }) } })).toBe('asia.t.a: an identity column must be smallint, integer or bigint');
    expect(message({ tables: { t: table({ a: integer().default(1).identity('always') }) } })).toBe(
      'asia.t.a: a column cannot have both a default and an identity',
    );
  });

  it('array() after a default', () => {
    expect(message({ tables: { t: table({ a: text().default('x').array() }) } })).toBe(
      'asia.t.a: array() must come right after the type, before default(), references() or identity()',
    );
  });

  it('a default of the wrong type', () => {
    expect(message({ tables: { t: table({ a: integer().default('x' as never) }) } })).toBe("asia.t.a: the default 'x' is not an integer");
  });

  it('names that are too long or empty', () => {
    const long = 'x'.repeat(64);
    expect(message({ tables: { [long]: table({ a: integer() }) } })).toBe(
      `table name in schema asia: "${long}" is 64 bytes long; Postgres allows at most 63`,
    );
    expect(message({ tables: { t: table({ '': integer() }) } })).toBe('column name in asia.t: "" is empty');
    expect(message({ tables: {} }, '')).toBe('schema name "" is empty');
  });
});

describe('explicit names', () => {
  it('that Postgres would cut', () => {
    const long = 'n'.repeat(64);
    expect(message({ tables: { t: table({ a: integer() }, { indexes: [index(['a'], { name: long })] }) } })).toBe(
      `asia.t: name "${long}" of the index of asia.t is 64 bytes long; Postgres allows at most 63`,
    );
  });
});
