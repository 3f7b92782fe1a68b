/**
 * The tables of every tenant schema (group `tenants`), declared once. The name given to
 * defineSchema is a placeholder: each member (tenant_acme, tenant_globex, ...) gets these tables.
 */
import { defineSchema, integer, table, text } from '../../../../src/model/index.js';
import { record } from './base.js';

export default defineSchema('tenant', {
  tables: {
    customers: record.extend({
      name: text().notNull(),
    }),
    orders: record.extend({
      customer_id: integer().notNull().references('customers', 'id'),
      total_cents: integer().notNull(),
    }),
  },
});
