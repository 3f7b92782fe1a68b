/**
 * Lints the migration files of several schemas in one run: `.sql` files only (code migrations
 * are reported as skipped), column types carried from file to file within a schema.
 */
import type { LintSettings } from '../config/lint-config.js';
import { ConfigError } from '../errors.js';
import type { SimpleType } from './ast.js';
import { lintMigration } from './lint-migration.js';
import type { ParseSql } from './load-parser.js';
import type { Finding, LiveCatalog } from './types.js';

/** A migration file to lint. */
export interface LintFile {
  readonly schema: string;
  /** Absolute path. */
  readonly path: string;
  /** As shown in findings. */
  readonly shown: string;
  readonly text: string;
}

export interface LintRun {
  readonly findings: readonly Finding[];
  /** `.sql` files linted. */
  readonly linted: readonly string[];
  /** `.ts`/`.js` files that were not linted (code migrations). */
  readonly skipped: readonly string[];
  readonly errors: number;
  readonly warnings: number;
}

export interface LintFilesOptions {
  readonly parse: ParseSql;
  readonly settings: LintSettings;
  readonly live: LiveCatalog | null;
  readonly runnerLockTimeout: boolean;
}

/**
 * Lints `files` in the order given (which should be each folder's run order).
 *
 * @example
 * const run = lintFiles(files, { parse, settings: config.lint, live: null, runnerLockTimeout: false });
 * run.errors // => 2
 */
export function lintFiles(files: readonly LintFile[], options: LintFilesOptions): LintRun {
  const findings: Finding[] = [];
  const linted: string[] = [];
  const skipped: string[] = [];
  const columnTypes = new Map<string, Map<string, SimpleType>>();
  for (const file of files) {
    if (!file.path.endsWith('.sql')) {
      skipped.push(file.shown);
      continue;
    }
    let types = columnTypes.get(file.schema);
    if (types === undefined) columnTypes.set(file.schema, (types = new Map()));
    findings.push(...lintMigration(file, { ...options, columnTypes: types }));
    linted.push(file.shown);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, linted, skipped, errors, warnings: findings.length - errors };
}

/**
 * Refuses rule ids in the config's `lint.rules` that no rule has (a typo must not silently keep a
 * rule on).
 *
 * @throws ConfigError naming the key.
 */
export function checkRuleSettings(settings: LintSettings, knownIds: readonly string[]): void {
  for (const id of Object.keys(settings.rules)) {
    if (!knownIds.includes(id)) {
      throw new ConfigError(`config key "lint.rules.${id}": there is no lint rule "${id}"`, {
        hint: `known rules: ${knownIds.join(', ')}`,
      });
    }
  }
}
