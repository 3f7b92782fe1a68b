/**
 * Lints one `.sql` migration: reads its up part, runs every rule on every statement, applies
 * ignores, severities and what the live database knows, and places the findings in the file.
 */
import type { LintSettings } from '../config/lint-config.js';
import { parseSqlMigration } from '../revision/parse-sql-migration.js';
import { tableKey } from './ast.js';
import type { ParseSql } from './load-parser.js';
import { newMigrationState, observe } from './observe.js';
import { readStatements } from './read-statements.js';
import { RULES, ruleById } from './rules/index.js';
import type { Finding, LintRule, LiveCatalog, MigrationState, RuleHit, Severity, TableStats } from './types.js';

export interface LintMigrationInput {
  /** Path of the file (used to read markers and in messages). */
  readonly path: string;
  /** The file as shown in findings (relative to the working folder). */
  readonly shown: string;
  readonly text: string;
  /** The schema the migration runs in (unqualified names resolve to it). */
  readonly schema: string;
}

export interface LintMigrationOptions {
  readonly parse: ParseSql;
  readonly settings: LintSettings;
  /** The live catalog, or null to lint from the SQL alone. */
  readonly live: LiveCatalog | null;
  /** True when the runner sets `lock_timeout` itself (config `pgLockTimeout`). */
  readonly runnerLockTimeout: boolean;
  /** Column types known from earlier files of the same schema (shared and updated). */
  readonly columnTypes?: MigrationState['columnTypes'];
}

/** The severity the config gives a rule (its default when the config is silent). */
export function ruleSeverity(rule: LintRule, settings: LintSettings): Severity | 'off' {
  return settings.rules[rule.id] ?? rule.defaultSeverity;
}

/**
 * The findings of one migration file, in file order.
 *
 * @throws MigrationFileError when the file's markers are broken (as `migrate` would).
 * @example
 * lintMigration({ path, shown: 'migrations/app/2026_x.sql', text, schema: 'app' }, { parse, settings, live: null, runnerLockTimeout: false })
 * // => [{ file: 'migrations/app/2026_x.sql', line: 3, column: 1, rule: 'create-index-concurrently', severity: 'error', ... }]
 */
export function lintMigration(input: LintMigrationInput, options: LintMigrationOptions): Finding[] {
  const parsed = parseSqlMigration(input.path, input.text);
  const { statements, problems } = readStatements(options.parse, parsed.up.sql, parsed.up.line);
  const findings: Finding[] = [];
  for (const problem of problems) {
    const rule = ruleById(problem.rule) as LintRule;
    const severity = ruleSeverity(rule, options.settings);
    if (severity !== 'off') findings.push({ file: input.shown, line: problem.line, column: problem.column, rule: rule.id, severity, message: problem.message, fix: rule.fix });
  }
  const state = newMigrationState(options.columnTypes);
  const context = { schema: input.schema, transactional: parsed.transactional, state, runnerLockTimeout: options.runnerLockTimeout, live: options.live };
  const reported = new Set<string>();
  const active = RULES.flatMap((rule) => {
    const severity = ruleSeverity(rule, options.settings);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  for (const statement of statements) {
    for (const { rule, severity } of active) {
      if (statement.ignored.has(rule.id) || (rule.once === true && reported.has(rule.id))) continue;
      for (const hit of rule.check(statement, context)) {
        const placed = judge(rule, severity, hit, input.schema, state, options);
        if (placed === null) continue;
        const where = statement.position(hit.location);
        findings.push({ file: input.shown, ...where, rule: rule.id, severity: placed.severity, message: hit.message + placed.suffix, fix: rule.fix });
        reported.add(rule.id);
        if (rule.once === true) break;
      }
    }
    observe(statement, input.schema, state);
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Whether a hit stands, and how severe it is: findings on tables created earlier in the migration
 * are dropped; for lock rules with a database, so are findings on empty tables (or tables that do
 * not exist yet: an earlier pending migration creates them), and small tables make a warning.
 */
function judge(
  rule: LintRule,
  severity: Severity,
  hit: RuleHit,
  schema: string,
  state: MigrationState,
  options: LintMigrationOptions,
): { severity: Severity; suffix: string } | null {
  if (hit.table === undefined) return { severity, suffix: '' };
  if (state.createdTables.has(tableKey(schema, hit.table))) return null;
  const tableSchema = hit.table.schema ?? schema;
  if (!rule.locks || options.live === null || !options.live.schemas.has(tableSchema)) return { severity, suffix: '' };
  const stats = options.live.table(tableSchema, hit.table.name);
  if (stats === undefined || stats.empty) return null;
  const large = (stats.rows ?? 0) >= options.settings.largeTableRows || stats.bytes >= options.settings.largeTableBytes;
  return { severity: large ? severity : 'warning', suffix: ` (${describeSize(stats)})` };
}

/** `about 1.2M rows, 340 MB`. */
export function describeSize(stats: TableStats): string {
  const rows = stats.rows === null ? 'rows not yet counted' : `about ${compact(stats.rows)} rows`;
  return `${rows}, ${bytes(stats.bytes)}`;
}

function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
