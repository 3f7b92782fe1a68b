import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { managedVersionTables } from '../../config/managed-version-tables.js';
import { memberTarget } from '../../config/resolve-groups.js';
import type { GroupConfig, ResolvedConfig, SchemaTarget } from '../../config/types.js';
import type { Session } from '../../connection/types.js';
import type { LintFile } from '../../lint/lint-files.js';
import { createMigrationFile } from '../../revision/create-migration-file.js';
import { displayPath } from '../../revision/display-path.js';
import { SQL_MARKERS } from '../../revision/parse-sql-migration.js';
import { RefusedError, UsageError } from '../../errors.js';
import { type CliEnv, collect, loadProjectConfig, withSession } from '../cli-env.js';
import { parseRenames } from '../parse-renames.js';
import { selectSchemaTargets as selectTargets, type SchemaSelection } from '../select-targets.js';
import { addSchemaOptions, folderLockTimeout, type TimeoutFlags } from './options.js';

interface RevisionFlags extends SchemaSelection, TimeoutFlags {
  readonly message?: string;
  readonly ts?: boolean;
  readonly autogenerate?: boolean;
  readonly sql?: boolean;
  readonly rename?: string[];
  readonly baseline?: boolean;
  readonly safe?: boolean;
  readonly against?: string;
}

/** `revision --autogenerate`: compare each schema's model with its database and write the difference. */
/**
 * `revision --autogenerate --group NAME`: ONE migration for the group's folder, from the group's
 * model compared with one member (`--against`, default the first). Every member must be at head
 * (all migrations of the folder applied), or the comparison would write again what a pending
 * migration does: the members behind are named.
 */
async function autogenerateGroup(env: CliEnv, config: ResolvedConfig, group: GroupConfig, flags: RevisionFlags & { message: string }, now: () => Date): Promise<void> {
  const { listGroupMembers } = await import('../../introspect/list-group-members.js');
  const { readVersionStates } = await import('../../runner/index.js');
  const { analyseFolder } = await import('../../runner/plan.js');
  const { listMigrationFiles } = await import('../../revision/list-migration-files.js');
  const target = await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
    const members = (await listGroupMembers(session, [group], config.targets)).get(group.name) ?? [];
    if (members.length === 0) {
      throw new RefusedError(`group "${group.name}" has no members to compare its model with`, {
        hint: `create one first: worlddb migrate --group ${group.name} --schema NAME --create-schema`,
      });
    }
    const against = flags.against ?? members[0] ?? '';
    if (!members.includes(against)) {
      throw new UsageError(`--against ${against}: not a member of group "${group.name}"`, { hint: `members: ${members.slice(0, 10).join(', ')}${members.length > 10 ? ', ...' : ''}` });
    }
    const targets = members.map((member) => memberTarget(group, member));
    const [files, states] = await Promise.all([listMigrationFiles(group.source.migrationsDir), readVersionStates(session, targets.map((t) => t.versionTable))]);
    const behind = targets.flatMap((t, i) => {
      const pending = analyseFolder(files, states[i]?.applied ?? []).pending.length;
      return pending > 0 ? [`${t.schema} by ${pending}`] : [];
    });
    if (behind.length > 0) {
      throw new RefusedError(`group "${group.name}" is not at one head: ${behind.length} member${behind.length === 1 ? '' : 's'} behind (${behind.slice(0, 10).join(', ')}${behind.length > 10 ? ', ...' : ''})`, {
        hint: `run worlddb migrate --group ${group.name} first, then autogenerate`,
      });
    }
    return memberTarget(group, against);
  });
  env.output.err(`${group.name}: comparing the model with member ${target.schema}`);
  await autogenerateRevisions(env, config, [target], flags, now);
}

async function autogenerateRevisions(
  env: CliEnv,
  config: ResolvedConfig,
  targets: readonly SchemaTarget[],
  flags: RevisionFlags & { message: string },
  now: () => Date,
): Promise<void> {
  const { output } = env;
  const renames = parseRenames(flags.rename ?? [], targets.map((t) => t.schema));
  const { requireAtHead, compareWithRenames } = await import('./autogenerate.js');
  const { revisionScript } = await import('../../autogenerate/revision-script.js');
  const safe = flags.safe === true || config.lint.safe;
  await withSession(env, config, folderLockTimeout(flags, config), async (session) => {
    for (const target of targets) {
      await requireAtHead(session, target);
      const comparison = await compareWithRenames(session, target, output, renames.get(target.schema), env.cwd, managedVersionTables(config));
      if (comparison.operations.length === 0) {
        output.out(`${target.schema}: no changes between the model and the database; nothing written`);
        continue;
      }
      const script = revisionScript(target.schema, comparison.operations);
      for (const line of script.summary) output.err(`${target.schema}: ${line}`);
      const { warnDependents } = await import('../../autogenerate/warn-dependents.js');
      const dependents = await warnDependents(session, target.schema, comparison.operations);
      for (const warning of [...script.warnings, ...dependents]) output.err(output.errColor.yellow(`warning: ${target.schema}: ${warning}`));
      const parts = safe ? await safeParts(script) : [{ up: script.up, down: script.down, noTransaction: false }];
      if (flags.sql === true) {
        for (const part of parts) {
          output.out(`-- ${target.schema}: ${flags.message}\n${part.noTransaction ? `${SQL_MARKERS.noTransaction}\n` : ''}${SQL_MARKERS.up}\n${part.up}\n${SQL_MARKERS.down}\n${part.down}`);
        }
        continue;
      }
      const written: LintFile[] = [];
      for (const part of parts) {
        const file = await createMigrationFile(target.source.migrationsDir, { message: flags.message, now: now(), ...part });
        output.out(`${target.schema}: created ${displayPath(file, env.cwd)}${part.noTransaction ? ' (no transaction: the concurrent index builds)' : ` (${script.summary.length} operation${script.summary.length === 1 ? '' : 's'})`}`);
        written.push({ schema: target.schema, path: file, shown: displayPath(file, env.cwd), text: await readFile(file, 'utf8') });
      }
      await lintWritten(env, config, session, target.schema, written, safe);
    }
  });
}

/** The files of an autogenerated migration: one, or with `--safe` up to two (the second without a transaction). */
async function safeParts(script: { up: string; down: string }): Promise<{ up: string; down: string; noTransaction: boolean }[]> {
  const [{ loadParser }, { safeScript, SAFE_LOCK_TIMEOUT }] = await Promise.all([import('../../lint/load-parser.js'), import('../../autogenerate/safe-script.js')]);
  const safe = safeScript(await loadParser(), script.up, script.down);
  const mainHasWork = safe.up.split('\n').some((line) => line.trim() !== '' && !line.startsWith('--') && line !== SAFE_LOCK_TIMEOUT);
  return [
    ...(mainHasWork || safe.concurrent === null ? [{ up: safe.up, down: safe.down, noTransaction: false }] : []),
    ...(safe.concurrent === null ? [] : [{ ...safe.concurrent, noTransaction: true }]),
  ];
}

/**
 * Lints what autogenerate just wrote, with the live table sizes, and prints the findings (it does
 * not refuse: `migrate` will). Without `--safe`, says that `--safe` writes the safe forms.
 */
async function lintWritten(env: CliEnv, config: ResolvedConfig, session: Session, schema: string, files: readonly LintFile[], safe: boolean): Promise<void> {
  const { lintRun } = await import('../lint-run.js');
  const { formatFinding } = await import('../../lint/format-findings.js');
  const run = await lintRun(config, session, [schema], files);
  for (const finding of run.findings) env.output.err(formatFinding(finding, env.output.errColor));
  if (run.errors > 0) {
    env.output.err(
      env.output.errColor.yellow(
        `warning: ${schema}: lint finds ${run.errors} error${run.errors === 1 ? '' : 's'} in the new migration; migrate will refuse it until fixed${safe ? '' : ' (revision --autogenerate --safe writes the safe forms)'}`,
      ),
    );
  }
}

/** `worlddb revision -m MSG --schema NAME`: a new migration file (empty, or autogenerated). */
export function makeRevisionCommand(env: CliEnv, now: () => Date = () => new Date()): Command {
  const command = new Command('revision')
    .description('create a new migration file in the schema\'s migration folder')
    .option('-m, --message <text>', 'what the migration does (names the file)')
    .option('--ts', 'write a TypeScript migration (up/down functions) instead of SQL')
    .option('--autogenerate', "write the difference between the schema's model and its database")
    .option('--rename <old=new>', 'with --autogenerate: declare a rename, SCHEMA.TABLE=NEW or SCHEMA.TABLE.COLUMN=NEW (repeatable)', collect)
    .option('--sql', 'with --autogenerate: print the migration instead of writing it')
    .option('--against <member>', 'with --autogenerate --group: the member to compare the model with (default: the first)')
    .option('--baseline', 'a first migration that creates what the schema holds now (down: drops it), stamped as applied on this database')
    .option('--safe', 'with --autogenerate: write the safe forms (CONCURRENTLY in a no-transaction migration, NOT VALID then VALIDATE, lock_timeout)')
    .option('--lock-timeout <duration>', 'wait at most this long for the embedded database (default 60s)');
  addSchemaOptions(command);
  return command.action(async (flags: RevisionFlags, cmd: Command) => {
    if (flags.message === undefined || flags.message.trim() === '') {
      throw new UsageError('revision needs a message', { hint: 'pass -m "what the migration does"' });
    }
    const config = await loadProjectConfig(env, cmd);
    const groupNames = flags.group ?? [];
    if (groupNames.length > 0) {
      const group = config.groups.find((g) => g.name === groupNames[0]);
      if (groupNames.length > 1 || (flags.schema ?? []).length > 0 || group === undefined) {
        throw new UsageError(group === undefined ? `unknown group "${groupNames[0]}"` : 'revision takes one --group, without --schema', {
          hint: `groups: ${config.groups.map((g) => g.name).join(', ') || 'none in the config'}`,
        });
      }
      if (flags.autogenerate === true) {
        if (flags.ts === true) throw new UsageError('--autogenerate writes SQL migrations; --ts cannot be used with it', { hint: 'drop --ts' });
        await autogenerateGroup(env, config, group, { ...flags, message: flags.message }, now);
        return;
      }
      const file = await createMigrationFile(group.source.migrationsDir, { message: flags.message, now: now(), format: flags.ts === true ? 'ts' : 'sql' });
      env.output.out(`${group.name}: created ${displayPath(file, env.cwd)}`);
      return;
    }
    const targets = selectTargets(config, flags, false, 'revision');
    if (flags.baseline === true) {
      if (flags.autogenerate === true || flags.ts === true) throw new UsageError('--baseline cannot be used with --autogenerate or --ts', { hint: 'run the baseline first, then revision --autogenerate for changes' });
      const { baselineRevisions } = await import('./baseline.js');
      await baselineRevisions(env, config, targets, { ...flags, message: flags.message }, now);
      return;
    }
    if (flags.autogenerate === true) {
      if (flags.ts === true) throw new UsageError('--autogenerate writes SQL migrations; --ts cannot be used with it', { hint: 'drop --ts' });
      await autogenerateRevisions(env, config, targets, { ...flags, message: flags.message }, now);
      return;
    }
    if (flags.sql === true || flags.rename !== undefined || flags.safe === true) {
      throw new UsageError(`${flags.sql === true ? '--sql' : flags.safe === true ? '--safe' : '--rename'} only applies with --autogenerate`, { hint: 'add --autogenerate' });
    }
    const done = new Set<string>();
    for (const target of targets) {
      // Schemas that share a migration folder share its files: write one file per folder.
      if (done.has(target.source.migrationsDir)) continue;
      done.add(target.source.migrationsDir);
      const file = await createMigrationFile(target.source.migrationsDir, {
        message: flags.message,
        now: now(),
        format: flags.ts === true ? 'ts' : 'sql',
      });
      env.output.out(`${target.schema}: created ${displayPath(file, env.cwd)}`);
    }
  });
}
