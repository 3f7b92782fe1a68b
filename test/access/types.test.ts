/**
 * Type-level tests of data access: checked by the compiler (`npm run typecheck`, which runs
 * `tsc -p tsconfig.test.json`); an `@ts-expect-error` line that compiles fails the typecheck.
 * The functions below are compiled, never run.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { addCountry, type Continent } from '../../examples/add-country.js';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import {
  bigint,
  defineSchema,
  openWorld,
  table,
  text,
  type ModelsOf,
  type RowOf,
  type World,
  type WorldOf,
} from '../../src/index.js';

const schemas = { asia, europe };
type AsiaCountry = RowOf<typeof asia, 'countries'>;
type EuropeCountry = RowOf<typeof europe, 'countries'>;

declare const world: World<typeof schemas>;

describe('types of data access', () => {
  it('a literal schema name gives that schema\'s rows: signature_dish in asia, eu_member in europe', () => {
    async function compileOnly(): Promise<void> {
      const japan = await world.schema('asia').table('countries').insert({ name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
      expectTypeOf(japan).toEqualTypeOf<AsiaCountry>();
      expectTypeOf(japan.signature_dish).toEqualTypeOf<string | null>();
      const swiss = await world.schema('europe').table('countries').insert({ name: 'Switzerland', eu_member: false });
      expectTypeOf(swiss.eu_member).toEqualTypeOf<boolean | null>();
      expectTypeOf(await world.schema('europe').table('countries').select()).toEqualTypeOf<EuropeCountry[]>();
      expectTypeOf(await world.schema('asia').table('languages').count()).toEqualTypeOf<number>();
      expectTypeOf(await world.schema('asia').table('capitals').delete({ country: 'Japan' })).toEqualTypeOf<RowOf<typeof asia, 'capitals'>[]>();

      // @ts-expect-error -- europe.countries has no signature_dish
      await world.schema('europe').table('countries').insert({ name: 'Switzerland', signature_dish: 'Fondue' });
      // @ts-expect-error -- asia.countries has no eu_member
      await world.schema('asia').table('countries').insert({ name: 'Japan', eu_member: false });
      // @ts-expect-error -- europe rows have no signature_dish
      void swiss.signature_dish;
      // @ts-expect-error -- name is required (NOT NULL, no default)
      await world.schema('asia').table('countries').insert({ population: 1 });
      // @ts-expect-error -- population is an integer, not a string
      await world.schema('asia').table('countries').insert({ name: 'Japan', population: '126M' });
      // @ts-expect-error -- filters use the table's columns
      await world.schema('europe').table('countries').select({ where: { signature_dish: 'Fondue' } });
      // @ts-expect-error -- and so does the order
      await world.schema('europe').table('countries').select({ orderBy: 'signature_dish' });
      // @ts-expect-error -- and the changes of an update
      await world.schema('europe').table('countries').update({ name: 'Switzerland' }, { signature_dish: 'Fondue' });
      // @ts-expect-error -- name is NOT NULL
      await world.schema('europe').table('countries').update({ name: 'Switzerland' }, { name: null });
      // @ts-expect-error -- the world has no schema afrika
      world.schema('afrika');
      // @ts-expect-error -- europe has no languages table
      world.schema('europe').table('languages');
    }
    void compileOnly;
  });

  it('a schema name known only at run time gives the union of the schemas\' rows, checked at run time', () => {
    async function compileOnly(name: string, continent: Continent, tableName: string): Promise<void> {
      const rows = await world.schema(name).table('countries').select({ orderBy: 'name' });
      expectTypeOf(rows).toEqualTypeOf<(AsiaCountry | EuropeCountry)[]>();
      // Either schema's columns compile; the chosen schema's model decides at run time.
      await world.schema(name).table('countries').insert({ name: 'Switzerland', signature_dish: 'Fondue' });
      await world.schema(continent).table('countries').insert({ name: 'Switzerland', eu_member: false });
      // @ts-expect-error -- only tables every schema has: europe has no languages
      world.schema(name).table('languages');
      // @ts-expect-error -- a column neither schema has
      await world.schema(name).table('countries').insert({ name: 'X', capital: 'Y' });
      // A table name known only at run time is checked at run time too.
      await world.schema('asia').table(tableName).count();
      if (world.hasSchema(name)) expectTypeOf(name).toEqualTypeOf<'asia' | 'europe'>();
    }
    void compileOnly;
  });

  it('addCountry checks the fields against the schema when it is written literally', () => {
    async function compileOnly(continent: Continent): Promise<void> {
      const japan = await addCountry(world, 'asia', { name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
      expectTypeOf(japan.signature_dish).toEqualTypeOf<string | null>();
      const swiss = await addCountry(world, 'europe', { name: 'Switzerland', population: 7000000, eu_member: false });
      expectTypeOf(swiss.eu_member).toEqualTypeOf<boolean | null>();
      // @ts-expect-error -- europe.countries has no signature_dish
      await addCountry(world, 'europe', { name: 'Switzerland', population: 7000000, signature_dish: 'Fondue' });
      // Chosen at run time: compiles, and is refused before any SQL (see add-country.test.ts).
      await addCountry(world, continent, { name: 'Switzerland', population: 7000000, signature_dish: 'Fondue' });
    }
    void compileOnly;
  });

  it('transactions, bindings to other schemas and identity ALWAYS columns are typed too', () => {
    const tenants = defineSchema('tenants', {
      tables: { notes: table({ note_id: bigint().identity('always').primaryKey(), body: text().notNull() }) },
    });
    async function compileOnly(): Promise<void> {
      const opened = await openWorld({ schemas: { asia, acme: { model: tenants, schema: 'tenant_acme' } } });
      expectTypeOf(opened).toEqualTypeOf<WorldOf<{ asia: typeof asia; acme: { model: typeof tenants; schema: string } }>>();
      expectTypeOf(opened).toEqualTypeOf<World<ModelsOf<{ asia: typeof asia; acme: typeof tenants }>>>();
      const note = await opened.schema('acme').table('notes').insert({ body: 'hello' });
      expectTypeOf(note.note_id).toEqualTypeOf<string>();
      // @ts-expect-error -- GENERATED ALWAYS: no value may be given
      await opened.schema('acme').table('notes').insert({ note_id: '1', body: 'hello' });
      const capital = await opened.transaction(async (tx) => {
        await tx.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'Ramen' });
        // @ts-expect-error -- asia.countries has no eu_member, inside a transaction too
        await tx.schema('asia').table('countries').insert({ name: 'Korea', eu_member: false });
        return tx.schema('asia').table('capitals').insert({ name: 'Tokyo', country: 'Japan' });
      });
      expectTypeOf(capital).toEqualTypeOf<RowOf<typeof asia, 'capitals'>>();
      // The world from openWorld is the world addCountry takes.
      const both = await openWorld({ schemas });
      await addCountry(both, 'asia', { name: 'Japan' });
    }
    void compileOnly;
  });
});
