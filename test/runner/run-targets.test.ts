import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/connection/types.js';
import { runTargets, type SessionSource, type TargetEvent } from '../../src/runner/run-targets.js';

interface T {
  readonly schema: string;
}

/** Sessions that count how many are in use at once. */
function fakeSessions(): SessionSource & { peak: number; broken: number; opened: number } {
  let inUse = 0;
  const source = {
    peak: 0,
    broken: 0,
    opened: 0,
    async acquire(): Promise<Session> {
      inUse += 1;
      source.opened += 1;
      source.peak = Math.max(source.peak, inUse);
      return {} as Session;
    },
    async release(_session: Session, broken?: boolean): Promise<void> {
      inUse -= 1;
      if (broken === true) source.broken += 1;
    },
  };
  return source;
}

const targets = (n: number, prefix = 't'): T[] => Array.from({ length: n }, (_, i) => ({ schema: `${prefix}_${i}` }));
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('runTargets', () => {
  it('runs every target on at most `concurrency` sessions and returns one outcome per target, in order', async () => {
    const sessions = fakeSessions();
    const events: string[] = [];
    const report = await runTargets<T, string>({
      stages: [{ label: 'all', targets: targets(10) }],
      job: async (target) => {
        await tick();
        return target.schema.toUpperCase();
      },
      sessions,
      concurrency: 3,
      onEvent: (e: TargetEvent<T, string>) => events.push(e.kind),
    });
    expect(report.outcomes.map((o) => (o.status === 'ok' ? o.value : o.status))).toEqual(targets(10).map((t) => t.schema.toUpperCase()));
    expect(sessions.peak).toBe(3);
    expect(events.filter((e) => e === 'target-end')).toHaveLength(10);
    expect(report.stoppedBy).toBeNull();
  });

  it('a failing target does not stop the others; its session is not reused', async () => {
    const sessions = fakeSessions();
    const report = await runTargets<T, number>({
      stages: [{ label: 'all', targets: targets(5) }],
      job: async (target) => {
        if (target.schema === 't_1') throw new Error('relation "orders" already exists');
        return 1;
      },
      sessions,
      concurrency: 2,
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['ok', 'failed', 'ok', 'ok', 'ok']);
    expect(sessions.broken).toBe(1);
    expect(report.stoppedBy).toBeNull();
  });

  it('fail-fast stops starting new targets after the first failure', async () => {
    const report = await runTargets<T, number>({
      stages: [{ label: 'all', targets: targets(5) }],
      job: async (target) => {
        if (target.schema === 't_1') throw new Error('boom');
        return 1;
      },
      sessions: fakeSessions(),
      concurrency: 1,
      failFast: true,
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['ok', 'failed', 'skipped', 'skipped', 'skipped']);
    expect(report.stoppedBy).toEqual({ stage: 'all', target: { schema: 't_1' } });
  });

  it('a failure in a stage skips the later stages, saying which stage and target stopped the rollout', async () => {
    const started: string[] = [];
    const report = await runTargets<T, number>({
      stages: [
        { label: 'canary', targets: targets(2, 'c'), concurrency: 1 },
        { label: 'rest', targets: targets(3, 'r') },
      ],
      job: async (target) => {
        started.push(target.schema);
        if (target.schema === 'c_0') throw new Error('boom');
        return 1;
      },
      sessions: fakeSessions(),
      concurrency: 4,
    });
    expect(started).toEqual(['c_0', 'c_1']);
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'ok', 'skipped', 'skipped', 'skipped']);
    expect(report.stoppedBy).toEqual({ stage: 'canary', target: { schema: 'c_0' } });
  });

  it('a session that cannot be opened fails its target, not the run', async () => {
    const report = await runTargets<T, number>({
      stages: [{ label: 'all', targets: targets(2) }],
      job: async () => 1,
      sessions: {
        acquire: () => Promise.reject(new Error('too many clients')),
        release: async () => undefined,
      },
      concurrency: 2,
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
  });
});
