/**
 * Config as written by the user ({@link WorlddbConfigInput}) and as used by the rest of worlddb
 * ({@link ResolvedConfig}): validated, with defaults filled in and paths made absolute.
 *
 * "A schema" (where the tables live) and "a migration source" (which model and which migration
 * folder describe it) are kept apart on purpose: a later *group* will point many schemas at one
 * source, each with its own version table.
 */
import type { LintConfigInput, LintSettings } from './lint-config.js';

/** Durations are milliseconds, or strings such as `"500ms"`, `"10s"`, `"2min"`. */
export type DurationInput = number | string;

export interface DatabaseConfigInput {
  /** A Postgres URL. `--url` and `DATABASE_URL` take precedence. */
  readonly url?: string;
  /** Folder of the embedded PGlite database, relative to the project root. Default `.worlddb/pglite`. */
  readonly dataDir?: string;
}

export interface SchemaConfigInput {
  /** Model module (TypeScript), relative to the project root. Used by autogenerate. */
  readonly model?: string;
  /** Migration folder, relative to the project root. Default `migrations/<schema>`. */
  readonly migrations?: string;
  /** Name of the version table. Default `<schema>_migration_version`. */
  readonly versionTable?: string;
  /** Schema that holds the version table. Default: the top-level `versionTableSchema`, else the schema itself. */
  readonly versionTableSchema?: string;
}

export interface WorlddbConfigInput {
  /** Project root, relative to the config file. Default: the parent of a `config/` folder, else the config file's folder. */
  readonly root?: string;
  readonly database?: DatabaseConfigInput;
  /** Put every version table in this schema (e.g. `public`) instead of in each schema. */
  readonly versionTableSchema?: string;
  /**
   * How long to wait for another process migrating the same schema (its advisory lock), or holding
   * the embedded database folder. Default 60s. `--lock-timeout` overrides it.
   */
  readonly lockTimeout?: DurationInput;
  /** Postgres `lock_timeout` while migrating. `--pg-lock-timeout` overrides it. */
  readonly pgLockTimeout?: DurationInput;
  /** Postgres `statement_timeout` while migrating. `--statement-timeout` overrides it. */
  readonly statementTimeout?: DurationInput;
  /**
   * Schemas searched after the migrated one while a migration runs, e.g. `["public"]` for
   * extension functions. Default none: an unqualified name in a migration only ever means an
   * object of the schema being migrated.
   */
  readonly searchPath?: readonly string[];
  readonly schemas: Readonly<Record<string, SchemaConfigInput>>;
  /** `worlddb lint` settings (see the README's lint section). */
  readonly lint?: LintConfigInput;
}

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
}
