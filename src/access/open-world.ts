/**
 * `openWorld`: the library's entry to typed data access. Opens the database the CLI would use
 * (same config, same `--url`/`DATABASE_URL` precedence, the embedded PGlite by default) and gives
 * a {@link World} typed from the models it is given.
 */
import { Kysely } from 'kysely';
import { loadConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/types.js';
import { openDatabase } from '../connection/open-database.js';
import type { Database } from '../connection/types.js';
import { ConfigError, UsageError } from '../errors.js';
import { isSchemaModel } from '../model/index.js';
import type { MigrationRun } from '../runner/types.js';
import { identifierProblem } from '../sql/quote.js';
import type { ModelsOf, SchemaBindings } from './access-types.js';
import { SessionDialect } from './session-dialect.js';
import type { UntypedDatabase } from './table-access.js';
import { World } from './world.js';
import { WorldCatalog, type SchemaPlacement } from './world-catalog.js';

export interface OpenWorldOptions<B extends SchemaBindings> {
  /**
   * The schemas, by the name `world.schema(name)` takes: a model (its tables are in the Postgres
   * schema the model is named after, `defineSchema('asia', ...)`: `asia`, whatever the key) or
   * `{ model, schema }` to place it in another Postgres schema.
   */
  readonly schemas: B;
  /** Where the config is looked for. Default `process.cwd()`. */
  readonly cwd?: string;
  /** Config file, as `--config` (relative to `cwd`). Default: found from `cwd` as the CLI finds it. */
  readonly config?: string;
  /** A Postgres URL, as `--url`: beats `DATABASE_URL`, which beats the config. */
  readonly url?: string;
  /** Environment, for `DATABASE_URL`. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * An open database to use instead of the config's; it stays open when the world closes. The
   * config is then not read (unless `migrate` is set).
   */
  readonly database?: Database;
  /**
   * Apply the pending migrations of the world's schemas (from the config) before returning, as
   * `worlddb migrate` would. For examples, tests and tools; deployments usually migrate apart.
   * Default false.
   */
  readonly migrate?: boolean;
  /** Told before a new embedded database is created (the first use takes a few seconds). */
  readonly onCreateDatabase?: (dataDir: string) => void;
  /** Told about each migration applied by `migrate`. */
  readonly onMigrated?: (schema: string, run: MigrationRun) => void;
  /** Most sessions open at once on a server (the embedded database has one). Default 10. */
  readonly maxSessions?: number;
}

/** The world type of a set of bindings: `WorldOf<typeof schemas>`. */
export type WorldOf<B extends SchemaBindings> = World<ModelsOf<B>>;

/**
 * Opens a database for typed data access to the given schemas.
 *
 * @throws ConfigError for a missing or invalid config; ConnectionError when the database cannot be
 *   opened; UsageError for an invalid `schemas` option; the runner's errors with `migrate`.
 * @example
 * import { openWorld } from 'worlddb';
 * import asia from './db/asia.js';
 * import europe from './db/europe.js';
 *
 * const world = await openWorld({ schemas: { asia, europe } });
 * const japan = await world.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'Ramen' });
 * await world.close();
 */
export async function openWorld<const B extends SchemaBindings>(options: OpenWorldOptions<B>): Promise<World<ModelsOf<B>>> {
  const placements = placementsOf(options.schemas);
  const catalog = new WorldCatalog(placements);
  const load = (): Promise<ResolvedConfig> =>
    loadConfig({
      cwd: options.cwd ?? process.cwd(),
      ...(options.config === undefined ? {} : { configPath: options.config }),
      ...(options.url === undefined ? {} : { url: options.url }),
      env: options.env ?? process.env,
    });
  let config: ResolvedConfig | null = null;
  let database: Database;
  if (options.database !== undefined) {
    database = options.database;
  } else {
    config = await load();
    database = await openDatabase(config.database, {
      lockTimeoutMs: config.lockTimeoutMs,
      rootDir: config.rootDir,
      ...(options.onCreateDatabase === undefined ? {} : { onCreate: options.onCreateDatabase }),
    });
  }
  const ownsDatabase = options.database === undefined;
  try {
    if (options.migrate === true) await migrateAll(database, config ?? (await load()), placements, options.onMigrated);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  const kysely = new Kysely<UntypedDatabase>({
    dialect: new SessionDialect({
      database,
      ...(options.maxSessions === undefined ? {} : { maxSessions: options.maxSessions }),
    }),
  });
  return new World<ModelsOf<B>>({ catalog, kysely, database, ownsDatabase });
}

function placementsOf(bindings: SchemaBindings): SchemaPlacement[] {
  if (typeof bindings !== 'object' || bindings === null || Object.keys(bindings).length === 0) {
    throw new UsageError('openWorld needs at least one schema', { hint: 'openWorld({ schemas: { asia, europe } })' });
  }
  const placements = Object.entries(bindings).map(([name, binding]): SchemaPlacement => {
    // The key names the schema in the world only; the Postgres schema is the model's own name
    // unless the binding places it elsewhere.
    const bound = isSchemaModel(binding) ? { model: binding, schema: binding.name } : binding;
    if (typeof bound !== 'object' || bound === null || !isSchemaModel(bound.model)) {
      throw new UsageError(`openWorld: schemas.${name} is not a schema model`, {
        hint: "give the default export of a model file (defineSchema('name', { tables })), or { model, schema }",
      });
    }
    const problem = identifierProblem(bound.schema);
    if (problem !== null) {
      throw new UsageError(`openWorld: the Postgres schema name of schemas.${name} ${problem}`, { hint: 'give a name of 1 to 63 bytes' });
    }
    return { name, model: bound.model, dbSchema: bound.schema };
  });
  const seen = new Map<string, string>();
  for (const placement of placements) {
    const other = seen.get(placement.dbSchema);
    if (other !== undefined) {
      throw new UsageError(`openWorld: schemas.${other} and schemas.${placement.name} are both placed in Postgres schema ${placement.dbSchema}`, {
        hint: 'give each its own schema',
      });
    }
    seen.set(placement.dbSchema, placement.name);
  }
  return placements;
}

async function migrateAll(
  database: Database,
  config: ResolvedConfig,
  placements: readonly SchemaPlacement[],
  onMigrated: OpenWorldOptions<SchemaBindings>['onMigrated'],
): Promise<void> {
  // Loaded only when asked: the runner is not needed to read and write rows.
  const [{ migrate, MigrationSources }, { runTargets }, { SessionPool }] = await Promise.all([
    import('../runner/index.js'),
    import('../runner/run-targets.js'),
    import('../connection/session-pool.js'),
  ]);
  const targets = placements.map((placement) => {
    const target = config.targets.find((t) => t.schema === placement.dbSchema);
    if (target === undefined) {
      throw new ConfigError(`cannot migrate schema ${placement.dbSchema}: the config (${config.configPath}) does not list it`, {
        hint: `add "${placement.dbSchema}": {} under "schemas" in the config, or open the world without migrate`,
      });
    }
    return { ...target, placement: placement.name };
  });
  const options = {
    migrationLockTimeoutMs: config.lockTimeoutMs,
    lockTimeoutMs: config.pgLockTimeoutMs,
    statementTimeoutMs: config.statementTimeoutMs,
    searchPath: config.searchPath,
    sources: new MigrationSources(),
  };
  const pool = new SessionPool({ database, maxSessions: 1, keepIdle: true });
  try {
    // The same loop as `worlddb migrate`: configured schemas in turn, stopping at the first failure.
    const report = await runTargets({
      stages: [{ label: 'schemas', targets }],
      job: (target, session) => migrate(session, target, options),
      sessions: pool,
      concurrency: 1,
      failFast: true,
    });
    for (const outcome of report.outcomes) {
      if (outcome.status === 'failed') throw outcome.error;
      if (outcome.status === 'ok') for (const run of outcome.value.applied) onMigrated?.(outcome.target.placement, run);
    }
  } finally {
    await pool.close();
  }
}
