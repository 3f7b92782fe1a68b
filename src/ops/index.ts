/** The operations of autogenerate: data, reverse, order, classification and summaries. */
export type * from './operation.js';
export { unknownOperation } from './operation.js';
export { reverseOperation, reverseOperations } from './reverse.js';
export { orderOperations } from './order-operations.js';
export { destructiveReason } from './destructive.js';
export { describeOperation } from './describe.js';
export { parseType, typeChangeKeepsValues, typeChangeNeedsUsing, type ParsedType } from './type-change.js';
export { transactionNote } from './transaction.js';
