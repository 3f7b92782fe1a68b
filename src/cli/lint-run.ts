/**
 * The I/O around `worlddb lint`, shared by the `lint` command and the lint gate of `migrate`:
 * loads the parser, reads table sizes and column types when a session is given, lints the files.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { Session } from '../connection/types.js';
import type { LintFile, LintRun } from '../lint/lint-files.js';

/**
 * Lints `files` (of `schemas`) with the live catalog of `session`, or from the SQL alone when
 * `session` is null. libpg-query and the rules are imported here, on first use.
 *
 * @example
 * const run = await lintRun(config, session, ['asia'], files);
 * if (run.errors > 0) ...
 */
export async function lintRun(config: ResolvedConfig, session: Session | null, schemas: readonly string[], files: readonly LintFile[]): Promise<LintRun> {
  const [{ loadParser }, { lintFiles, checkRuleSettings }, { RULES }, { liveCatalog }, sizes] = await Promise.all([
    import('../lint/load-parser.js'),
    import('../lint/lint-files.js'),
    import('../lint/rules/index.js'),
    import('../lint/live-catalog.js'),
    import('../introspect/read-table-sizes.js'),
  ]);
  checkRuleSettings(config.lint, RULES.map((rule) => rule.id));
  const parse = await loadParser();
  const live =
    session === null
      ? null
      : liveCatalog(parse, schemas, await sizes.readTableSizes(session, schemas), await sizes.readColumnTypes(session, schemas));
  return lintFiles(files, { parse, settings: config.lint, live, runnerLockTimeout: config.pgLockTimeoutMs !== null });
}
