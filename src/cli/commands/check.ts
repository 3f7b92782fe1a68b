import { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { managedVersionTables } from '../../config/managed-version-tables.js';
import type { SchemaTarget, VersionTableRef } from '../../config/types.js';
import type { Session } from '../../connection/types.js';
import { ExitCode, WorlddbError } from '../../errors.js';
import type { ModelComparison } from '../../autogenerate/compare-model.js';
import { deepEqual } from '../../diff/index.js';
import { describeOperation } from '../../ops/index.js';
import { renderTableDdl } from '../../render/index.js';
import type { SchemaModel } from '../../model/index.js';
import type { TableState } from '../../schema/types.js';
import { type CliEnv, loadProjectConfig } from '../cli-env.js';
import type { Output } from '../output.js';
import { runOnTargets, type TargetFlags } from '../run-on-targets.js';
import type { UncomparedObject } from '../../introspect/read-uncompared.js';
import { problemText } from './inspect-commands.js';
import { addSchemaOptions, folderLockTimeout, jsonOption, type TimeoutFlags } from './options.js';

type CheckFlags = TargetFlags & TimeoutFlags & { readonly strict?: boolean };

/** What `check` found for one schema. */
export interface SchemaCheck {
  readonly schema: string;
  /** True when nothing is pending and the database matches the model. */
  readonly clean: boolean;
  readonly pending: readonly string[];
  /** What `migrate` would refuse (changed, missing or out-of-order files, broken or empty pending files). */
  readonly problems: readonly string[];
  readonly operations: readonly { readonly kind: string; readonly description: string }[];
  /**
   * Tables and objects of the model compared as written, because the connection is read-only and
   * Postgres could not normalise them: a difference listed for them may be one of spelling only.
   */
  readonly notNormalized: readonly string[];
  /** Unified diffs of each differing table's DDL, database (---) versus model (+++). */
  readonly diffs: readonly { readonly table: string; readonly patch: string }[];
  /** Objects of the schema of kinds worlddb does not compare (partitions, aggregates, ...): `clean` says nothing about them. */
  readonly notCompared: readonly UncomparedObject[];
  /** Operations that touch a column such an object depends on. */
  readonly warnings: readonly string[];
}

/** Unified diffs of the DDL of each table that differs between the database and the model. */
export function tableDiffs(schema: string, comparison: ModelComparison): SchemaCheck['diffs'] {
  const live = new Map(comparison.live.tables.map((t) => [t.name, t]));
  const desired = new Map(comparison.desired.tables.map((t) => [t.name, t]));
  const names = [...new Set([...live.keys(), ...desired.keys()])].sort();
  const ddl = (table: TableState | undefined): string => (table === undefined ? '' : renderTableDdl(table, schema));
  return names
    .filter((name) => !deepEqual(live.get(name), desired.get(name)))
    .map((name) => ({
      table: name,
      patch: createTwoFilesPatch(`database ${schema}.${name}`, `model ${schema}.${name}`, ddl(live.get(name)), ddl(desired.get(name)), '', '', {
        context: 3,
      }),
    }));
}

/** The objects `check` did not compare, and the warnings about them, as lines (none when there are none). */
function notComparedLines(output: Output, result: SchemaCheck, strict: boolean): string[] {
  const { color } = output;
  const lines = result.warnings.map((warning) => color.yellow(`  warning: ${warning}`));
  const count = result.notCompared.length;
  if (count === 0) return lines;
  lines.push(color.yellow(`  not compared: ${count} object${count === 1 ? '' : 's'} of kinds worlddb does not model${strict ? ' (--strict: fails)' : ' (--strict makes check fail on them)'}`));
  for (const object of result.notCompared) lines.push(color.yellow(`    ${object.kind} ${result.schema}.${object.name}${object.detail === null ? '' : ` (${object.detail})`}`));
  return lines;
}

function checkLines(output: Output, result: SchemaCheck, strict: boolean): string[] {
  const { color } = output;
  const note: string[] =
    result.notNormalized.length === 0
      ? []
      : [
          color.yellow(
            `  note: read-only connection: compared as written, not normalised through Postgres: ${result.notNormalized.join(', ')} (a difference listed for them may be one of spelling only; run check on a writable connection to be sure)`,
          ),
        ];
  const rest = result.notCompared.length === 0 ? '' : `; ${result.notCompared.length} not compared`;
  if (result.clean) return [`${result.schema}: ${color.green('clean')} (at head, database matches the model${rest})`, ...note, ...notComparedLines(output, result, strict)];
  const lines = [color.bold(`${result.schema}: ${color.red('differs')}`), ...note];
  for (const problem of result.problems) lines.push(color.red(`  problem: ${problem}`));
  if (result.pending.length > 0) lines.push(color.yellow(`  ${result.pending.length} pending migration${result.pending.length === 1 ? '' : 's'}: ${result.pending.join(', ')}`));
  for (const op of result.operations) lines.push(`  ${op.description}`);
  for (const { patch } of result.diffs) {
    for (const line of patch.split('\n').slice(1)) {
      if (line.startsWith('+++') || line.startsWith('---')) lines.push(color.bold(line));
      else if (line.startsWith('+')) lines.push(color.green(line));
      else if (line.startsWith('-')) lines.push(color.red(line));
      else if (line.startsWith('@@')) lines.push(color.cyan(line));
      else if (line !== '') lines.push(line);
    }
  }
  return [...lines, ...notComparedLines(output, result, strict)];
}

async function checkSchema(
  env: CliEnv,
  session: Session,
  target: SchemaTarget,
  versionTables: readonly VersionTableRef[],
  models: Map<string, Promise<SchemaModel>>,
): Promise<SchemaCheck> {
  const { status, migrateSql } = await import('../../runner/index.js');
  const { compareModel } = await import('../../autogenerate/compare-model.js');
  const { loadModel } = await import('../../autogenerate/load-model.js');
  // A group's model is loaded once for all its members.
  const key = target.group === undefined ? `schema:${target.schema}` : `group:${target.group}`;
  let loading = models.get(key);
  if (loading === undefined) {
    loading = loadModel(target, env.cwd);
    loading.catch(() => undefined);
    models.set(key, loading);
  }
  const model = await loading;
  const current = await status(session, target);
  const problems = current.problems.map(problemText);
  // Anything else migrate would refuse (a broken or empty pending file), as its preview would.
  if (problems.length === 0) {
    const refusal = await migrateSql(session, target).then(
      () => null,
      (error: unknown) => (error instanceof WorlddbError ? error : Promise.reject(error)),
    );
    if (refusal !== null) problems.push(refusal.message);
  }
  const comparison = await compareModel(session, target, model, { versionTables });
  const { readUncompared } = await import('../../introspect/read-uncompared.js');
  const { warnDependents } = await import('../../autogenerate/warn-dependents.js');
  return {
    schema: target.schema,
    clean: current.pending.length === 0 && problems.length === 0 && comparison.operations.length === 0,
    pending: current.pending,
    problems,
    notNormalized: comparison.notNormalized,
    operations: comparison.operations.map((op) => ({ kind: op.kind, description: describeOperation(op, target.schema) })),
    diffs: tableDiffs(target.schema, comparison),
    notCompared: await readUncompared(session, target.schema),
    warnings: await warnDependents(session, target.schema, comparison.operations),
  };
}

/** `worlddb check`: exit 0 when every chosen schema is at head and matches its model. */
export function makeCheckCommand(env: CliEnv, setExitCode: (code: number) => void): Command {
  const command = new Command('check')
    .description('check that the database is at head, that migrate would run, and that it matches the model (exit 6 when not)')
    .addOption(jsonOption())
    .option('--strict', 'also fail (exit 6) when the schema has objects worlddb does not compare (partitions, aggregates, ...)')
    .option('--lock-timeout <duration>', 'wait at most this long for the embedded database (default 60s)');
  addSchemaOptions(command);
  return command.action(async (flags: CheckFlags, cmd: Command) => {
    const config = await loadProjectConfig(env, cmd);
    const models = new Map<string, Promise<SchemaModel>>();
    const versionTables = managedVersionTables(config);
    const { color } = env.output;
    const report = await runOnTargets<SchemaCheck>({
      env,
      config,
      flags,
      command: 'check',
      defaultToAll: false,
      folderLockTimeoutMs: folderLockTimeout(flags, config),
      view: {
        detail: (r) => checkLines(env.output, r, flags.strict === true),
        brief: (r) =>
          r.clean
            ? null
            : `${r.schema}: ${color.red('differs')}${r.problems.length > 0 ? `, ${r.problems.join('; ')}` : ''}${r.pending.length > 0 ? `, ${r.pending.length} pending` : ''}${r.operations.length > 0 ? `, ${r.operations.map((op) => op.description).join('; ')}` : ''}`,
      },
      job: (target, session) => checkSchema(env, session, target, versionTables, models),
    });
    const strict = flags.strict === true;
    if (report.outcomes.some((o) => o.status === 'ok' && (!o.value.clean || (strict && o.value.notCompared.length > 0)))) setExitCode(ExitCode.drift);
  });
}
