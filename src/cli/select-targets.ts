import type { ResolvedConfig, SchemaTarget } from '../config/types.js';
import { UsageError } from '../errors.js';

export interface SchemaSelection {
  /** `--schema NAME`, repeatable. */
  readonly schema?: readonly string[];
  /** `--all`. */
  readonly all?: boolean;
}

/**
 * The schemas a command works on, in config order. Commands that change the database need
 * `--schema` or `--all`; read-only commands default to every schema.
 */
export function selectTargets(config: ResolvedConfig, selection: SchemaSelection, defaultToAll: boolean): SchemaTarget[] {
  const names = selection.schema ?? [];
  if (selection.all === true && names.length > 0) {
    throw new UsageError('--all and --schema cannot be used together', { hint: 'pass one of them' });
  }
  if (selection.all === true || (names.length === 0 && defaultToAll)) return [...config.targets];
  if (names.length === 0) {
    throw new UsageError('no schema chosen', {
      hint: `pass --schema NAME (one of: ${config.targets.map((t) => t.schema).join(', ')}) or --all`,
    });
  }
  const known = new Map(config.targets.map((t) => [t.schema, t]));
  for (const name of names) {
    if (!known.has(name)) {
      const suggestion = closest(name, [...known.keys()]);
      throw new UsageError(`unknown schema "${name}"`, {
        hint: `${suggestion === null ? '' : `did you mean "${suggestion}"? `}known schemas: ${[...known.keys()].join(', ')}`,
      });
    }
  }
  return config.targets.filter((t) => names.includes(t.schema));
}

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
