/**
 * Planning: compares the migration folder with the version table and decides what a command will
 * do, or refuses. Pure — no database, no file system — so every rule is tested on plain data.
 */
import { RefusedError } from '../errors.js';
import { displayPath } from '../revision/display-path.js';
import { compareMigrationNames } from '../revision/file-name.js';
import type { MigrationFileEntry } from '../revision/types.js';
import type {
  AppliedMigration,
  DowngradeOptions,
  MigrateOptions,
  MigrationProblem,
  SafetyOptions,
  StampTarget,
} from './types.js';
import { resolveDowngradeTarget, resolveMigrationName, resolveStampTarget, resolveUpgradeTarget, shortList } from './target.js';

export { resolveMigrationName } from './target.js';

/** The folder and the version table side by side. */
export interface FolderAnalysis {
  /** Migration files, in the order they run. */
  readonly files: readonly MigrationFileEntry[];
  /** Version-table rows, in the order they were applied. */
  readonly applied: readonly AppliedMigration[];
  readonly fileByName: ReadonlyMap<string, MigrationFileEntry>;
  readonly appliedByName: ReadonlyMap<string, AppliedMigration>;
  /** Files without a row, in the order they run. */
  readonly pending: readonly MigrationFileEntry[];
  /** Applied migrations whose file's checksum differs from the stored one, in file order. */
  readonly changed: readonly MigrationFileEntry[];
  /** Rows without a file, in the order they were applied. */
  readonly missing: readonly AppliedMigration[];
  /** The applied migration that sorts last by name (not necessarily the last applied), or null. */
  readonly highestApplied: string | null;
  /** Pending files that sort before {@link highestApplied}. */
  readonly outOfOrder: readonly MigrationFileEntry[];
}

/**
 * Lines up the files of a folder with the rows of its version table.
 *
 * @example
 * const analysis = analyseFolder(await listMigrationFiles(dir), rows ?? []);
 * analysis.pending.map((f) => f.name) // => ['20261127090000_add_languages']
 */
export function analyseFolder(
  files: readonly MigrationFileEntry[],
  applied: readonly AppliedMigration[],
): FolderAnalysis {
  const fileByName = new Map(files.map((file) => [file.name, file]));
  const appliedByName = new Map(applied.map((row) => [row.name, row]));
  const pending = files.filter((file) => !appliedByName.has(file.name));
  const changed = files.filter((file) => {
    const row = appliedByName.get(file.name);
    return row !== undefined && row.checksum !== file.checksum;
  });
  const missing = applied.filter((row) => !fileByName.has(row.name));
  let highestApplied: string | null = null;
  for (const row of applied) {
    if (highestApplied === null || compareMigrationNames(row.name, highestApplied) > 0) highestApplied = row.name;
  }
  const outOfOrder =
    highestApplied === null
      ? []
      : pending.filter((file) => compareMigrationNames(file.name, highestApplied as string) < 0);
  return { files, applied, fileByName, appliedByName, pending, changed, missing, highestApplied, outOfOrder };
}

/** Everything wrong between the folder and the version table, for `status`. */
export function problemsOf(analysis: FolderAnalysis): MigrationProblem[] {
  return [
    ...analysis.changed.map((file): MigrationProblem => ({ kind: 'checksum-changed', name: file.name, path: file.path })),
    ...analysis.missing.map((row): MigrationProblem => ({ kind: 'file-missing', name: row.name })),
    ...analysis.outOfOrder.map(
      (file): MigrationProblem => ({
        kind: 'out-of-order',
        name: file.name,
        path: file.path,
        lastApplied: analysis.highestApplied ?? '',
      }),
    ),
  ];
}

function schemaLabel(schema: string): string {
  return `schema ${JSON.stringify(schema)}`;
}

/**
 * The checks every command that runs migrations makes first: no applied migration may have a
 * changed or missing file, unless explicitly allowed. Returns the changed files whose new checksum
 * is accepted (to be stored).
 *
 * @throws RefusedError naming the file(s).
 */
export function checkAppliedFiles(
  analysis: FolderAnalysis,
  schema: string,
  options: SafetyOptions,
): MigrationFileEntry[] {
  if (analysis.missing.length > 0 && options.allowMissing !== true) {
    const names = analysis.missing.map((row) => row.name);
    throw new RefusedError(
      `${schemaLabel(schema)}: applied migration${names.length > 1 ? 's' : ''} ${shortList(names)} ${names.length > 1 ? 'have' : 'has'} no file any more`,
      { hint: 'restore the file (e.g. from version control), or go on without it with --allow-missing' },
    );
  }
  const accept = options.acceptChecksums ?? false;
  const appliedNames = analysis.applied.map((row) => row.name);
  const acceptedNames = new Set(
    typeof accept === 'boolean'
      ? []
      : accept.map((name) => resolveMigrationName(name, appliedNames, schemaLabel(schema), 'applied migration')),
  );
  const accepted = (file: MigrationFileEntry): boolean => accept === true || acceptedNames.has(file.name);
  const refused = analysis.changed.filter((file) => !accepted(file));
  if (refused.length > 0) {
    const files = refused.map((file) => displayPath(file.path));
    throw new RefusedError(
      `${schemaLabel(schema)}: migration file${files.length > 1 ? 's' : ''} ${shortList(files)} changed after ${files.length > 1 ? 'they were' : 'it was'} applied (checksum differs)`,
      {
        hint:
          'restore the file as it was applied and put the change in a new migration; to accept the change deliberately, ' +
          `run again with --accept-checksum ${refused[0]?.name ?? ''}`,
      },
    );
  }
  return analysis.changed.filter(accepted);
}

/** What `migrate` will do. */
export interface MigratePlan {
  /** Files to apply, in order. */
  readonly run: readonly MigrationFileEntry[];
  /** Changed files whose new checksum is stored. */
  readonly accept: readonly MigrationFileEntry[];
}

/**
 * Plans `migrate`: the pending migrations (up to `to`), after the safety checks.
 *
 * @throws RefusedError for a changed or missing applied file, or a pending migration that sorts
 *   before the last applied one (unless `allowOutOfOrder`).
 * @throws UsageError when `to` names no migration file.
 */
export function planMigrate(analysis: FolderAnalysis, schema: string, options: MigrateOptions): MigratePlan {
  const accept = checkAppliedFiles(analysis, schema, options);
  const run = resolveUpgradeTarget(options.to, analysis.files, analysis.pending, schemaLabel(schema));
  if (options.allowOutOfOrder !== true) {
    const early = run.filter((file) => analysis.outOfOrder.includes(file));
    if (early.length > 0) {
      const files = early.map((file) => displayPath(file.path));
      throw new RefusedError(
        `${schemaLabel(schema)}: pending migration${files.length > 1 ? 's' : ''} ${shortList(files)} sort${files.length > 1 ? '' : 's'} before the last applied migration ${analysis.highestApplied ?? ''}`,
        { hint: 'give the file a newer timestamp (rename it), or apply it anyway with --allow-out-of-order' },
      );
    }
  }
  return { run, accept };
}

/** One migration to revert. */
export interface RevertStep {
  readonly row: AppliedMigration;
  readonly file: MigrationFileEntry;
}

/** What `downgrade` will do. */
export interface DowngradePlan {
  /** Migrations to revert, in the order they are reverted (last applied first). */
  readonly revert: readonly RevertStep[];
  readonly accept: readonly MigrationFileEntry[];
}

/**
 * Plans `downgrade`: the last `steps` applied migrations (default 1), or every one applied after
 * `to` (all of them for `'base'`), newest first. Migrations are reverted in the reverse of the
 * order they were applied.
 *
 * @throws UsageError for bad `steps`/`to`; RefusedError for a changed or missing file.
 */
export function planDowngrade(analysis: FolderAnalysis, schema: string, options: DowngradeOptions): DowngradePlan {
  const chosen = resolveDowngradeTarget(options.to, options.steps, analysis.applied, schemaLabel(schema));
  const accept = checkAppliedFiles(analysis, schema, options);
  const revert = [...chosen].reverse().map((row): RevertStep => {
    const file = analysis.fileByName.get(row.name);
    if (file === undefined) {
      throw new RefusedError(`${schemaLabel(schema)}: cannot downgrade ${row.name}: its file is missing`, {
        hint: 'restore the file; to forget the migration without reverting it, use worlddb stamp',
      });
    }
    return { row, file };
  });
  return { revert, accept };
}

/** What `stamp` will do. */
export interface StampPlan {
  /** Files to record as applied, in order. */
  readonly add: readonly MigrationFileEntry[];
  /** Rows to remove, last applied first. */
  readonly remove: readonly AppliedMigration[];
}

/**
 * Plans `stamp`: makes the version table say that exactly the migrations up to `target` are
 * applied (`head`: all files, `base`: none), without running any. Rows that sort after the target
 * are removed, also those whose file is missing.
 *
 * @throws UsageError when `target` names no migration file.
 */
export function planStamp(analysis: FolderAnalysis, schema: string, target: StampTarget): StampPlan {
  const resolved = resolveStampTarget(target, analysis.files, analysis.applied, schemaLabel(schema));
  if (resolved === 'head') return { add: analysis.pending, remove: [] };
  if (resolved === 'base') return { add: [], remove: [...analysis.applied].reverse() };
  const to = resolved.name;
  return {
    add: analysis.pending.filter((file) => compareMigrationNames(file.name, to) <= 0),
    remove: [...analysis.applied].reverse().filter((row) => compareMigrationNames(row.name, to) > 0),
  };
}
