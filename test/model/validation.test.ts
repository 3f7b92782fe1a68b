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

describe('expressions naming columns', () => {
  const cols = { a: integer(), name: text(), data: text(), Mixed: integer(), deleted_at: text() };

  it('a check on a column or the table naming an unknown column', () => {
    const e = failure('asia', { tables: { t: table({ a: integer().check(sql`nope > 0`), b: integer() }) } });
    expect(e.message).toBe('asia.t.a: the check constraint (nope > 0) names unknown column nope');
    expect(e.hint).toBe('columns of asia.t: a, b');
    expect(message({ tables: { t: table({ a: integer() }, { constraints: [check(sql`a > 0 AND Nope < a`)] }) } })).toBe(
      'asia.t.nope: the check constraint (a > 0 AND Nope < a) names unknown column nope',
    );
    expect(message({ tables: { t: table({ Mixed: integer() }, { constraints: [check(sql`"mixed" > 0`)] }) } })).toBe(
      'asia.t.mixed: the check constraint ("mixed" > 0) names unknown column mixed',
    );
    expect(message({ tables: { t: table({ a: integer() }, { constraints: [check(sql`coalesce(b::int, 0) > a`)] }) } })).toBe(
      'asia.t.b: the check constraint (coalesce(b::int, 0) > a) names unknown column b',
    );
  });

  it('an index key or predicate naming an unknown column', () => {
    const e = failure('asia', { tables: { t: table({ a: integer(), name: text() }, { indexes: [index([sql`lower(nope)`])] }) } });
    expect(e.message).toBe('asia.t.nope: the index key lower(nope) names unknown column nope');
    expect(e.hint).toBe('columns of asia.t: a, name');
    expect(message({ tables: { t: table({ a: integer() }, { indexes: [index(['a'], { where: sql`nope IS NULL` })] }) } })).toBe(
      'asia.t.nope: the index predicate (WHERE nope IS NULL) names unknown column nope',
    );
    expect(message({ tables: { t: table({ a: integer() }, { indexes: [index([sql`nope DESC NULLS LAST`])] }) } })).toBe(
      'asia.t.nope: the index key nope DESC NULLS LAST names unknown column nope',
    );
    expect(message({ tables: { t: table({ a: integer() }, { indexes: [index([sql`(a + nope)`])] }) } })).toBe(
      'asia.t.nope: the index key (a + nope) names unknown column nope',
    );
  });

  it('still loads functions, casts, keywords, literals, quoted names and index options', () => {
    const checks = [
      sql`lower(name) <> ''`,
      sql`a::bigint > 0 AND name::character varying(10) IS NOT NULL`,
      sql`CAST(a AS double precision) >= 0.5e3`,
      sql`deleted_at IS NULL OR deleted_at::timestamp with time zone < now()`,
      sql`name NOT LIKE 'nope and other words%' AND name !~ E'it\\'s nope' AND name <> $$dollar words$$`,
      sql`"Mixed" BETWEEN 1 AND 10 OR "Mixed" IS NULL`,
      sql`a IN (1, 2, 3) AND NOT (a IS DISTINCT FROM 2) AND TRUE AND a <> NULL::int`,
      sql`CASE WHEN a > 0 THEN name ELSE 'x' END IS NOT NULL`,
      sql`current_date > date '2000-01-01' AND current_timestamp > now() - interval '1 day'`,
      sql`extract(year FROM current_date) > 2000 AND a > 0x1F AND data IS JSON OBJECT`,
      sql`pg_catalog.length(name) < 100 AND name COLLATE "C" > 'a' AND ARRAY[a, 1] <> '{}'`,
      sql`a = ANY (ARRAY[1, 2]) -- nope in a comment
        /* and nope here */`,
    ];
    const t = table(cols, {
      constraints: checks.map((c, i) => check(c, { name: `c${i}` })),
      indexes: [
        index([sql`name DESC`]),
        index([sql`data jsonb_path_ops`], { using: 'gin' }),
        index([sql`lower(name) COLLATE "C"`]),
        index([sql`"Mixed" NULLS FIRST`, sql`(a + 1) DESC`]),
        index([sql`name text_pattern_ops`], { where: sql`deleted_at IS NULL AND name <> 'deleted'` }),
        index([sql`(CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END)`]),
        index([sql`(data::jsonb ->> 'key')`]),
      ],
    });
    expect(() => defineSchema('asia', { tables: { t } })).not.toThrow();
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
