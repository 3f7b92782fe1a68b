/**
 * The checks that run before any SQL when the schema is chosen at run time: unknown schemas,
 * tables and columns, values that do not fit, and refused calls. Each is proved to send nothing
 * by counting the statements of the world's sessions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  bigint,
  defineSchema,
  enumColumn,
  enumType,
  integer,
  InvalidValueError,
  jsonb,
  openWorld,
  RefusedQueryError,
  table,
  text,
  UnknownColumnError,
  UnknownSchemaError,
  UnknownTableError,
  WorlddbError,
  type World,
} from '../../src/index.js';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { countingDatabase, migrateWorld, type CountingDatabase } from './support.js';

const mood = enumType('mood', ['calm', 'busy']);
const things = defineSchema('things', {
  tables: {
    items: table({
      item_id: bigint().identity('always').primaryKey(),
      label: text().notNull(),
      tags: text().array(),
      mood: enumColumn(mood),
      extra: jsonb(),
      qty: integer(),
    }),
  },
});

const schemas = { asia, europe };

/** Asserts that `call` fails with `type` and a message matching `message`, and sends no statement. */
async function refusedBeforeSql(
  counted: CountingDatabase,
  call: () => Promise<unknown> | unknown,
  type: new (...args: never[]) => WorlddbError,
  message: RegExp | string,
): Promise<void> {
  const before = counted.statements();
  let caught: unknown;
  try {
    await call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toMatch(message);
  expect((caught as WorlddbError).hint).toBeTruthy();
  expect(counted.statements()).toBe(before);
}

describeEachDatabase('checks before any SQL', (target) => {
  let world: World<typeof schemas>;
  let thingsWorld: World<{ things: typeof things }>;
  let counted: CountingDatabase;

  beforeAll(async () => {
    await migrateWorld(target().db);
    counted = countingDatabase(target().db);
    world = await openWorld({ schemas, database: counted });
    thingsWorld = await openWorld({ schemas: { things: { model: things, schema: freshName('things') } }, database: counted });
  });
  afterAll(async () => {
    await world?.close();
    await thingsWorld?.close();
  });

  it('an unknown schema lists the known ones', async () => {
    const name: string = 'afrika';
    await refusedBeforeSql(counted, () => world.schema(name), UnknownSchemaError, 'unknown schema "afrika"; known schemas: asia, europe');
  });

  it('an unknown table names schema.table and lists the tables', async () => {
    const name: string = 'languages';
    await refusedBeforeSql(
      counted,
      () => world.schema('europe').table(name),
      UnknownTableError,
      'unknown table europe.languages; tables of europe: countries, capitals',
    );
  });

  it('a column of another schema\'s same-named table is refused wherever it appears, naming schema.table.column', async () => {
    const chosen: string = 'europe';
    const countries = world.schema(chosen).table('countries');
    const fondue = { name: 'Switzerland', population: 7000000, signature_dish: 'Fondue' };
    const named = /unknown column europe\.countries\.signature_dish.*; columns of europe\.countries: country_id, name, population, eu_member/;
    await refusedBeforeSql(counted, () => countries.insert(fondue), UnknownColumnError, named);
    await refusedBeforeSql(counted, () => countries.insertMany([{ name: 'Austria' }, fondue]), UnknownColumnError, /signature_dish \(rows\[1\]\)/);
    await refusedBeforeSql(counted, () => countries.select({ where: { signature_dish: 'Fondue' } }), UnknownColumnError, named);
    await refusedBeforeSql(counted, () => countries.select({ orderBy: 'signature_dish' as never }), UnknownColumnError, /signature_dish \(in orderBy\)/);
    await refusedBeforeSql(counted, () => countries.update({ name: 'Switzerland' }, { signature_dish: 'Fondue' }), UnknownColumnError, named);
    await refusedBeforeSql(counted, () => countries.update({ signature_dish: 'Fondue' }, { population: 1 }), UnknownColumnError, named);
    await refusedBeforeSql(counted, () => countries.delete({ signature_dish: 'Fondue' }), UnknownColumnError, named);
    await refusedBeforeSql(counted, () => countries.count({ signature_dish: 'Fondue' }), UnknownColumnError, named);
    const error = await countries.insert(fondue).catch((e: unknown) => e);
    expect(error).toMatchObject({ schema: 'europe', table: 'countries', column: 'signature_dish', exitCode: 2 });
  });

  it('values must fit their columns', async () => {
    const chosen: string = 'asia';
    const countries = world.schema(chosen).table('countries');
    await refusedBeforeSql(
      counted,
      () => countries.insert({ name: 'Japan', population: '126M' as unknown as number }),
      InvalidValueError,
      'asia.countries.population takes an integer (number), got the string "126M"',
    );
    await refusedBeforeSql(counted, () => countries.insert({ name: 'Japan', population: 1.5 }), InvalidValueError, /got the number 1.5/);
    await refusedBeforeSql(counted, () => countries.insert({ population: 1 } as never), InvalidValueError, 'asia.countries.name is required (NOT NULL without a default) and is missing');
    await refusedBeforeSql(counted, () => countries.insert({ name: null } as never), InvalidValueError, 'asia.countries.name is NOT NULL and cannot be set to null');
    await refusedBeforeSql(counted, () => countries.update({ name: 'Japan' }, { name: null } as never), InvalidValueError, /cannot be set to null/);
    await refusedBeforeSql(counted, () => countries.select({ where: { population: 'many' } as never }), InvalidValueError, /population \(in the filter\) takes an integer/);
    await refusedBeforeSql(counted, () => countries.select({ where: { name: undefined } }), InvalidValueError, /name \(in the filter\) is undefined/);
  });

  it('identity ALWAYS, enum, array and JSON columns are checked too', async () => {
    const items = thingsWorld.schema('things').table('items');
    await refusedBeforeSql(counted, () => items.insert({ item_id: '1', label: 'x' } as never), InvalidValueError, /things\.items\.item_id is GENERATED ALWAYS AS IDENTITY/);
    await refusedBeforeSql(counted, () => items.insert({ label: 'x', mood: 'angry' as never }), InvalidValueError, 'things.items.mood takes one of "calm", "busy", got the string "angry"');
    await refusedBeforeSql(counted, () => items.insert({ label: 'x', tags: 'a,b' as never }), InvalidValueError, /tags takes an array of a string/);
    await refusedBeforeSql(counted, () => items.insert({ label: 'x', extra: undefined, qty: 1n as never }), InvalidValueError, /qty takes an integer \(number\), got the bigint 1/);
  });

  it('calls that would change every row, or nothing, are refused', async () => {
    const countries = world.schema('asia').table('countries');
    await refusedBeforeSql(counted, () => countries.delete({}), RefusedQueryError, 'delete of asia.countries without a filter would delete every row');
    await refusedBeforeSql(counted, () => countries.update({}, { population: 1 }), RefusedQueryError, /would change every row/);
    await refusedBeforeSql(counted, () => countries.update({ name: 'Japan' }, {}), RefusedQueryError, 'update of asia.countries has no changes');
    await refusedBeforeSql(counted, () => countries.select({ limit: -1 }), RefusedQueryError, /limit on asia\.countries must be a whole number/);
    await refusedBeforeSql(counted, () => countries.insert(null as never), RefusedQueryError, /must be an object of column values, got null/);
  });

  it('a valid call after all of that sends its statement', async () => {
    const before = counted.statements();
    expect(await world.schema('asia').table('countries').count()).toBe(0);
    expect(counted.statements() - before).toBe(1);
    // The table from its exact names (aliased to its own name, as Kysely's types want one).
    expect(counted.sent.at(-1)).toBe('select count(*)::integer as "count" from "asia"."countries" as "countries"');
  });
});
