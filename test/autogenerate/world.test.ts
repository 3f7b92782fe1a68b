/**
 * The world example and abstract bases on a real catalog:
 * - after `migrate` with the hand-written first migrations, the models of `src/db/` compare clean;
 * - an abstract base extended in two schemas gives each schema its own tables, with the base's
 *   reference resolving to the schema using it (fixture cases, with round trips);
 * - the "done when" of the autogenerate issue: a column and a table added to the asia model give a
 *   migration holding exactly that change, `migrate` applies it, the schema compares clean, and
 *   `downgrade` removes exactly it; europe is never touched.
 */
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { compareModel } from '../../src/autogenerate/compare-model.js';
import { retargetState } from '../../src/autogenerate/retarget-state.js';
import { revisionScript } from '../../src/autogenerate/revision-script.js';
import type { SchemaTarget } from '../../src/config/types.js';
import { countries } from '../../src/db/base.js';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import { introspectSchema } from '../../src/introspect/introspect-schema.js';
import {
  abstractTable,
  boolean,
  check,
  defineSchema,
  index,
  integer,
  numeric,
  sql,
  table,
  text,
  varchar,
  type SchemaModel,
} from '../../src/model/index.js';
import { createMigrationFile } from '../../src/revision/create-migration-file.js';
import { parseSqlMigration } from '../../src/revision/parse-sql-migration.js';
import { downgrade, migrate } from '../../src/runner/index.js';
import { describeEachDatabase, freshName } from '../support/databases.js';
import { describeAll, runFixture, withSession, type FixtureCase, type Names } from './support/fixture.js';

const MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url));

function worldTarget(schema: string, migrationsDir: string): SchemaTarget {
  return { schema, source: { model: null, migrationsDir }, versionTable: { schema, table: `${schema}_migration_version` } };
}

/** A base of this test's own: a reference, a check and an index, all resolving per schema. */
const cities = abstractTable(
  {
    city_id: integer().identity('by default').primaryKey(),
    name: varchar(100).notNull(),
    country: varchar(100).notNull().references('countries', 'name', { onDelete: 'cascade' }),
    population: integer().check(sql`population >= 0`),
  },
  { indexes: [index(['country', 'name'], { unique: true })], comment: 'cities of a country' },
);

const asiaWithCities = defineSchema('asia', {
  tables: { ...asia.tables, cities: cities.extend({ population: numeric(12, 0), monsoon: boolean() }) },
});
const europeWithCities = defineSchema('europe', {
  tables: { ...europe.tables, cities: cities.extend({ eu_capital: boolean() }, { comment: 'European cities' }) },
});

function fromScratch(name: string, model: SchemaModel, extra: readonly string[]): FixtureCase {
  return {
    name,
    sql: '',
    model,
    expected: [
      '+ table s.capitals',
      ...extra.filter((line) => line.startsWith('+ table s.cities')),
      '+ table s.countries',
      ...extra.filter((line) => line.startsWith('+ table s.languages')),
      '+ foreign key s.capitals.capitals_country_fkey (country) -> s.countries (name)',
      ...extra.filter((line) => line.startsWith('+ foreign key')),
    ],
  };
}

describeEachDatabase('autogenerate: the world example', (database) => {
  it('after migrate with the hand-written first migrations, the asia and europe models compare clean', async () => {
    await withSession(database(), async (session) => {
      for (const [model, folder] of [[asia, 'asia'], [europe, 'europe']] as const) {
        const target = worldTarget(freshName(folder), path.join(MIGRATIONS, folder));
        const result = await migrate(session, target);
        expect(result.applied).toHaveLength(1);
        const comparison = await compareModel(session, target, model);
        expect(describeAll(comparison.operations, { schema: target.schema, other: freshName('unused') })).toEqual([]);
        expect(comparison.live.tables.map((t) => t.name)).toEqual(model.state.tables.map((t) => t.name));
      }
    });
  });

  it('the first migrations are what autogenerate writes from an empty schema (same catalog after up and after down)', async () => {
    await withSession(database(), async (session) => {
      for (const [model, folder] of [[asia, 'asia'], [europe, 'europe']] as const) {
        const [file] = (await readdir(path.join(MIGRATIONS, folder))).filter((name) => name.endsWith('.sql'));
        const filePath = path.join(MIGRATIONS, folder, file ?? '');
        const parsed = parseSqlMigration(filePath, await readFile(filePath, 'utf8'));
        const names: Names = { schema: freshName(folder), other: freshName('unused') };
        const byHand = freshName(folder);
        await session.exec(`CREATE SCHEMA "${byHand}"`);
        await session.transaction(async (tx) => {
          await tx.exec(`SET LOCAL search_path TO "${byHand}", public`);
          await tx.exec(parsed.up.sql);
        });
        const result = await runFixture(session, fromScratch(`world ${folder}`, model, folder === 'asia' ? ['+ table s.languages', '+ foreign key s.languages.languages_country_fkey (country) -> s.countries (name)'] : []), names);
        expect(result.afterUp).toEqual(retargetState(await introspectSchema(session, byHand), names.schema));
      }
    });
  });

  it('an abstract base extended in two schemas: each schema gets its tables, the base reference resolves in it', async () => {
    await withSession(database(), async (session) => {
      const inAsia = await runFixture(
        session,
        fromScratch('asia with cities', asiaWithCities, [
          '+ table s.cities',
          '+ table s.languages',
          '+ foreign key s.cities.cities_country_fkey (country) -> s.countries (name)',
          '+ foreign key s.languages.languages_country_fkey (country) -> s.countries (name)',
        ]),
      );
      const inEurope = await runFixture(
        session,
        fromScratch('europe with cities', europeWithCities, ['+ table s.cities', '+ foreign key s.cities.cities_country_fkey (country) -> s.countries (name)']),
      );
      for (const result of [inAsia, inEurope]) {
        const fks = result.afterUp.tables.flatMap((t) => t.foreignKeys);
        expect(fks.length).toBeGreaterThan(0);
        for (const fk of fks) expect(fk).toMatchObject({ refSchema: result.names.schema, refTable: 'countries', refColumns: ['name'] });
      }
      const citiesOf = (state: typeof inAsia.afterUp) => state.tables.find((t) => t.name === 'cities');
      // asia overrides population in place and adds monsoon; europe keeps the base's and adds eu_capital
      expect(citiesOf(inAsia.afterUp)?.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
        'city_id integer',
        'name character varying(100)',
        'country character varying(100)',
        'population numeric(12,0)',
        'monsoon boolean',
      ]);
      expect(citiesOf(inEurope.afterUp)?.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
        'city_id integer',
        'name character varying(100)',
        'country character varying(100)',
        'population integer',
        'eu_capital boolean',
      ]);
      // the overriding column replaces the base's column with its check; table-level parts stay
      expect(citiesOf(inAsia.afterUp)).toMatchObject({
        comment: 'cities of a country',
        checks: [],
        indexes: [{ name: 'cities_country_name_idx', unique: true, keys: ['country', 'name'] }],
      });
      expect(citiesOf(inEurope.afterUp)).toMatchObject({
        comment: 'European cities',
        checks: [{ name: 'cities_population_check', expression: '(population >= 0)' }],
        indexes: [{ name: 'cities_country_name_idx', unique: true, keys: ['country', 'name'] }],
      });
    });
  });

  it('adding a column and a table to asia: autogenerate, migrate, check clean, downgrade removes exactly it; europe untouched', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'worlddb-world-'));
    const dirs = { asia: path.join(root, 'asia'), europe: path.join(root, 'europe') };
    await cp(path.join(MIGRATIONS, 'asia'), dirs.asia, { recursive: true });
    await cp(path.join(MIGRATIONS, 'europe'), dirs.europe, { recursive: true });
    const asiaTarget = worldTarget(freshName('asia'), dirs.asia);
    const europeTarget = worldTarget(freshName('europe'), dirs.europe);

    const more = defineSchema('asia', {
      tables: {
        ...asia.tables,
        countries: countries.extend({ signature_dish: varchar(100), area: integer() }),
        dishes: table(
          { dish_id: integer().identity('by default').primaryKey(), country: varchar(100).references('countries', 'name'), name: text().notNull() },
          { constraints: [check(sql`name <> ''`)] },
        ),
      },
    });
    await withSession(database(), async (session) => {
      // On PGlite, sessions take turns: the runner gets the session this test holds.
      await migrate(session, asiaTarget);
      await migrate(session, europeTarget);
      const europeBefore = await introspectSchema(session, europeTarget.schema);
      const asiaBefore = await introspectSchema(session, asiaTarget.schema, { exclude: [asiaTarget.versionTable] });
      const { operations } = await compareModel(session, asiaTarget, more);
      const names = { schema: asiaTarget.schema, other: freshName('unused') };
      expect(describeAll(operations, names)).toEqual([
        '+ table s.dishes',
        '+ column s.countries.area (integer)',
        '+ foreign key s.dishes.dishes_country_fkey (country) -> s.countries (name)',
      ]);
      const script = revisionScript(asiaTarget.schema, operations);
      const file = await createMigrationFile(dirs.asia, { message: 'more', now: new Date(), up: script.up, down: script.down });
      expect(path.basename(file)).toMatch(/^\d{14}_more\.sql$/);

      expect((await migrate(session, asiaTarget)).applied.map((run) => run.name)).toEqual([path.basename(file, '.sql')]);
      expect((await compareModel(session, asiaTarget, more)).operations).toEqual([]);
      expect((await compareModel(session, europeTarget, europe)).operations).toEqual([]);

      expect((await downgrade(session, asiaTarget)).reverted.map((run) => run.name)).toEqual([path.basename(file, '.sql')]);
      expect(await introspectSchema(session, asiaTarget.schema, { exclude: [asiaTarget.versionTable] })).toEqual(asiaBefore);
      expect((await compareModel(session, asiaTarget, asia)).operations).toEqual([]);
      expect(await introspectSchema(session, europeTarget.schema)).toEqual(europeBefore);
    });
  });
});
