import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { MigrationFileEntry } from '../../src/revision/types.js';
import {
  parseTarget,
  resolveDowngradeTarget,
  resolveMigrationName,
  resolveStampTarget,
  resolveUpgradeTarget,
} from '../../src/runner/target.js';
import type { AppliedMigration } from '../../src/runner/types.js';

function file(name: string): MigrationFileEntry {
  return { name, path: `/p/migrations/${name}.sql`, extension: '.sql', checksum: `sum-${name}`, text: '' };
}

function row(name: string): AppliedMigration {
  return { name, checksum: `sum-${name}`, appliedAt: new Date(0), executionMs: 1, stamped: false };
}

const A = '20260101000000_a';
const B = '20260102000000_b';
const C = '20260103000000_c';
const files = [file(A), file(B), file(C)];
const names = (list: readonly { name: string }[]): string[] => list.map((item) => item.name);

describe('parseTarget', () => {
  it('reads keywords, relative steps and names', () => {
    expect(parseTarget('head')).toEqual({ kind: 'head' });
    expect(parseTarget('heads')).toEqual({ kind: 'head' });
    expect(parseTarget('base')).toEqual({ kind: 'base' });
    expect(parseTarget('-1')).toEqual({ kind: 'relative', steps: -1 });
    expect(parseTarget('+12')).toEqual({ kind: 'relative', steps: 12 });
    expect(parseTarget('2026')).toEqual({ kind: 'name', query: '2026' });
    expect(parseTarget(' 20260101000000_a.sql ')).toEqual({ kind: 'name', query: '20260101000000_a.sql' });
  });

  it('refuses an empty target and a step of zero', () => {
    expect(() => parseTarget('')).toThrow(UsageError);
    expect(() => parseTarget('-0')).toThrow(/moves nowhere/);
  });
});

describe('resolveUpgradeTarget', () => {
  const pending = [file(B), file(C)];
  const up = (text: string | undefined): string[] => names(resolveUpgradeTarget(text, files, pending, 's'));

  it('goes to head by default, to a name or prefix, or N steps', () => {
    expect(up(undefined)).toEqual([B, C]);
    expect(up('head')).toEqual([B, C]);
    expect(up(B)).toEqual([B]);
    expect(up('20260102')).toEqual([B]);
    expect(up(A)).toEqual([]);
    expect(up('+1')).toEqual([B]);
    expect(up('+2')).toEqual([B, C]);
    expect(names(resolveUpgradeTarget('+3', files, [], 's'))).toEqual([]);
  });

  it('refuses base, steps back, too many steps, unknown and ambiguous names', () => {
    expect(() => up('base')).toThrow(/upgrade goes forward; base/);
    expect(() => up('-1')).toThrow(/-1 is a step back/);
    expect(() => up('+3')).toThrow(/cannot upgrade 3 steps, only 2 migrations are pending/);
    expect(() => up('zzz')).toThrow(/no migration file named "zzz"/);
    expect(() => up('2026010')).toThrow(/"2026010" matches 3 migrations: 20260101000000_a, 20260102000000_b, 20260103000000_c/);
  });
});

describe('resolveDowngradeTarget', () => {
  const applied = [row(A), row(C), row(B)];
  const down = (text: string | undefined, steps?: number): string[] => names(resolveDowngradeTarget(text, steps, applied, 's'));

  it('goes back one step by default, N steps, to a name, or to base', () => {
    expect(down(undefined)).toEqual([B]);
    expect(down('-1')).toEqual([B]);
    expect(down('-2')).toEqual([C, B]);
    expect(down(undefined, 2)).toEqual([C, B]);
    expect(down(A)).toEqual([C, B]);
    expect(down('20260103')).toEqual([B]);
    expect(down('base')).toEqual([A, C, B]);
    expect(names(resolveDowngradeTarget('-5', undefined, [], 's'))).toEqual([]);
  });

  it('refuses head, steps forward, too many steps, both forms, and names not applied', () => {
    expect(() => down('head')).toThrow(/downgrade goes back; head/);
    expect(() => down('+1')).toThrow(/\+1 is not a step back/);
    expect(() => down('-4')).toThrow(/cannot downgrade 4 steps, only 3 migrations are applied/);
    expect(() => down(undefined, 1.5)).toThrow(UsageError);
    expect(() => down('-1', 1)).toThrow(/--steps or a target, not both/);
    expect(() => resolveDowngradeTarget('20260102', undefined, [row(A)], 's')).toThrow(/no applied migration named/);
  });
});

describe('resolveStampTarget', () => {
  const stamp = (text: string, applied: readonly string[]): ReturnType<typeof resolveStampTarget> =>
    resolveStampTarget(text, files, applied.map(row), 's');

  it('resolves head, base, names and steps counted from the last applied migration', () => {
    expect(stamp('head', [A])).toBe('head');
    expect(stamp('base', [A])).toBe('base');
    expect(stamp('20260102', [A])).toEqual({ name: B });
    expect(stamp('+1', [A])).toEqual({ name: B });
    expect(stamp('+2', [A])).toEqual({ name: C });
    expect(stamp('+1', [])).toEqual({ name: A });
    expect(stamp('-1', [A, B])).toEqual({ name: A });
    expect(stamp('-1', [A])).toBe('base');
  });

  it('refuses steps beyond either end', () => {
    expect(() => stamp('+3', [A])).toThrow(/only 2 migration files after the last applied one/);
    expect(() => stamp('-2', [A])).toThrow(/only 1 migration is applied/);
  });
});

describe('resolveMigrationName', () => {
  it('names every candidate of an ambiguous prefix', () => {
    expect(() => resolveMigrationName('2026', [A, B], 'schema "asia"', 'migration')).toThrow(
      'schema "asia": "2026" matches 2 migrations: 20260101000000_a, 20260102000000_b',
    );
  });
});
