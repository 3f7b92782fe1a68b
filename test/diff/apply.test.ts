/** The simulation used by the round-trip tests must itself refuse what Postgres refuses. */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/ops/operation.js';
import { applyOperations, SimulationError } from './support/apply.js';
import { col, enumType, fk, schema, table } from './support/build.js';

const empty = schema('asia');
const plain = (t: ReturnType<typeof table>) => ({ ...t, foreignKeys: [] });
const a = plain(table('a', [col('id', 'integer')], { primaryKey: ['id'] }));
const b = plain(table('b', [col('a_id', 'integer')]));
const foreignKey = { ...fk('b_a_id_fkey', ['a_id'], 'a', ['id']), refSchema: 'asia' };

describe('applyOperations (test support)', () => {
  it('refuses a foreign key to a table not yet created', () => {
    const ops: Operation[] = [{ kind: 'createTable', table: b }, { kind: 'addForeignKey', table: 'b', foreignKey }];
    expect(() => applyOperations(empty, ops)).toThrow(SimulationError);
  });

  it('refuses to drop a table or key a foreign key needs', () => {
    const start = schema('asia', { tables: [table('a', [col('id', 'integer')], { primaryKey: ['id'] }), table('b', [col('a_id', 'integer')], { foreignKeys: [fk('b_a_id_fkey', ['a_id'], 'a', ['id'])] })] });
    expect(() => applyOperations(start, [{ kind: 'dropTable', table: a }])).toThrow(/referenced/);
    expect(() => applyOperations(start, [{ kind: 'dropPrimaryKey', table: 'a', primaryKey: { name: 'a_pkey', columns: ['id'] } }])).toThrow(
      /needed by/,
    );
  });

  it('refuses a column of an enum not yet created, and dropping an enum in use', () => {
    const start = schema('asia', { enums: [enumType('e', ['x'])], tables: [table('t', [col('k', 'e')])] });
    expect(() => applyOperations(empty, [{ kind: 'createTable', table: plain(table('t', [col('k', 'e')])) }])).toThrow(/does not exist/);
    expect(() => applyOperations(start, [{ kind: 'dropEnum', enum: enumType('e', ['x']) }])).toThrow(/used by/);
  });

  it('refuses a stale pre-image', () => {
    const start = schema('asia', { tables: [table('t', [col('c', 'integer')])] });
    expect(() => applyOperations(start, [{ kind: 'dropColumn', table: 't', column: col('c', 'bigint') }])).toThrow(/stale/);
  });

  it('refuses enum usages that miss a column', () => {
    const start = schema('asia', { enums: [enumType('e', ['x', 'y'])], tables: [table('t', [col('k', 'e')])] });
    const op: Operation = { kind: 'replaceEnum', enumName: 'e', from: ['x', 'y'], to: ['y'], usages: [] };
    expect(() => applyOperations(start, [op])).toThrow(/usages/);
  });
});
