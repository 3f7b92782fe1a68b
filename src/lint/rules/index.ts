/**
 * Every lint rule, in the order findings of one statement are listed. One file per rule.
 */
import type { LintRule } from '../types.js';
import { addColumnVolatileDefault } from './add-column-volatile-default.js';
import { banChar } from './ban-char.js';
import { columnTypeRewrite } from './column-type-rewrite.js';
import { concurrentlyInTransaction } from './concurrently-in-transaction.js';
import { constraintNotValid } from './constraint-not-valid.js';
import { createIndexConcurrently } from './create-index-concurrently.js';
import { dmlWithoutWhere } from './dml-without-where.js';
import { dropColumn } from './drop-column.js';
import { dropIndexConcurrently } from './drop-index-concurrently.js';
import { dropSchema } from './drop-schema.js';
import { dropTable } from './drop-table.js';
import { enumLabelInTransaction } from './enum-label-in-transaction.js';
import { lintIgnoreReason } from './lint-ignore-reason.js';
import { preferBigintPrimaryKey } from './prefer-bigint-primary-key.js';
import { preferIdentity } from './prefer-identity.js';
import { preferTimestamptz } from './prefer-timestamptz.js';
import { renameColumn } from './rename-column.js';
import { renameTable } from './rename-table.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { setNotNull } from './set-not-null.js';
import { syntaxError } from './syntax-error.js';
import { truncate } from './truncate.js';
import { uniqueWithoutIndex } from './unique-without-index.js';

/** All rules. */
export const RULES: readonly LintRule[] = [
  syntaxError,
  lintIgnoreReason,
  createIndexConcurrently,
  dropIndexConcurrently,
  concurrentlyInTransaction,
  constraintNotValid,
  setNotNull,
  columnTypeRewrite,
  addColumnVolatileDefault,
  uniqueWithoutIndex,
  renameColumn,
  renameTable,
  dropColumn,
  dropTable,
  dropSchema,
  truncate,
  dmlWithoutWhere,
  enumLabelInTransaction,
  requireLockTimeout,
  preferIdentity,
  preferTimestamptz,
  banChar,
  preferBigintPrimaryKey,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): LintRule | undefined {
  return RULES.find((rule) => rule.id === id);
}
