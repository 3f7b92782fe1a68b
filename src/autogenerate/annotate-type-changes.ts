import type { Session } from '../connection/types.js';
import { readTypeChangeFacts, type TypeChangeQuestion } from '../introspect/read-type-change-facts.js';
import type { Operation } from '../ops/operation.js';

/**
 * `operations` with each column type change annotated with what the catalog says about it, in
 * both directions (see `TypeChangeSafety`): the cast Postgres has between the types, and the
 * indexes, constraints, views and triggers using the column. The warnings of the revision
 * (`destructiveReason`) name them. Columns are looked up by their names in the database (before
 * the renames of the same comparison). Two catalog queries, whatever the number of changes.
 *
 * @example
 * const annotated = await annotateTypeChanges(session, 'asia', operations);
 */
export async function annotateTypeChanges(session: Session, schema: string, operations: readonly Operation[]): Promise<Operation[]> {
  const oldTable = new Map<string, string>();
  const oldColumn = new Map<string, string>();
  for (const op of operations) {
    if (op.kind === 'renameTable') oldTable.set(op.to, op.from);
    if (op.kind === 'renameColumn') oldColumn.set(`${op.table}\u0000${op.to}`, op.from);
  }
  const questions: TypeChangeQuestion[] = [];
  for (const op of operations) {
    if (op.kind !== 'alterColumnType') continue;
    const table = oldTable.get(op.table) ?? op.table;
    const column = oldColumn.get(`${op.table}\u0000${op.column}`) ?? op.column;
    questions.push({ table, column, from: op.from, to: op.to }, { table, column, from: op.to, to: op.from });
  }
  if (questions.length === 0) return [...operations];
  const facts = await readTypeChangeFacts(session, schema, questions);
  let next = 0;
  return operations.map((op) => {
    if (op.kind !== 'alterColumnType') return op;
    const safety = facts[next];
    const reverseSafety = facts[next + 1];
    next += 2;
    if (safety === undefined || reverseSafety === undefined) return op;
    return { ...op, safety, reverseSafety };
  });
}
