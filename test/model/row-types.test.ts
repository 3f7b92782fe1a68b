/**
 * Type-level tests: the row types inferred from the model. They are checked by the compiler
 * (`npx tsc -p tsconfig.test.json`); a wrong type or a missing `@ts-expect-error` fails it.
 */
import { describe, expectTypeOf, it } from 'vitest';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import {
  bigint,
  boolean,
  bytea,
  date,
  defineSchema,
  enumColumn,
  enumType,
  integer,
  interval,
  jsonb,
  numeric,
  primaryKey,
  sql,
  table,
  text,
  timestamptz,
  varchar,
  type InsertOf,
  type RowOf,
  type SchemaNameOf,
  type TableNameOf,
  type TableRow,
  type UpdateOf,
} from '../../src/model/index.js';

describe('row types of the world example', () => {
  it('asia countries have signature_dish, europe countries eu_member', () => {
    expectTypeOf<RowOf<typeof asia, 'countries'>>().toEqualTypeOf<{
      country_id: number;
      name: string;
      population: number | null;
      signature_dish: string | null;
    }>();
    expectTypeOf<RowOf<typeof europe, 'countries'>>().toEqualTypeOf<{
      country_id: number;
      name: string;
      population: number | null;
      eu_member: boolean | null;
    }>();
  });

  it('the compiler refuses signature_dish on europe and eu_member on asia', () => {
    const japan: InsertOf<typeof asia, 'countries'> = { country_id: 1, name: 'Japan', population: 126000000, signature_dish: 'Ramen' };
    const swiss: InsertOf<typeof europe, 'countries'> = { country_id: 2, name: 'Switzerland', population: 7000000, eu_member: false };
    // @ts-expect-error -- europe.countries has no signature_dish
    const fondue: InsertOf<typeof europe, 'countries'> = { country_id: 3, name: 'Switzerland', signature_dish: 'Fondue' };
    // @ts-expect-error -- asia.countries has no eu_member
    const member: InsertOf<typeof asia, 'countries'> = { country_id: 4, name: 'Japan', eu_member: false };
    const row = {} as RowOf<typeof europe, 'countries'>;
    // @ts-expect-error -- europe.countries has no signature_dish
    void row.signature_dish;
    void [japan, swiss, fondue, member];
  });

  it('insert rows require NOT NULL columns without default and make the others optional (identity by default too)', () => {
    expectTypeOf<InsertOf<typeof asia, 'countries'>>().toEqualTypeOf<{
      country_id?: number;
      name: string;
      population?: number | null;
      signature_dish?: string | null;
    }>();
    // @ts-expect-error -- name is required
    const noName: InsertOf<typeof asia, 'countries'> = { country_id: 1 };
    const noId: InsertOf<typeof asia, 'countries'> = { name: 'Japan' };
    void [noName, noId];
  });

  it('keeps the literal schema name and the table names', () => {
    expectTypeOf<SchemaNameOf<typeof asia>>().toEqualTypeOf<'asia'>();
    expectTypeOf(europe.name).toEqualTypeOf<'europe'>();
    expectTypeOf<TableNameOf<typeof asia>>().toEqualTypeOf<'countries' | 'capitals' | 'languages'>();
    expectTypeOf<TableNameOf<typeof europe>>().toEqualTypeOf<'countries' | 'capitals'>();
    // @ts-expect-error -- europe has no languages table
    type Languages = RowOf<typeof europe, 'languages'>;
  });
});

describe('row types per column type', () => {
  const continent = enumType('continent', ['Asia', 'Europe']);
  const s = defineSchema('types', {
    tables: {
      t: table({
        id: bigint().identity('always').primaryKey(),
        n: integer().identity('by default'),
        price: numeric(10, 2).notNull().default(0),
        born: date(),
        at: timestamptz().notNull().default(sql`now()`),
        took: interval(),
        doc: jsonb<{ theme: string }>().notNull(),
        raw: jsonb(),
        png: bytea(),
        tags: text().array().notNull(),
        continent: enumColumn(continent).notNull(),
        flag: boolean(),
        code: varchar(3).$type<'EUR' | 'JPY'>(),
      }),
      pair: table({ a: integer(), b: text(), c: text() }, { constraints: [primaryKey(['a', 'b'])] }),
    },
  });

  it('maps SQL types to TypeScript types', () => {
    expectTypeOf<RowOf<typeof s, 't'>>().toEqualTypeOf<{
      id: string;
      n: number;
      price: string;
      born: Date | null;
      at: Date;
      took: string | null;
      doc: { theme: string };
      raw: unknown;
      png: Uint8Array | null;
      tags: string[];
      continent: 'Asia' | 'Europe';
      flag: boolean | null;
      code: 'EUR' | 'JPY' | null;
    }>();
  });

  it('leaves identity always out of inserts and updates, makes identity by default optional', () => {
    expectTypeOf<InsertOf<typeof s, 't'>>().toEqualTypeOf<{
      doc: { theme: string };
      tags: string[];
      continent: 'Asia' | 'Europe';
      n?: number;
      price?: string;
      born?: Date | null;
      at?: Date;
      took?: string | null;
      raw?: unknown;
      png?: Uint8Array | null;
      flag?: boolean | null;
      code?: 'EUR' | 'JPY' | null;
    }>();
    expectTypeOf<UpdateOf<typeof s, 't'>>().not.toHaveProperty('id');
    expectTypeOf<UpdateOf<typeof s, 't'>>().toHaveProperty('price');
  });

  it('treats the columns of a composite primary key as not null', () => {
    expectTypeOf<TableRow<typeof s.tables.pair>>().toEqualTypeOf<{ a: number; b: string; c: string | null }>();
  });

  it('checks defaults against the column type', () => {
    // @ts-expect-error -- not an integer
    integer().default('x');
    // @ts-expect-error -- not a label
    enumColumn(continent).default('Atlantis');
    integer().default(sql`1 + 1`);
    numeric().default(1.5);
    numeric().default('1.50');
    text().array().default(['a']);
  });

  it('leaves generated columns out of the insert and update types', () => {
    const films = defineSchema('films', {
      tables: { f: table({ id: integer().primaryKey(), length: integer().notNull(), hours: numeric().generatedAlwaysAs(sql`length / 60.0`) }) },
    });
    expectTypeOf<RowOf<typeof films, 'f'>>().toEqualTypeOf<{ id: number; length: number; hours: string | null }>();
    expectTypeOf<InsertOf<typeof films, 'f'>>().toEqualTypeOf<{ id: number; length: number }>();
    expectTypeOf<UpdateOf<typeof films, 'f'>>().not.toHaveProperty('hours');
  });
});
