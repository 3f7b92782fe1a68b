/**
 * Column types and literal defaults as the catalog prints them. Expected values were taken from
 * PostgreSQL 18.6 (PGlite): `format_type(atttypid, atttypmod)` and `pg_get_expr(adbin, adrelid)`
 * with search_path set to the schema.
 */
import { describe, expect, it } from 'vitest';
import {
  bigint,
  boolean,
  bytea,
  char,
  date,
  defineSchema,
  doublePrecision,
  enumColumn,
  enumType,
  inet,
  integer,
  interval,
  json,
  jsonb,
  modelToState,
  numeric,
  real,
  smallint,
  sql,
  table,
  text,
  time,
  timestamp,
  timestamptz,
  uuid,
  varchar,
  type ColumnsShape,
} from '../../src/model/index.js';
import type { ColumnState } from '../../src/schema/types.js';

const continent = enumType('continent', ['Asia', 'Europe']);

function columns(cols: ColumnsShape): readonly ColumnState[] {
  const state = modelToState(defineSchema('s', { tables: { t: table(cols) } }));
  return state.tables[0]?.columns ?? [];
}

function typeAndDefault(cols: ColumnsShape): Record<string, [string, string | null]> {
  return Object.fromEntries(columns(cols).map((c) => [c.name, [c.type, c.default]]));
}

describe('column types (format_type)', () => {
  it('prints every supported type', () => {
    expect(
      typeAndDefault({
        a: smallint(),
        b: integer(),
        c: bigint(),
        d: numeric(10, 2),
        e: numeric(),
        f: numeric(5),
        g: real(),
        h: doublePrecision(),
        i: boolean(),
        j: text(),
        k: varchar(100),
        l: varchar(),
        m: char(2),
        n: char(),
        o: date(),
        p: time(),
        q: time(3),
        r: timestamp(),
        s: timestamptz(),
        u: timestamptz(3),
        v: interval(),
        w: uuid(),
        x: json(),
        y: jsonb(),
        z: bytea(),
        aa: inet(),
        ab: text().array(),
        ac: varchar(100).array(),
        ad: enumColumn(continent),
        ae: enumColumn(continent).array(),
        af: integer().array().array(),
      }),
    ).toEqual({
      a: ['smallint', null],
      b: ['integer', null],
      c: ['bigint', null],
      d: ['numeric(10,2)', null],
      e: ['numeric', null],
      f: ['numeric(5,0)', null],
      g: ['real', null],
      h: ['double precision', null],
      i: ['boolean', null],
      j: ['text', null],
      k: ['character varying(100)', null],
      l: ['character varying', null],
      m: ['character(2)', null],
      n: ['character(1)', null],
      o: ['date', null],
      p: ['time without time zone', null],
      q: ['time(3) without time zone', null],
      r: ['timestamp without time zone', null],
      s: ['timestamp with time zone', null],
      u: ['timestamp(3) with time zone', null],
      v: ['interval', null],
      w: ['uuid', null],
      x: ['json', null],
      y: ['jsonb', null],
      z: ['bytea', null],
      aa: ['inet', null],
      ab: ['text[]', null],
      ac: ['character varying(100)[]', null],
      ad: ['continent', null],
      ae: ['continent[]', null],
      af: ['integer[]', null],
    });
  });

  it('qualifies an enum of another schema and quotes names only when needed', () => {
    const currency = enumType('currency', ['EUR', 'JPY'], { schema: 'public' });
    const Mixed = enumType('Mixed Case', ['a']);
    const order = enumType('order', ['a']);
    expect(
      typeAndDefault({ a: enumColumn(currency), b: enumColumn(Mixed), c: enumColumn(order).array(), d: enumColumn(currency).default('EUR') }),
    ).toEqual({
      a: ['public.currency', null],
      b: ['"Mixed Case"', null],
      c: ['"order"[]', null],
      d: ['public.currency', "'EUR'::public.currency"],
    });
  });

  it('marks identity, primary key and NOT NULL columns not null', () => {
    const cols = columns({ id: integer().identity('always'), b: bigint().identity('by default'), c: text().notNull(), d: text() });
    expect(cols.map((c) => [c.name, c.notNull, c.identity, c.default])).toEqual([
      ['id', true, 'always', null],
      ['b', true, 'by default', null],
      ['c', true, null, null],
      ['d', false, null, null],
    ]);
  });

  it('keeps column comments; an empty comment is no comment', () => {
    const cols = columns({ a: integer().comment("it's"), b: integer().comment('') });
    expect(cols.map((c) => c.comment)).toEqual(["it's", null]);
  });
});

describe('literal defaults (as pg_get_expr prints them)', () => {
  it('prints numbers like the parser makes constants of them', () => {
    expect(
      typeAndDefault({
        a: integer().default(0),
        b: integer().default(-1),
        c: bigint().default(5),
        d: bigint().default('5'),
        e: numeric(10, 2).default(1.5),
        f: numeric().default(-1.5),
        g: numeric(10, 2).default('1.50'),
        h: numeric().default('5'),
        i: integer().default(7),
        j: bigint().default(3000000000),
        k: smallint().default(3),
        l: doublePrecision().default(1.5),
        m: real().default(2),
        n: numeric().default(1e-7),
      }),
    ).toEqual({
      a: ['integer', '0'],
      b: ['integer', "'-1'::integer"],
      c: ['bigint', '5'],
      d: ['bigint', "'5'::bigint"],
      e: ['numeric(10,2)', '1.5'],
      f: ['numeric', "'-1.5'::numeric"],
      g: ['numeric(10,2)', '1.50'],
      h: ['numeric', "'5'::numeric"],
      i: ['integer', '7'],
      j: ['bigint', "'3000000000'::bigint"],
      k: ['smallint', '3'],
      l: ['double precision', '1.5'],
      m: ['real', '2'],
      n: ['numeric', '0.0000001'],
    });
  });

  it('prints strings, booleans, dates, json, bytes, arrays and enums as labelled literals', () => {
    expect(
      typeAndDefault({
        a: text().default('x'),
        b: varchar(10).default("it's"),
        c: char(2).default('ab'),
        d: boolean().default(true),
        e: text().array().default(['a', 'b c', '']),
        f: integer().array().default([1, 2]),
        g: enumColumn(continent).default('Asia'),
        h: jsonb().default({ bb: 1, a: [1, 2] }),
        i: json().default({ bb: 1 }),
        j: date().default(new Date('2024-01-02T00:00:00Z')),
        k: timestamptz().default(new Date('2024-01-02T03:04:05Z')),
        l: timestamp().default(new Date('2024-01-02T03:04:05.5Z')),
        m: bytea().default(new Uint8Array([1, 2])),
        n: text().default('a\\b'),
        o: interval().default('1 day'),
        p: uuid().default('00000000-0000-0000-0000-000000000000'),
        q: enumColumn(continent).array().default(['Asia']),
        r: varchar(100).array().default([]),
        s: date().default('2024-01-02'),
      }),
    ).toEqual({
      a: ['text', "'x'::text"],
      b: ['character varying(10)', "'it''s'::character varying"],
      c: ['character(2)', "'ab'::bpchar"],
      d: ['boolean', 'true'],
      e: ['text[]', `'{a,"b c",""}'::text[]`],
      f: ['integer[]', "'{1,2}'::integer[]"],
      g: ['continent', "'Asia'::continent"],
      h: ['jsonb', `'{"a": [1, 2], "bb": 1}'::jsonb`],
      i: ['json', `'{"bb":1}'::json`],
      j: ['date', "'2024-01-02'::date"],
      k: ['timestamp with time zone', "'2024-01-02 03:04:05+00'::timestamp with time zone"],
      l: ['timestamp without time zone', "'2024-01-02 03:04:05.5'::timestamp without time zone"],
      m: ['bytea', "'\\x0102'::bytea"],
      n: ['text', "'a\\b'::text"],
      o: ['interval', "'1 day'::interval"],
      p: ['uuid', "'00000000-0000-0000-0000-000000000000'::uuid"],
      q: ['continent[]', "'{Asia}'::continent[]"],
      r: ['character varying(100)[]', "'{}'::character varying[]"],
      s: ['date', "'2024-01-02'::date"],
    });
  });

  it('keeps SQL defaults as written', () => {
    expect(typeAndDefault({ a: timestamptz().default(sql`now()`), b: timestamptz().default(sql` CURRENT_TIMESTAMP `), c: uuid().default(sql.raw('gen_random_uuid()')) })).toEqual({
      a: ['timestamp with time zone', 'now()'],
      b: ['timestamp with time zone', 'CURRENT_TIMESTAMP'],
      c: ['uuid', 'gen_random_uuid()'],
    });
  });

  it('interpolates values into sql as literals', () => {
    expect(sql`status <> ${'it\'s'} AND n > ${3} AND ${sql`x`} IS NOT ${null}`.text).toBe("status <> 'it''s' AND n > 3 AND x IS NOT NULL");
  });
});
