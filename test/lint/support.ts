import { resolveLintConfig, type LintConfigInput } from '../../src/config/lint-config.js';
import { lintMigration } from '../../src/lint/lint-migration.js';
import { loadParser } from '../../src/lint/load-parser.js';
import type { Finding, LiveCatalog } from '../../src/lint/types.js';

/** A migration file's text: `sql` as its up part, unless it already holds the markers. */
export function migrationText(sql: string): string {
  return /worlddb:up/i.test(sql) ? sql : `-- worlddb:up\n${sql}\n`;
}

/** Lints SQL as one migration of schema `app`, with no database unless `live` is given. */
export async function lintSql(
  sql: string,
  options: { live?: LiveCatalog; lint?: LintConfigInput; runnerLockTimeout?: boolean } = {},
): Promise<Finding[]> {
  return lintMigration(
    { path: '/p/migrations/app/20260101000000_x.sql', shown: 'x.sql', text: migrationText(sql), schema: 'app' },
    {
      parse: await loadParser(),
      settings: resolveLintConfig(options.lint),
      live: options.live ?? null,
      runnerLockTimeout: options.runnerLockTimeout ?? false,
    },
  );
}

/** The rule ids of the findings, in order. */
export function rulesOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.rule);
}
