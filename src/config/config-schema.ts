/**
 * The config file's shape, validated by valibot. The input types of the config
 * (`WorlddbConfigInput` and its parts, in `types.ts`) are derived from these schemas, so the shape
 * is written once; the comments on each key are what editors show.
 */
import * as v from 'valibot';
import { lintConfigSchema } from './lint-config.js';

/** Durations are milliseconds, or strings such as `"500ms"`, `"10s"`, `"2min"`. */
export const durationSchema = v.union([v.pipe(v.number(), v.minValue(0)), v.string()]);
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'Expected a non-empty string'));

/** Shape of one schema's entry in the config. Unknown keys are errors. */
export const schemaEntrySchema = v.strictObject({
  /** Model module (TypeScript), relative to the project root. Used by autogenerate. */
  model: v.optional(nonEmpty),
  /** Migration folder, relative to the project root. Default `migrations/<schema>`. */
  migrations: v.optional(nonEmpty),
  /** Name of the version table. Default `<schema>_migration_version`. */
  versionTable: v.optional(nonEmpty),
  /** Schema that holds the version table. Default: the top-level `versionTableSchema`, else the schema itself. */
  versionTableSchema: v.optional(nonEmpty),
});

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));

/**
 * Which schemas belong to a group: a list of names, or a rule matched against the live catalog
 * (`like`, `regex`) or a query returning schema names.
 */
export const membersSchema = v.union([
  v.array(nonEmpty),
  v.strictObject({ like: nonEmpty }),
  v.strictObject({ regex: nonEmpty }),
  v.strictObject({ query: nonEmpty }),
]);

/** Shape of one group's entry: one model and one migration folder for many schemas. */
export const groupEntrySchema = v.strictObject({
  /** Model module declaring the tables of every member (its `defineSchema` name is a placeholder). */
  model: v.optional(nonEmpty),
  /** Migration folder shared by every member. Default `migrations/<group>`. */
  migrations: v.optional(nonEmpty),
  /** Version table name; `{schema}` is the member's name. Default `{schema}_migration_version`. */
  versionTable: v.optional(nonEmpty),
  /** Schema holding the members' version tables. Default: each member itself. */
  versionTableSchema: v.optional(nonEmpty),
  /** Which schemas are members: a list, `{ like }` (SQL LIKE), `{ regex }` (Postgres `~`) or `{ query }` (names in its first column). */
  members: membersSchema,
  /** Members migrated at once on a server (overrides the top-level `concurrency`). */
  concurrency: v.optional(positiveInteger),
});

/** Shape of the `database` key. */
export const databaseEntrySchema = v.strictObject({
  /** A Postgres URL. `--url` and `DATABASE_URL` take precedence. */
  url: v.optional(nonEmpty),
  /** Folder of the embedded PGlite database, relative to the project root. Default `.worlddb/pglite`. */
  dataDir: v.optional(nonEmpty),
});

/** Shape of the whole config file. Unknown keys are errors (a typo must not be ignored). */
export const configSchema = v.strictObject({
  /** JSON schema of the file, for editors. */
  $schema: v.optional(v.string()),
  /** Project root, relative to the config file. Default: the parent of a `config/` folder, else the config file's folder. */
  root: v.optional(v.string()),
  database: v.optional(databaseEntrySchema),
  /** Put every version table in this schema (e.g. `public`) instead of in each schema. */
  versionTableSchema: v.optional(nonEmpty),
  /**
   * How long to wait for another process migrating the same schema (its advisory lock), or holding
   * the embedded database folder. Default 60s. `--lock-timeout` overrides it.
   */
  lockTimeout: v.optional(durationSchema),
  /** Postgres `lock_timeout` while migrating. `--pg-lock-timeout` overrides it. */
  pgLockTimeout: v.optional(durationSchema),
  /** Postgres `statement_timeout` while migrating. `--statement-timeout` overrides it. */
  statementTimeout: v.optional(durationSchema),
  /**
   * Schemas searched after the migrated one while a migration runs, e.g. `["public"]` for
   * extension functions. Default none: an unqualified name in a migration only ever means an
   * object of the schema being migrated.
   */
  searchPath: v.optional(v.array(nonEmpty)),
  /** Schemas (group members) migrated at once on a server. Default 8, never more than its free connections. */
  concurrency: v.optional(positiveInteger),
  /** The schemas, each migrated on its own. */
  schemas: v.record(v.string(), schemaEntrySchema),
  /** `worlddb lint` settings (see the README's lint section). */
  lint: v.optional(lintConfigSchema),
  /** Groups: one model and one migration folder for many schemas (e.g. one schema per tenant). */
  groups: v.optional(v.record(v.string(), groupEntrySchema)),
});

export type ParsedConfig = v.InferOutput<typeof configSchema>;
