import { lockedTables } from './support.js';
import type { LintRule } from '../types.js';

/** A statement taking a strong lock with no `lock_timeout`. */
export const requireLockTimeout: LintRule = {
  id: 'require-lock-timeout',
  defaultSeverity: 'warning',
  locks: true,
  once: true,
  title: 'lock-taking statement with no lock_timeout',
  explanation:
    'A statement that needs a strong lock (ALTER TABLE, CREATE INDEX, DROP, TRUNCATE, ...) first waits for ' +
    'every running query on the table, and while it waits, every new query on the table queues behind it: a ' +
    'quick ALTER behind one slow report stops all traffic. With lock_timeout set it gives up after a few ' +
    'seconds instead, and the migration can simply be retried. Set it in the migration (SET lock_timeout) ' +
    'or for every migration with the config key "pgLockTimeout". Reported once per migration.',
  fix: "SET lock_timeout = '5s'; at the top of the migration (or config \"pgLockTimeout\": \"5s\")",
  examples: {
    bad: ['ALTER TABLE cities ADD COLUMN area real;'],
    good: ["SET lock_timeout = '5s';\nALTER TABLE cities ADD COLUMN area real;", "SET LOCAL lock_timeout TO '2s';\nDROP TABLE cities;"],
  },
  check(statement, context) {
    if (context.state.lockTimeoutSet || context.runnerLockTimeout) return [];
    return lockedTables(statement).map((table) => ({ message: `this statement locks ${table.name} with no lock_timeout set: it can stall every query on the table while it waits`, table }));
  },
};
