/**
 * The seed's `add_country(schema, **kwargs)`, with worlddb.
 *
 * In the seed, a function that inserts into `countries` of whichever schema it is given imports
 * the schema's module by name (`import_module(f".db.{schema}")`) and hopes the keyword arguments
 * fit. Here the schema is chosen the same way, at run time, but the models say what each schema's
 * `countries` has: with a literal schema name the compiler checks the fields (`signature_dish`
 * only in asia, `eu_member` only in europe); with a name known only at run time the same check
 * runs before any SQL is sent.
 *
 * Run it (it migrates the embedded database first if needed):
 *
 *     npm run example          # node --import tsx examples/add-country.ts
 *
 * With DATABASE_URL set (or --url in the config), it runs on that server instead.
 * In your own project, import from 'worlddb' instead of '../src/index.js'.
 */
import { pathToFileURL } from 'node:url';
import asia from '../src/db/asia.js';
import europe from '../src/db/europe.js';
import { openWorld, UniqueViolationError, WorlddbError, type InsertOf, type RowOf, type World } from '../src/index.js';

/** The schemas of the world example, by name. */
export const schemas = { asia, europe };
export type WorldSchemas = typeof schemas;
/** `'asia' | 'europe'`. */
export type Continent = keyof WorldSchemas;
/** The fields of a new country of schema `S`: `signature_dish` in asia, `eu_member` in europe. */
export type NewCountry<S extends Continent> = InsertOf<WorldSchemas[S], 'countries'>;
/** A country row of schema `S`. */
export type Country<S extends Continent> = RowOf<WorldSchemas[S], 'countries'>;

/**
 * Adds a country to the `countries` table of `schema` and returns the stored row.
 *
 * @throws UnknownColumnError before any SQL when `fields` has a column the schema's countries
 *   does not (`europe.countries.signature_dish`); UniqueViolationError when the name exists.
 * @example
 * await addCountry(world, 'asia', { name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
 * await addCountry(world, 'europe', { name: 'Switzerland', population: 7000000, eu_member: false });
 */
export function addCountry<S extends Continent>(world: World<WorldSchemas>, schema: S, fields: NewCountry<S>): Promise<Country<S>> {
  return world.schema(schema).table('countries').insert(fields);
}

/** Adds the country, or finds it when a previous run added it already. */
async function addOrFind<S extends Continent>(
  world: World<WorldSchemas>,
  schema: S,
  fields: NewCountry<S>,
): Promise<{ row: Country<S>; added: boolean }> {
  try {
    return { row: await addCountry(world, schema, fields), added: true };
  } catch (error) {
    if (!(error instanceof UniqueViolationError)) throw error;
    const countries = world.schema(schema as Continent).table('countries');
    const [row] = await countries.select({ where: { name: fields.name } });
    return { row: row as Country<S>, added: false };
  }
}

/**
 * Adds Japan to asia and Switzerland to europe (on the configured database, migrated first) and
 * prints the rows; then shows a schema chosen at run time refusing a column it does not have.
 *
 * @example
 * await main({ log: console.log });
 */
export async function main(out: { log: (line: string) => void } = console): Promise<void> {
  const world = await openWorld({
    schemas,
    migrate: true,
    onCreateDatabase: (dir) => out.log(`creating the embedded database in ${dir} (first use, a few seconds)`),
    onMigrated: (schema, run) => out.log(`${schema}: applied ${run.name}`),
  });
  try {
    out.log(`database: ${world.description}`);
    const japan = await addOrFind(world, 'asia', { name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
    const switzerland = await addOrFind(world, 'europe', { name: 'Switzerland', population: 7000000, eu_member: false });
    out.log(`asia.countries:   ${JSON.stringify(japan.row)}${japan.added ? '' : ' (already there)'}`);
    out.log(`europe.countries: ${JSON.stringify(switzerland.row)}${switzerland.added ? '' : ' (already there)'}`);

    // The schema as the seed gets it: a string known only at run time. The fields type is then
    // the union of both schemas' fields, so this compiles; worlddb refuses it before any SQL.
    const chosen = (process.env['WORLDDB_EXAMPLE_SCHEMA'] ?? 'europe') as Continent;
    try {
      await addCountry(world, chosen, { name: 'Switzerland', population: 7000000, signature_dish: 'Fondue' });
    } catch (error) {
      if (!(error instanceof WorlddbError)) throw error;
      out.log(`refused: ${error.message}`);
    }
  } finally {
    await world.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof WorlddbError) {
      console.error(`error: ${error.message}${error.hint === undefined ? '' : `\nhint: ${error.hint}`}`);
      process.exitCode = error.exitCode;
    } else {
      console.error(error);
      process.exitCode = 70;
    }
  });
}
