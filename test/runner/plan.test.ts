import { describe, expect, it } from 'vitest';
import { RefusedError, UsageError } from '../../src/errors.js';
import type { MigrationFileEntry } from '../../src/revision/types.js';
import { analyseFolder, planDowngrade, planMigrate, planStamp, problemsOf, resolveMigrationName } from '../../src/runner/plan.js';
import type { AppliedMigration } from '../../src/runner/types.js';

function file(name: string, checksum = `sum-${name}`): MigrationFileEntry {
  return { name, path: `/p/migrations/${name}.sql`, extension: '.sql', checksum, text: '' };
}

function row(name: string, checksum = `sum-${name}`, minute = 0): AppliedMigration {
  return { name, checksum, appliedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)), executionMs: 1, stamped: false };
}

const A = '20260101000000_a';
const B = '20260102000000_b';
const C = '20260103000000_c';
const D = '20260104000000_d';

describe('analyseFolder', () => {
  it('finds pending, changed, missing and out-of-order migrations', () => {
    const analysis = analyseFolder([file(A, 'new'), file(B), file(D)], [row(A, 'old', 1), row(C, undefined, 2)]);
    expect(analysis.pending.map((f) => f.name)).toEqual([B, D]);
    expect(analysis.changed.map((f) => f.name)).toEqual([A]);
    expect(analysis.missing.map((r) => r.name)).toEqual([C]);
    expect(analysis.highestApplied).toBe(C);
    expect(analysis.outOfOrder.map((f) => f.name)).toEqual([B]);
    expect(problemsOf(analysis).map((p) => p.kind)).toEqual(['checksum-changed', 'file-missing', 'out-of-order']);
  });
});

describe('planMigrate', () => {
  it('plans every pending migration, or up to --to', () => {
    const analysis = analyseFolder([file(A), file(B), file(C)], [row(A)]);
    expect(planMigrate(analysis, 's', {}).run.map((f) => f.name)).toEqual([B, C]);
    expect(planMigrate(analysis, 's', { to: B }).run.map((f) => f.name)).toEqual([B]);
    expect(planMigrate(analysis, 's', { to: A }).run).toEqual([]);
  });

  it('refuses changed, missing and out-of-order, unless allowed', () => {
    expect(() => planMigrate(analyseFolder([file(A, 'new')], [row(A)]), 's', {})).toThrow(RefusedError);
    expect(planMigrate(analyseFolder([file(A, 'new')], [row(A)]), 's', { acceptChecksums: true }).accept.map((f) => f.name)).toEqual([A]);
    expect(() => planMigrate(analyseFolder([], [row(A)]), 's', {})).toThrow(/has no file any more/);
    expect(planMigrate(analyseFolder([file(B)], [row(A)]), 's', { allowMissing: true }).run.map((f) => f.name)).toEqual([B]);
    const early = analyseFolder([file(A), file(B), file(C)], [row(A), row(C)]);
    expect(() => planMigrate(early, 's', {})).toThrow(/sorts before the last applied migration/);
    expect(planMigrate(early, 's', { allowOutOfOrder: true }).run.map((f) => f.name)).toEqual([B]);
  });
});

describe('planDowngrade', () => {
  const analysis = analyseFolder([file(A), file(B), file(C)], [row(A, undefined, 1), row(C, undefined, 2), row(B, undefined, 3)]);
  const names = (options: Parameters<typeof planDowngrade>[2]): string[] =>
    planDowngrade(analysis, 's', options).revert.map((step) => step.row.name);

  it('reverts in the reverse of the applied order', () => {
    expect(names({})).toEqual([B]);
    expect(names({ steps: 2 })).toEqual([B, C]);
    expect(names({ to: A })).toEqual([B, C]);
    expect(names({ to: 'base' })).toEqual([B, C, A]);
  });

  it('refuses bad input and missing files', () => {
    expect(() => names({ steps: 4 })).toThrow(UsageError);
    expect(() => names({ steps: 1.5 })).toThrow(UsageError);
    expect(() => names({ to: 'x' })).toThrow(UsageError);
    const missing = analyseFolder([file(A)], [row(A, undefined, 1), row(B, undefined, 2)]);
    expect(() => planDowngrade(missing, 's', { allowMissing: true })).toThrow(/its file is missing/);
  });
});

describe('planStamp', () => {
  const analysis = analyseFolder([file(A), file(B), file(C)], [row(A), row(D)]);
  it('plans head, base and a name', () => {
    expect(planStamp(analysis, 's', 'head')).toMatchObject({ add: [{ name: B }, { name: C }], remove: [] });
    expect(planStamp(analysis, 's', 'base').remove.map((r) => r.name)).toEqual([D, A]);
    const toB = planStamp(analysis, 's', B);
    expect(toB.add.map((f) => f.name)).toEqual([B]);
    expect(toB.remove.map((r) => r.name)).toEqual([D]);
  });
});

describe('resolveMigrationName', () => {
  it('takes a name, a file name or a unique prefix', () => {
    const names = [A, B, '20260102000000_bb'];
    expect(resolveMigrationName(A, names, 's', 'migration')).toBe(A);
    expect(resolveMigrationName(`${A}.sql`, names, 's', 'migration')).toBe(A);
    expect(resolveMigrationName('20260101', names, 's', 'migration')).toBe(A);
    expect(resolveMigrationName(B, names, 's', 'migration')).toBe(B);
    expect(() => resolveMigrationName('20260102', names, 's', 'migration')).toThrow(/matches 2 migrations/);
    expect(() => resolveMigrationName('zzz', names, 's', 'migration')).toThrow(/no migration named "zzz"/);
  });
});
