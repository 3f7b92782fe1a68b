import { basename, dirname, isAbsolute, resolve } from 'node:path';
import * as v from 'valibot';
import { ConfigError } from '../errors.js';
import { checkIdentifier } from './check-identifier.js';
import { configSchema, type ParsedConfig } from './config-schema.js';
import { parseDuration } from './duration.js';
import { resolveLintConfig } from './lint-config.js';
import { findConfig } from './find-config.js';
import { readConfigFile } from './read-config-file.js';
import { resolveGroups } from './resolve-groups.js';
import type { DatabaseSettings, ResolvedConfig, SchemaTarget } from './types.js';

export interface LoadConfigOptions {
  /** Working folder: where discovery starts and `--config` is relative to. */
  readonly cwd: string;
  /** `--config PATH`. */
  readonly configPath?: string;
  /** `--url`: beats `DATABASE_URL`, which beats the config. */
  readonly url?: string;
  /** Environment (for `DATABASE_URL`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Default PGlite folder, relative to the project root. */
export const DEFAULT_DATA_DIR = '.worlddb/pglite';
/** Default wait for another process holding a schema's migration lock or the embedded database. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * Finds, reads, validates and resolves the config. Every problem is a {@link ConfigError} that
 * names the offending key and says what was expected.
 *
 * @example
 * const config = await loadConfig({ cwd: process.cwd(), env: process.env });
 * config.targets.map((t) => t.schema) // => ['asia', 'europe']
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const configPath = await findConfig(options.cwd, options.configPath);
  const raw = await readConfigFile(configPath, options.cwd);
  return resolveConfig(raw, configPath, options);
}

/** Validates a raw config object and fills in defaults. Pure apart from path arithmetic. */
export function resolveConfig(raw: unknown, configPath: string, options: Omit<LoadConfigOptions, 'cwd' | 'configPath'> = {}): ResolvedConfig {
  const parsed = validate(raw, configPath);
  const configDir = dirname(configPath);
  const rootDir =
    parsed.root !== undefined
      ? resolve(configDir, parsed.root)
      : basename(configDir) === 'config'
        ? dirname(configDir)
        : configDir;

  const targets = Object.entries(parsed.schemas).map(([schema, entry]): SchemaTarget => {
    checkIdentifier(`schemas.${schema}`, schema, 'the schema name');
    const versionTable = entry.versionTable ?? `${schema}_migration_version`;
    checkIdentifier(
      `schemas.${schema}.versionTable`,
      versionTable,
      entry.versionTable === undefined ? `the default version table name "${versionTable}"` : 'the version table name',
    );
    const versionSchema = entry.versionTableSchema ?? parsed.versionTableSchema ?? schema;
    checkIdentifier(
      entry.versionTableSchema !== undefined ? `schemas.${schema}.versionTableSchema` : 'versionTableSchema',
      versionSchema,
      'the version table schema',
    );
    return {
      schema,
      source: {
        model: entry.model === undefined ? null : resolve(rootDir, entry.model),
        migrationsDir: resolve(rootDir, entry.migrations ?? `migrations/${schema}`),
      },
      versionTable: { schema: versionSchema, table: versionTable },
    };
  });
  if (targets.length === 0 && Object.keys(parsed.groups ?? {}).length === 0) {
    throw new ConfigError('config key "schemas" is empty', { hint: 'declare at least one schema, e.g. "schemas": { "asia": {} }, or a group under "groups"' });
  }
  const seen = new Map<string, string>();
  for (const target of targets) {
    const key = `${target.versionTable.schema}.${target.versionTable.table}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ConfigError(`config key "schemas.${target.schema}.versionTable": ${key} is already the version table of ${other}`, {
        hint: 'give each schema its own version table',
      });
    }
    seen.set(key, target.schema);
  }
  const groups = resolveGroups(parsed, rootDir, targets);

  return {
    configPath,
    rootDir,
    database: databaseSettings(parsed, rootDir, options),
    lockTimeoutMs: duration('lockTimeout', parsed.lockTimeout) ?? DEFAULT_LOCK_TIMEOUT_MS,
    pgLockTimeoutMs: duration('pgLockTimeout', parsed.pgLockTimeout),
    statementTimeoutMs: duration('statementTimeout', parsed.statementTimeout),
    searchPath: (parsed.searchPath ?? []).map((schema, i) => {
      checkIdentifier(`searchPath.${i}`, schema, 'the schema name');
      return schema;
    }),
    targets,
    lint: resolveLintConfig(parsed.lint),
    groups,
    concurrency: parsed.concurrency ?? null,
  };
}

function validate(raw: unknown, configPath: string): ParsedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`the config must be an object with a "schemas" key, got ${Array.isArray(raw) ? 'an array' : typeof raw} (in ${configPath})`, {
      hint: 'see the README for an example config',
    });
  }
  const result = v.safeParse(configSchema, raw);
  if (result.success) return result.output;
  // An unknown key usually explains the rest (a typo in "schemas" also makes "schemas" missing).
  const isUnknownKey = (issue: (typeof result.issues)[number]): boolean => issue.type === 'strict_object' && issue.expected === 'never';
  const issue = result.issues.find(isUnknownKey) ?? result.issues[0];
  const key = v.getDotPath(issue) ?? '';
  const where = `config key "${key}"`;
  if (isUnknownKey(issue)) {
    throw new ConfigError(`${where} is not a known key (in ${configPath})`, {
      hint: 'check the spelling; the README lists every config key',
    });
  }
  if (issue.input === undefined) {
    throw new ConfigError(`${where} is missing (in ${configPath})`, { hint: 'the README lists every config key and its type' });
  }
  throw new ConfigError(`${where}: expected ${issue.expected ?? 'a different value'}, got ${issue.received} (in ${configPath})`, {
    hint: 'the README lists every config key and its type',
  });
}

function duration(key: string, value: number | string | undefined): number | null {
  if (value === undefined) return null;
  const ms = parseDuration(value);
  if (ms === null) {
    throw new ConfigError(`config key "${key}": expected a duration such as 5000, "10s" or "2min", got ${JSON.stringify(value)}`, {
      hint: 'durations are milliseconds, or a number with ms, s, min or h',
    });
  }
  return ms;
}

function databaseSettings(
  parsed: ParsedConfig,
  rootDir: string,
  options: Omit<LoadConfigOptions, 'cwd' | 'configPath'>,
): DatabaseSettings {
  const envUrl = options.env?.['DATABASE_URL'];
  const dataDirInput = parsed.database?.dataDir ?? DEFAULT_DATA_DIR;
  const dataDir = isAbsolute(dataDirInput) ? dataDirInput : resolve(rootDir, dataDirInput);
  // Set but empty is a mistake (a variable that did not expand, say), never a request for the
  // embedded database: refused, so that a deploy never migrates the wrong database silently.
  if (options.url === '') throw new ConfigError('--url is empty', { hint: 'pass a postgres:// URL, or leave --url out to use DATABASE_URL, the config or the embedded database' });
  if (envUrl === '') {
    throw new ConfigError('DATABASE_URL is set but empty', {
      hint: 'set it to a postgres:// URL, or unset it (unset DATABASE_URL) to use the config\'s database or the embedded one',
    });
  }
  if (options.url !== undefined) return { url: checkUrl(options.url, '--url'), urlSource: 'option', dataDir };
  if (envUrl !== undefined) return { url: checkUrl(envUrl, 'DATABASE_URL'), urlSource: 'env', dataDir };
  if (parsed.database?.url !== undefined) {
    return { url: checkUrl(parsed.database.url, 'config key "database.url"'), urlSource: 'config', dataDir };
  }
  return { url: null, urlSource: null, dataDir };
}

/** A database URL must be a postgres:// or postgresql:// URL; anything else is refused without echoing it (it may hold a password). */
function checkUrl(url: string, where: string): string {
  let protocol: string | null = null;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = null;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(`${where} is not a postgres:// URL`, {
      hint: 'write it as postgres://user:password@host:5432/database (keyword strings such as "host=... dbname=..." are not supported)',
    });
  }
  return url;
}
