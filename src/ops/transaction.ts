/**
 * Operations whose effect Postgres does not let later statements of the same transaction use.
 */
import type { Operation } from './operation.js';
import { quoteLiteral } from '../sql/quote.js';

/**
 * Why statements after `op` in the same transaction may fail, or `null`. Today only one case:
 * a label added with `ALTER TYPE ... ADD VALUE` cannot be used (in a default, a row, a cast)
 * before the transaction that added it commits ("unsafe use of new value"). The revision writer
 * can put such a migration outside a transaction or split it.
 *
 * @example
 * transactionNote({ kind: 'addEnumValue', enumName: 'continent', value: 'Africa', before: null, values: [], usages: [], dependents: { checks: [], indexes: [] } })
 * // => "enum label 'Africa' of continent can only be used once this transaction has committed"
 */
export function transactionNote(op: Operation): string | null {
  if (op.kind === 'addEnumValue') {
    return `enum label ${quoteLiteral(op.value)} of ${op.enumName} can only be used once this transaction has committed`;
  }
  return null;
}
