import { describe, expect, it } from 'vitest';
import { destructiveReason } from '../../src/ops/destructive.js';
import type { Operation } from '../../src/ops/operation.js';
import { col } from '../diff/support/build.js';
import { samples } from './support/samples.js';

const type = (from: string, to: string, using: string | null = null): Operation => ({
  ...samples.alterColumnType,
  from,
  to,
  using,
});

describe('destructiveReason', () => {
  it('flags drops of tables, columns, enums and enum labels', () => {
    expect(destructiveReason(samples.dropTable)).toBe('drops table countries and all its rows');
    expect(destructiveReason(samples.dropColumn)).toBe('drops column countries.area and its data');
    expect(destructiveReason(samples.dropEnum)).toBe('drops enum type continent');
    expect(destructiveReason(samples.dropEnumValue)).toBe(
      "removes label 'Africa' from enum continent by rebuilding the type: fails if rows hold it",
    );
  });

  it('flags an enum replacement only when it removes labels', () => {
    expect(destructiveReason(samples.replaceEnum)).toBeNull();
    expect(destructiveReason({ ...samples.replaceEnum, from: ['a', 'b', 'c'], to: ['a'] })).toBe(
      "removes labels 'b', 'c' from enum continent by rebuilding the type: fails if rows hold them",
    );
  });

  it('flags type changes that can lose or reject values, not widening ones', () => {
    expect(destructiveReason(type('integer', 'bigint'))).toBeNull();
    expect(destructiveReason(type('character varying(50)', 'character varying(100)'))).toBeNull();
    expect(destructiveReason(type('character varying(100)', 'text'))).toBeNull();
    expect(destructiveReason(type('character varying(100)', 'character varying(50)'))).toBe(
      'changes countries.area from character varying(100) to character varying(50): values may be lost, or the change may fail',
    );
    expect(destructiveReason(type('text', 'integer'))).not.toBeNull();
    expect(destructiveReason(type('bigint', 'integer'))).not.toBeNull();
    expect(destructiveReason(type('integer', 'bigint', 'area * 2'))).not.toBeNull();
  });

  it('flags setting NOT NULL, and adding a NOT NULL column without a default', () => {
    expect(destructiveReason(samples.alterColumnNullability)).toBe(
      'sets NOT NULL on countries.area: fails if the column holds NULLs',
    );
    expect(destructiveReason({ ...samples.alterColumnNullability, notNull: false })).toBeNull();
    const add = (options: Parameters<typeof col>[2]): Operation => ({ kind: 'addColumn', table: 't', column: col('c', 'integer', options) });
    expect(destructiveReason(add({ notNull: true }))).toBe('adds NOT NULL column t.c without a default: fails if the table has rows');
    expect(destructiveReason(add({ notNull: true, default: '0' }))).toBeNull();
    expect(destructiveReason(add({ notNull: true, identity: 'always' }))).toBeNull();
    expect(destructiveReason(add({}))).toBeNull();
  });

  it('does not flag creations, renames, constraints, indexes and comments', () => {
    for (const op of [
      samples.createTable,
      samples.renameTable,
      samples.addColumn,
      samples.addForeignKey,
      samples.dropForeignKey,
      samples.createIndex,
      samples.dropIndex,
      samples.addEnumValue,
      samples.setColumnComment,
    ]) {
      expect(destructiveReason(op)).toBeNull();
    }
  });
});
