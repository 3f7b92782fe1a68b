import { walk } from '../ast.js';
import type { LintRule } from '../types.js';

/** An enum label added and then used in the same transaction. */
export const enumLabelInTransaction: LintRule = {
  id: 'enum-label-in-transaction',
  defaultSeverity: 'error',
  locks: false,
  title: 'enum label added and used in the same transaction',
  explanation:
    'ALTER TYPE ... ADD VALUE may run in a transaction, but the new label cannot be used until that ' +
    'transaction commits: a later statement of the same migration using it fails with "unsafe use of new ' +
    'value". Add the label in one migration and use it in the next.',
  fix: 'add the label in its own migration; use it in a later one',
  examples: {
    bad: ["ALTER TYPE status ADD VALUE 'archived';\nUPDATE cities SET status = 'archived' WHERE id = 1;"],
    good: ["ALTER TYPE status ADD VALUE 'archived';", "-- worlddb:no-transaction\n-- worlddb:up\nALTER TYPE status ADD VALUE 'archived';\nUPDATE cities SET status = 'archived' WHERE id = 1;"],
  },
  check(statement, context) {
    if (!context.transactional || context.state.addedEnumLabels.size === 0) return [];
    const used = new Map<string, number | undefined>();
    walk(statement.node, (kind, body) => {
      if (kind !== 'A_Const') return;
      const value = (body['sval'] as { sval?: string } | undefined)?.sval;
      if (value !== undefined && context.state.addedEnumLabels.has(value) && !used.has(value)) used.set(value, body['location'] as number | undefined);
    });
    return [...used].map(([label, location]) => ({
      message: `enum label '${label}' is used in the transaction that adds it; Postgres refuses that until the transaction commits`,
      ...(location === undefined ? {} : { location }),
    }));
  },
};
