/**
 * Migration targets the alembic way: `head`, `base`, a name (or a unique prefix of one, or its file
 * name), and relative steps `+N` / `-N`. Parsing and resolution against a folder's analysis live
 * here, pure, for `migrate`/`upgrade`, `downgrade`, `stamp` and `redo`.
 */
import { UsageError } from '../errors.js';
import { compareMigrationNames } from '../revision/file-name.js';
import type { MigrationFileEntry } from '../revision/types.js';
import type { AppliedMigration } from './types.js';

/** A parsed target. `relative.steps` is signed: `+2` → 2, `-1` → -1. */
export type RevisionTarget =
  | { readonly kind: 'head' }
  | { readonly kind: 'base' }
  | { readonly kind: 'relative'; readonly steps: number }
  | { readonly kind: 'name'; readonly query: string };

/**
 * Parses what a user typed as a target. `head` and `base` are keywords; `+N` and `-N` (N ≥ 1) are
 * relative steps; anything else is a migration name or prefix (a bare number such as `2026` is a
 * timestamp prefix, as in alembic).
 *
 * @throws UsageError for an empty target or a relative step of 0.
 * @example
 * parseTarget('-1') // => { kind: 'relative', steps: -1 }
 * parseTarget('2026112615') // => { kind: 'name', query: '2026112615' }
 */
export function parseTarget(text: string): RevisionTarget {
  const trimmed = text.trim();
  if (trimmed === '') throw new UsageError('the target is empty', { hint: TARGET_HINT });
  if (trimmed === 'head' || trimmed === 'heads') return { kind: 'head' };
  if (trimmed === 'base') return { kind: 'base' };
  const relative = /^([+-])(\d+)$/.exec(trimmed);
  if (relative !== null) {
    const steps = Number(relative[2]);
    if (steps === 0) throw new UsageError(`relative target ${JSON.stringify(text)} moves nowhere`, { hint: 'use +1 or more, or -1 or more' });
    return { kind: 'relative', steps: relative[1] === '-' ? -steps : steps };
  }
  return { kind: 'name', query: trimmed };
}

/** The commands that take a target. */
export type TargetCommand = 'upgrade' | 'downgrade' | 'stamp';

/**
 * Parses a target and refuses the kinds that make no sense for `command`: `base` and `-N` for
 * upgrade, `head` and `+N` for downgrade. Called by the CLI before connecting, and by planning.
 *
 * @throws UsageError saying which command goes where.
 * @example
 * parseTargetFor('-1', 'upgrade') // throws: upgrade goes forward; -1 is a step back
 */
export function parseTargetFor(text: string, command: TargetCommand): RevisionTarget {
  const target = parseTarget(text);
  if (command === 'upgrade') {
    if (target.kind === 'base') {
      throw new UsageError('upgrade goes forward; base is before every migration', { hint: 'to revert every migration, run worlddb downgrade base' });
    }
    if (target.kind === 'relative' && target.steps < 0) {
      throw new UsageError(`upgrade goes forward; ${text} is a step back`, { hint: `to revert, run worlddb downgrade ${text}` });
    }
  }
  if (command === 'downgrade') {
    if (target.kind === 'head') {
      throw new UsageError('downgrade goes back; head is the newest migration', {
        hint: 'worlddb downgrade -1 reverts the last migration, worlddb downgrade base reverts all',
      });
    }
    if (target.kind === 'relative' && target.steps > 0) {
      throw new UsageError(`downgrade goes back; ${text} is not a step back`, { hint: `to apply, run worlddb upgrade ${text}` });
    }
  }
  return target;
}

/** What a target can be, for hints. */
export const TARGET_HINT = 'a target is head, base, a migration name or unique prefix, +N or -N';

/**
 * Finds a migration by what a user typed: its name, its file name (with extension), or a prefix
 * that matches exactly one name (e.g. the timestamp).
 *
 * @throws UsageError naming the candidates when nothing or more than one name matches.
 * @example
 * resolveMigrationName('20261126154200', names, 'schema "asia"', 'migration') // => '20261126154200_create_countries'
 */
export function resolveMigrationName(query: string, names: readonly string[], where: string, what: string): string {
  if (names.includes(query)) return query;
  const stem = query.replace(/\.(sql|ts|js)$/, '');
  if (names.includes(stem)) return stem;
  const matches = stem === '' ? [] : names.filter((name) => name.startsWith(stem));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`${where}: ${JSON.stringify(query)} matches ${matches.length} migrations: ${shortList(matches, 10)}`, {
      hint: 'give more of the name',
    });
  }
  throw new UsageError(`${where}: no ${what} named ${JSON.stringify(query)}`, {
    hint: names.length === 0 ? `there is no ${what}` : `${what}s: ${shortList(names, 10)}`,
  });
}

/** Names joined with commas, at most `max` of them. */
export function shortList(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** What the target tells `migrate`: the pending files to consider, in order. */
export function resolveUpgradeTarget(
  text: string | undefined,
  files: readonly MigrationFileEntry[],
  pending: readonly MigrationFileEntry[],
  where: string,
): readonly MigrationFileEntry[] {
  const target = text === undefined ? ({ kind: 'head' } as const) : parseTargetFor(text, 'upgrade');
  switch (target.kind) {
    case 'head':
    case 'base': // refused by parseTargetFor
      return pending;
    case 'relative': {
      if (pending.length > 0 && target.steps > pending.length) {
        throw new UsageError(
          `${where}: cannot upgrade ${target.steps} steps, only ${pending.length} migration${pending.length > 1 ? 's are' : ' is'} pending`,
          { hint: 'use head to apply all of them' },
        );
      }
      return pending.slice(0, target.steps);
    }
    case 'name': {
      const to = resolveMigrationName(target.query, files.map((file) => file.name), where, 'migration file');
      return pending.filter((file) => compareMigrationNames(file.name, to) <= 0);
    }
  }
}

/**
 * What the target tells `downgrade`: the applied rows to revert, in the order they were applied
 * (the caller reverts them newest first). `steps` is `--steps`; it cannot go with a target.
 */
export function resolveDowngradeTarget(
  text: string | undefined,
  steps: number | undefined,
  applied: readonly AppliedMigration[],
  where: string,
): readonly AppliedMigration[] {
  if (steps !== undefined && text !== undefined) {
    throw new UsageError('downgrade takes --steps or a target, not both', { hint: 'drop one of them' });
  }
  const target = text === undefined ? ({ kind: 'relative', steps: -(steps ?? 1) } as const) : parseTargetFor(text, 'downgrade');
  switch (target.kind) {
    case 'base':
    case 'head': // head is refused by parseTargetFor
      return target.kind === 'base' ? applied : [];
    case 'relative': {
      const back = -target.steps;
      if (!Number.isInteger(back) || back < 1) {
        throw new UsageError(`--steps must be a whole number of at least 1, not ${String(steps)}`, { hint: 'e.g. --steps 2' });
      }
      if (back > applied.length && applied.length > 0) {
        throw new UsageError(
          `${where}: cannot downgrade ${back} steps, only ${applied.length} migration${applied.length > 1 ? 's are' : ' is'} applied`,
          { hint: 'use base to revert all of them' },
        );
      }
      return applied.slice(Math.max(0, applied.length - back));
    }
    case 'name': {
      const to = resolveMigrationName(target.query, applied.map((row) => row.name), where, 'applied migration');
      return applied.slice(applied.findIndex((row) => row.name === to) + 1);
    }
  }
}

/**
 * What the target tells `stamp`: the name to stamp up to, or `head`/`base`. Relative steps count
 * from the applied migration that sorts last: `+1` is the next file after it, `-1` the applied one
 * before it (`base` when there is none).
 */
export function resolveStampTarget(
  text: string,
  files: readonly MigrationFileEntry[],
  applied: readonly AppliedMigration[],
  where: string,
): 'head' | 'base' | { readonly name: string } {
  const target = parseTarget(text);
  switch (target.kind) {
    case 'head':
    case 'base':
      return target.kind;
    case 'name':
      return { name: resolveMigrationName(target.query, files.map((file) => file.name), where, 'migration file') };
    case 'relative': {
      const appliedNames = applied.map((row) => row.name).sort(compareMigrationNames);
      const highest = appliedNames.at(-1);
      if (target.steps < 0) {
        const index = appliedNames.length + target.steps - 1;
        if (index < -1) {
          throw new UsageError(`${where}: cannot stamp ${text}, only ${appliedNames.length} migration${appliedNames.length === 1 ? ' is' : 's are'} applied`, {
            hint: 'use base to record none as applied',
          });
        }
        const name = appliedNames[index];
        return name === undefined ? 'base' : { name };
      }
      const after = files.filter((file) => highest === undefined || compareMigrationNames(file.name, highest) > 0);
      const file = after[target.steps - 1];
      if (file === undefined) {
        throw new UsageError(`${where}: cannot stamp ${text}, only ${after.length} migration file${after.length === 1 ? '' : 's'} after the last applied one`, {
          hint: 'use head to record every file as applied',
        });
      }
      return { name: file.name };
    }
  }
}
