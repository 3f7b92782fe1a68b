/**
 * Config as written by the user ({@link WorlddbConfigInput}) and as used by the rest of worlddb
 * ({@link ResolvedConfig}): validated, with defaults filled in and paths made absolute.
 *
 * "A schema" (where the tables live) and "a migration source" (which model and which migration
 * folder describe it) are kept apart on purpose: a later *group* will point many schemas at one
 * source, each with its own version table.
 */
import type * as v from 'valibot';
import type { LintSettings } from './lint-config.js';
import type { configSchema, databaseEntrySchema, durationSchema, groupEntrySchema, membersSchema, schemaEntrySchema } from './config-schema.js';

/** Makes every property and array of a type readonly (config values are never changed). */
type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

// The config as written by the user, derived from the valibot schemas that validate it (the
// documentation of each key is there).

/** Durations are milliseconds, or strings such as `"500ms"`, `"10s"`, `"2min"`. */
export type DurationInput = v.InferInput<typeof durationSchema>;
/** The `database` key. */
export type DatabaseConfigInput = DeepReadonly<v.InferInput<typeof databaseEntrySchema>>;
/** One schema's entry under `schemas`. */
export type SchemaConfigInput = DeepReadonly<v.InferInput<typeof schemaEntrySchema>>;
/** The whole config file. */
export type WorlddbConfigInput = DeepReadonly<v.InferInput<typeof configSchema>>;
/** A group's entry under `groups`. */
export type GroupConfigInput = DeepReadonly<v.InferInput<typeof groupEntrySchema>>;
/** A group's `members`: a list of names, `{ like }`, `{ regex }` or `{ query }`. */
export type GroupMembersInput = DeepReadonly<v.InferInput<typeof membersSchema>>;

/** Where a version table lives. */
export interface VersionTableRef {
  readonly schema: string;
  readonly table: string;
}

/** A model plus a migration folder: what describes a schema. Shared by all schemas of a group. */
export interface MigrationSource {
  /** Absolute path of the model module, or null when none is configured. */
  readonly model: string | null;
  /** Absolute path of the migration folder. */
  readonly migrationsDir: string;
}

/** One schema to migrate: its name, its source, and its own version table. */
export interface SchemaTarget {
  readonly schema: string;
  readonly source: MigrationSource;
  readonly versionTable: VersionTableRef;
  /** The group this schema is a member of; absent for a schema configured under `schemas`. */
  readonly group?: string;
}

/** How a group's members are found (see {@link GroupMembersInput}). */
export type MemberRule =
  | { readonly kind: 'list'; readonly names: readonly string[] }
  | { readonly kind: 'like'; readonly pattern: string }
  | { readonly kind: 'regex'; readonly pattern: string }
  | { readonly kind: 'query'; readonly sql: string };

/** A group: many schemas sharing one source, each with its own version table. */
export interface GroupConfig {
  readonly name: string;
  readonly source: MigrationSource;
  /** Version table name template; `{schema}` is replaced by the member's name. */
  readonly versionTable: string;
  /** Schema of the members' version tables, or null for each member itself. */
  readonly versionTableSchema: string | null;
  readonly members: MemberRule;
  /** Members migrated at once, or null for the top-level setting. */
  readonly concurrency: number | null;
}

export interface DatabaseSettings {
  /** Postgres URL, or null for the embedded PGlite database. */
  readonly url: string | null;
  /** Where the URL came from, for messages. */
  readonly urlSource: 'option' | 'env' | 'config' | null;
  /** Absolute PGlite data folder (used when url is null). */
  readonly dataDir: string;
}

export interface ResolvedConfig {
  /** Absolute path of the config file. */
  readonly configPath: string;
  /** Absolute project root; relative paths in the config are resolved against it. */
  readonly rootDir: string;
  readonly database: DatabaseSettings;
  /** How long to wait for the per-schema migration lock (and the embedded database folder), in ms. */
  readonly lockTimeoutMs: number;
  /** Postgres lock_timeout in ms, or null to leave the server's default. */
  readonly pgLockTimeoutMs: number | null;
  /** Postgres statement_timeout in ms, or null to leave the server's default. */
  readonly statementTimeoutMs: number | null;
  /** Schemas searched after the migrated one while migrating. */
  readonly searchPath: readonly string[];
  /** Every schema, in config order. */
  readonly targets: readonly SchemaTarget[];
  /** `worlddb lint` settings, defaults filled in. */
  readonly lint: LintSettings;
  /** Every group, in config order (members are found in the database: see `listGroupMembers`). */
  readonly groups: readonly GroupConfig[];
  /** Config `concurrency`, or null for the default. */
  readonly concurrency: number | null;
}
