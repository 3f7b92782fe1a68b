/**
 * Typed data access on the world example: insert, insertMany, select, update, delete, count and
 * transactions on asia's and europe's same-named tables, on PGlite and on the real server. The
 * world tables are created by the real migrations in this file's own database.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openWorld, RefusedQueryError, TransactionAbortedError, UniqueViolationError, type World } from '../../src/index.js';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import { describeEachDatabase } from '../support/databases.js';
import { countingDatabase, migrateWorld, type CountingDatabase } from './support.js';

const schemas = { asia, europe };

describeEachDatabase('typed data access', (target) => {
  let world: World<typeof schemas>;
  let counted: CountingDatabase;

  beforeAll(async () => {
    await migrateWorld(target().db);
    counted = countingDatabase(target().db);
    world = await openWorld({ schemas, database: counted });
  });
  afterAll(async () => {
    await world?.close();
  });
  afterEach(async () => {
    for (const name of ['asia', 'europe'] as const) {
      if (name === 'asia') await world.schema('asia').table('languages').delete({}, { allRows: true });
      await world.schema(name).table('capitals').delete({}, { allRows: true });
      await world.schema(name).table('countries').delete({}, { allRows: true });
    }
  });

  it('insert returns the stored row; the same-named tables of asia and europe stay apart', async () => {
    const japan = await world.schema('asia').table('countries').insert({ name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
    expect(japan).toEqual({ country_id: expect.any(Number), name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
    const swiss = await world.schema('europe').table('countries').insert({ name: 'Switzerland', eu_member: false });
    expect(swiss).toEqual({ country_id: expect.any(Number), name: 'Switzerland', population: null, eu_member: false });
    expect(await world.schema('asia').table('countries').count()).toBe(1);
    expect(await world.schema('europe').table('countries').count()).toBe(1);
    expect(await world.schema('europe').table('countries').count({ name: 'Japan' })).toBe(0);
  });

  it('insertMany inserts in one statement, in order; a column left out takes its default', async () => {
    const countries = world.schema('europe').table('countries');
    const before = counted.statements();
    const rows = await countries.insertMany([
      { name: 'France', population: 68000000, eu_member: true },
      { name: 'Norway', eu_member: false },
      { name: 'Iceland' },
    ]);
    expect(counted.statements() - before).toBe(1);
    expect(rows.map((r) => [r.name, r.population, r.eu_member])).toEqual([
      ['France', 68000000, true],
      ['Norway', null, false],
      ['Iceland', null, null],
    ]);
    expect(await countries.insertMany([])).toEqual([]);
    expect(counted.statements() - before).toBe(1);
  });

  it('insert with nothing given uses the defaults, one row or many', async () => {
    const languages = world.schema('asia').table('languages');
    const one = await languages.insert({});
    expect(one).toEqual({ language_id: expect.any(Number), country: null });
    const two = await languages.insertMany([{}, {}]);
    expect(two).toHaveLength(2);
    expect(await languages.count({ country: null })).toBe(3);
  });

  it('select filters by equality (null matches NULL), orders, limits and offsets', async () => {
    const countries = world.schema('europe').table('countries');
    await countries.insertMany([
      { name: 'France', population: 68000000, eu_member: true },
      { name: 'Germany', population: 84000000, eu_member: true },
      { name: 'Norway', population: 5500000, eu_member: false },
      { name: 'Vatican', eu_member: null },
    ]);
    const members = await countries.select({ where: { eu_member: true }, orderBy: 'name' });
    expect(members.map((r) => r.name)).toEqual(['France', 'Germany']);
    const unknown = await countries.select({ where: { population: null } });
    expect(unknown.map((r) => r.name)).toEqual(['Vatican']);
    const biggest = await countries.select({ orderBy: [{ column: 'population', direction: 'desc' }, 'name'], limit: 2 });
    expect(biggest.map((r) => r.name)).toEqual(['Vatican', 'Germany']); // NULL sorts first in descending order
    const next = await countries.select({ where: { eu_member: true }, orderBy: 'name', limit: 1, offset: 1 });
    expect(next.map((r) => r.name)).toEqual(['Germany']);
    expect(await countries.select({ where: { eu_member: true, name: 'Norway' } })).toEqual([]);
  });

  it('update sets values on the matching rows and returns them; an empty filter needs allRows', async () => {
    const countries = world.schema('asia').table('countries');
    await countries.insertMany([{ name: 'Japan', population: 126000000 }, { name: 'Korea', population: 52000000 }]);
    const changed = await countries.update({ name: 'Japan' }, { population: 125000000, signature_dish: 'Ramen' });
    expect(changed).toEqual([{ country_id: expect.any(Number), name: 'Japan', population: 125000000, signature_dish: 'Ramen' }]);
    expect(await countries.update({ name: 'Nowhere' }, { population: 1 })).toEqual([]);
    await expect(countries.update({}, { population: 0 })).rejects.toThrow(RefusedQueryError);
    const all = await countries.update({}, { signature_dish: null }, { allRows: true });
    expect(all).toHaveLength(2);
    expect(await countries.count({ signature_dish: null })).toBe(2);
  });

  it('delete removes the matching rows and returns them; count counts', async () => {
    const countries = world.schema('europe').table('countries');
    await countries.insertMany([{ name: 'France', eu_member: true }, { name: 'Norway', eu_member: false }, { name: 'Iceland', eu_member: false }]);
    expect(await countries.count()).toBe(3);
    expect(await countries.count({ eu_member: false })).toBe(2);
    const gone = await countries.delete({ eu_member: false });
    expect(gone.map((r) => r.name).sort()).toEqual(['Iceland', 'Norway']);
    await expect(countries.delete({})).rejects.toThrow(/without a filter would delete every row/);
    expect(await countries.count()).toBe(1);
  });

  it('a schema chosen at run time works on each schema', async () => {
    for (const name of ['asia', 'europe'] as string[]) {
      const countries = world.schema(name).table('countries');
      await countries.insert({ name: `Land of ${name}`, population: 1 });
      expect(await countries.count({ name: `Land of ${name}` })).toBe(1);
      expect(countries.schemaName).toBe(name);
    }
  });

  it('transaction commits what its callback did, and returns its result', async () => {
    const capital = await world.transaction(async (tx) => {
      await tx.schema('europe').table('countries').insert({ name: 'Switzerland', eu_member: false });
      return tx.schema('europe').table('capitals').insert({ name: 'Bern', country: 'Switzerland' });
    });
    expect(capital).toEqual({ capital_id: expect.any(Number), name: 'Bern', country: 'Switzerland' });
    expect(await world.schema('europe').table('capitals').count()).toBe(1);
  });

  it('transaction rolls back when its callback throws, and rethrows', async () => {
    const boom = new Error('boom');
    await expect(
      world.transaction(async (tx) => {
        await tx.schema('asia').table('countries').insert({ name: 'Japan' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await world.schema('asia').table('countries').count()).toBe(0);

    await expect(
      world.transaction(async (tx) => {
        await tx.schema('asia').table('countries').insert({ name: 'Japan' });
        await tx.schema('asia').table('countries').insert({ name: 'Japan' });
      }),
    ).rejects.toThrow(UniqueViolationError);
    expect(await world.schema('asia').table('countries').count()).toBe(0);
  });

  it('a failed statement caught inside a transaction aborts it: nothing is committed, and it says so', async () => {
    await expect(
      world.transaction(async (tx) => {
        const countries = tx.schema('asia').table('countries');
        await countries.insert({ name: 'Japan' });
        await countries.insert({ name: 'Japan' }).catch(() => undefined);
      }),
    ).rejects.toThrow(TransactionAbortedError);
    expect(await world.schema('asia').table('countries').count()).toBe(0);
  });

  it('inside a transaction the world itself is refused (tx is the handle), without any SQL', async () => {
    await expect(
      world.transaction(async () => {
        const before = counted.statements();
        await expect(world.schema('asia').table('countries').count()).rejects.toThrow(/inside world.transaction/);
        await expect(world.transaction(async () => undefined)).rejects.toThrow(RefusedQueryError);
        expect(counted.statements()).toBe(before);
      }),
    ).resolves.toBeUndefined();
  });

  it('parallel calls share the sessions without waiting forever; the database stays usable by others', async () => {
    const countries = world.schema('europe').table('countries');
    const names = Array.from({ length: 25 }, (_, i) => `Land ${i}`);
    await Promise.all(names.map((name) => countries.insert({ name })));
    const counts = await Promise.all(names.map((name) => countries.count({ name })));
    expect(counts).toEqual(names.map(() => 1));
    // Another user of the same database in this process (the runner, a test) is not locked out.
    const session = await target().db.connect();
    try {
      expect((await session.query<{ n: number }>('SELECT count(*)::integer AS n FROM europe.countries')).rows).toEqual([{ n: 25 }]);
    } finally {
      await session.release();
    }
  });

  it('world.kysely runs what the table operations do not cover, on the same sessions', async () => {
    await world.schema('asia').table('countries').insertMany([{ name: 'Japan', population: 126000000 }, { name: 'Korea', population: 52000000 }]);
    const total = await world.kysely
      .withSchema('asia')
      .selectFrom('countries')
      .select((eb) => eb.fn.sum<string>('population').as('total'))
      .executeTakeFirstOrThrow();
    expect(Number(total.total)).toBe(178000000);
  });
});
