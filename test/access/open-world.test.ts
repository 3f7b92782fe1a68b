/**
 * `openWorld` opens the database the CLI would: the config's embedded PGlite folder by default,
 * `url` or DATABASE_URL for a server; it can migrate first; it refuses bad options; `close`
 * closes only what it opened.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import { ConfigError, DatabaseQueryError, openWorld, RefusedQueryError, UsageError } from '../../src/index.js';
import { type CliProject, createCliProject } from '../support/cli-project.js';
import { databaseKinds, describeEachDatabase } from '../support/databases.js';
import { countingDatabase } from './support.js';

const WORLD_CONFIG = { schemas: { asia: {}, europe: {} } };

for (const { kind, skip } of databaseKinds()) {
  // Skipped only for the real server when it cannot be reached outside CI (global-setup says so; in CI it fails the run).
  describe.skipIf(skip)(`openWorld from the config [${kind}]`, () => {
    let project: CliProject;
    afterEach(async () => {
      await project?.cleanup();
    });

    it('opens what the CLI opens, migrates when asked, and closes what it opened', async () => {
      project = await createCliProject({ kind, config: WORLD_CONFIG, world: true });
      const url = project.env['DATABASE_URL'];
      // The embedded default comes from the config alone; the server from `url` (as --url).
      const where = { cwd: project.dir, env: {}, ...(url === undefined ? {} : { url }) };

      const unmigrated = await openWorld({ schemas: { asia, europe }, ...where });
      expect(unmigrated.kind).toBe(kind);
      expect(unmigrated.description).toMatch(kind === 'pglite' ? /^pglite:\.worlddb\/pglite$/ : /^postgres:\/\//);
      const error = await unmigrated.schema('asia').table('countries').count().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseQueryError);
      expect((error as DatabaseQueryError).hint).toMatch(/migrate/);
      await unmigrated.close();

      const applied: string[] = [];
      const world = await openWorld({ schemas: { asia, europe }, ...where, migrate: true, onMigrated: (schema, run) => applied.push(`${schema} ${run.name}`) });
      expect(applied).toEqual(['asia 20261126150000_create_world_tables', 'europe 20261126150000_create_world_tables']);
      await world.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'Ramen' });
      await world.close();
      await world.close(); // twice is fine
      await expect(world.schema('asia').table('countries').count()).rejects.toThrow(RefusedQueryError);

      // Closed means closed: the CLI's own connection sees the row (and gets the PGlite folder).
      expect(await project.query('SELECT name, signature_dish FROM asia.countries')).toEqual([{ name: 'Japan', signature_dish: 'Ramen' }]);
    });

    it('takes DATABASE_URL from env as the CLI does', async () => {
      project = await createCliProject({ kind, config: WORLD_CONFIG, world: true });
      const world = await openWorld({ schemas: { asia }, cwd: project.dir, env: project.env, migrate: true });
      try {
        expect(world.kind).toBe(kind);
        expect(await world.schema('asia').table('countries').count()).toBe(0);
      } finally {
        await world.close();
      }
    });

    it('migrate refuses a schema the config does not list', async () => {
      project = await createCliProject({ kind, config: { schemas: { asia: {} } }, world: true });
      const url = project.env['DATABASE_URL'];
      const error = await openWorld({ schemas: { asia, europe }, cwd: project.dir, env: {}, migrate: true, ...(url === undefined ? {} : { url }) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/cannot migrate schema europe: the config .* does not list it/);
      // The database it opened was closed again: opening it now does not wait for a lock.
      const again = await openWorld({ schemas: { asia }, cwd: project.dir, env: {}, ...(url === undefined ? {} : { url }) });
      await again.close();
      // The Postgres schema is the model's name, not the key: `continent` is asia, which the
      // config lists (and the refused call above had already migrated), so nothing is refused.
      const continent = await openWorld({ schemas: { continent: asia }, cwd: project.dir, env: {}, migrate: true, ...(url === undefined ? {} : { url }) });
      try {
        await continent.schema('continent').table('countries').insert({ name: 'Japan' });
      } finally {
        await continent.close();
      }
      expect(await project.query('SELECT name FROM asia.countries')).toEqual([{ name: 'Japan' }]);
    });
  });
}

describe('openWorld options', () => {
  it('without a config says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'worlddb-noconfig-'));
    try {
      await expect(openWorld({ schemas: { asia }, cwd: dir, env: {} })).rejects.toThrow(ConfigError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a model, no schemas, and two names on one Postgres schema', async () => {
    const database = countingDatabase({
      kind: 'postgres',
      description: 'nowhere',
      connect: () => Promise.reject(new Error('not used')),
      close: async () => undefined,
    });
    await expect(openWorld({ schemas: { asia: { tables: {} } as never }, database })).rejects.toThrow(/schemas\.asia is not a schema model/);
    await expect(openWorld({ schemas: {}, database })).rejects.toThrow(UsageError);
    await expect(openWorld({ schemas: { asia, other: { model: europe, schema: 'asia' } }, database })).rejects.toThrow(
      'openWorld: schemas.asia and schemas.other are both placed in Postgres schema asia',
    );
    await expect(openWorld({ schemas: { asia: { model: asia, schema: '' } }, database })).rejects.toThrow(/is empty/);
    expect(database.statements()).toBe(0);
  });
});

describeEachDatabase('openWorld on a given database', (target) => {
  it('leaves the database open on close', async () => {
    const { db } = target();
    const world = await openWorld({ schemas: { asia }, database: db });
    await expect(world.schema('asia').table('countries').count()).rejects.toThrow(DatabaseQueryError);
    await world.close();
    const session = await db.connect();
    try {
      expect((await session.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await session.release();
    }
  });
});
