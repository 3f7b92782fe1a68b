import { Command } from 'commander';
import type { ResolvedConfig, SchemaTarget } from '../../config/types.js';
import { RefusedError } from '../../errors.js';
import type { Session } from '../../connection/types.js';
import { displayPath } from '../../revision/display-path.js';
import type { MigrateOptions, MigrateResult } from '../../runner/types.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import type { Output } from '../output.js';
import type { ResultView } from '../printer.js';
import { chooseTarget, targetArgument } from '../target-argument.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import { addSchemaOptions, addTimeoutOptions, folderLockTimeout, jsonOption, runOptionsFrom, type TimeoutFlags } from './options.js';

interface MigrateFlags extends TargetFlags, TimeoutFlags {
  readonly to?: string;
  readonly sql?: boolean;
  readonly acceptChecksum?: boolean | string[];
  readonly allowOutOfOrder?: boolean;
  readonly allowMissing?: boolean;
  readonly retryInterrupted?: boolean;
  readonly allowUnsafe?: boolean;
}

/** How `migrate` shows one schema's result. */
function migrateView(output: Output, cwd: string): ResultView<MigrateResult | string> {
  const { color } = output;
  const applied = (r: MigrateResult): string => {
    const created = r.createdVersionTable ? color.dim(` (created version table ${r.versionTable.schema}.${r.versionTable.table})`) : '';
    return `${color.bold(`${r.schema}: ${r.applied.length} migration${r.applied.length === 1 ? '' : 's'} applied`)}${created}`;
  };
  return {
    detail: (r, target) => {
      if (typeof r === 'string') return [r];
      if (r.applied.length > 0) return [applied(r)];
      return [`${r.schema}: nothing to apply ${color.dim(`(${displayPath(target.source.migrationsDir, cwd)})`)}`];
    },
    brief: (r) => (typeof r === 'string' ? r : r.applied.length === 0 ? null : applied(r)),
  };
}

/**
 * `--create-schema`: the new member is made in the first migration's transaction; if a later
 * migration fails, what this run made is dropped again, so no half-made member stays behind.
 */
async function migrateNewSchema(session: Session, target: SchemaTarget, options: MigrateOptions): Promise<MigrateResult> {
  const { migrate } = await import('../../runner/index.js');
  const { schemaExists } = await import('../../introspect/list-schemas.js');
  if (await schemaExists(session, target.schema)) return migrate(session, target, options);
  try {
    return await migrate(session, target, { ...options, createSchema: true });
  } catch (error) {
    const { quoteIdent } = await import('../../sql/quote.js');
    await session.exec('ROLLBACK').catch(() => undefined);
    await session.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(target.schema)} CASCADE`);
    if (target.versionTable.schema !== target.schema) {
      await session.exec(`DROP TABLE IF EXISTS ${quoteIdent(target.versionTable.schema)}.${quoteIdent(target.versionTable.table)}`);
    }
    throw error;
  }
}

/**
 * Lints the migrations about to run (libpg-query is loaded only then) and refuses when lint finds
 * errors, printing them; warnings do not stop `migrate` and are not printed (`worlddb lint` shows them).
 */
function lintGate(env: CliEnv, config: ResolvedConfig): NonNullable<MigrateOptions['beforeRun']> {
  return async (entries, session, target) => {
    const { schema } = target;
    const { lintRun } = await import('../lint-run.js');
    const { formatFinding } = await import('../../lint/format-findings.js');
    const files = entries.map((entry) => ({ schema, path: entry.path, shown: displayPath(entry.path, env.cwd), text: entry.text }));
    const run = await lintRun(config, session, [schema], files);
    if (run.errors === 0) return;
    for (const finding of run.findings) if (finding.severity === 'error') env.output.err(formatFinding(finding, env.output.errColor));
    throw new RefusedError(`${schema}: lint found ${run.errors} error${run.errors === 1 ? '' : 's'} in the pending migrations; nothing was applied to this schema`, {
      hint: 'write the safe form each finding shows, mark a reviewed statement with "-- worlddb:lint-ignore RULE reason", or pass --allow-unsafe',
    });
  };
}

/** `worlddb migrate` (alias `upgrade`): applies pending migrations. */
export function makeMigrateCommand(env: CliEnv): Command {
  const command = new Command('migrate')
    .alias('upgrade')
    .description('apply pending migrations (to head, or to the target given)')
    .addArgument(targetArgument('head (default), a migration name or unique prefix (stop after it), or +N (the next N)'))
    .option('--to <target>', 'the same as the target argument')
    .option('--sql', 'print the SQL it would run, without running it')
    .option('--accept-checksum [names...]', 'accept applied migrations whose file changed (all, or the ones named)')
    .option('--allow-out-of-order', 'apply pending migrations that sort before the last applied one')
    .option('--allow-missing', 'go on although applied migrations have no file any more')
    .option('--retry-interrupted', 'run an interrupted no-transaction migration again (drop what it left first: see status)')
    .option('--allow-unsafe', 'apply migrations although lint finds errors in them')
    .option('--canary <n>', "migrate the first N members of each group first; the rest only if they all succeed")
    .option('--create-schema', 'with --group and --schema: create the new member and bring it to head (dropped again if a migration fails)')
    .addOption(jsonOption());
  addSchemaOptions(command);
  addTimeoutOptions(command);
  return command.action(async (positional: string | undefined, flags: MigrateFlags, cmd: Command) => {
    const to = chooseTarget(positional, flags.to, 'upgrade', cmd.name());
    const config = await loadProjectConfig(env, cmd);
    const base: MigrateOptions = {
      ...runOptionsFrom(flags, config),
      ...(to === undefined ? {} : { to }),
      ...(flags.acceptChecksum === undefined ? {} : { acceptChecksums: flags.acceptChecksum }),
      allowOutOfOrder: flags.allowOutOfOrder === true,
      allowMissing: flags.allowMissing === true,
      retryInterrupted: flags.retryInterrupted === true,
      ...(config.lint.migrate && flags.allowUnsafe !== true && flags.sql !== true ? { beforeRun: lintGate(env, config) } : {}),
    };
    const { migrate, migrateSql, MigrationSources } = await import('../../runner/index.js');
    const sources = new MigrationSources();
    const optionsFor = (target: SchemaTarget, onEvent: MigrateOptions['onEvent']): MigrateOptions => ({
      ...base,
      sources,
      // Members found in the catalog are not re-created when dropped while the group runs.
      ...(target.group === undefined || flags.createSchema === true ? {} : { createSchema: false }),
      ...(onEvent === undefined ? {} : { onEvent }),
    });
    await runOnTargets<MigrateResult | string>({
      env,
      config,
      flags,
      command: 'migrate',
      defaultToAll: false,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      announce: flags.sql !== true,
      view: migrateView(env.output, env.cwd),
      serial: flags.sql === true,
      preflight: async (session, targets) => {
        // A group's broken files are refused once for the group, before anything changes. With several configured
        // schemas, each is also checked as a whole (changed or missing files, order): they may
        // depend on each other, so none is changed if one would be refused.
        const groupFolders = new Set(targets.flatMap((t) => (t.group === undefined ? [] : [t.source.migrationsDir])));
        for (const dir of groupFolders) await sources.loader.load(await sources.files(dir));
        const schemas = targets.filter((t) => t.group === undefined);
        if (flags.sql !== true && schemas.length > 1) for (const target of schemas) await migrateSql(session, target, optionsFor(target, undefined));
      },
      job: (target, session, onEvent) => {
        if (flags.sql === true) return migrateSql(session, target, optionsFor(target, undefined));
        if (flags.createSchema === true) return migrateNewSchema(session, target, optionsFor(target, onEvent));
        return migrate(session, target, optionsFor(target, onEvent));
      },
    });
  });
}
