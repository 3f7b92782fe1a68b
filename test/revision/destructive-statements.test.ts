import { describe, expect, it } from 'vitest';
import { sqlDestructions, warningComments } from '../../src/revision/destructive-statements.js';

describe('what a down part destroys, read from its SQL', () => {
  it('reads dropped tables, columns, schemas, types and truncations, qualified or not', () => {
    const sql = [
      'DROP TABLE IF EXISTS cities, "Old Towns" CASCADE;',
      'drop table other.t;',
      'ALTER TABLE countries DROP COLUMN area_km2, DROP CONSTRAINT countries_area_check, ADD COLUMN x int, DROP IF EXISTS "Mixed";',
      'ALTER TABLE ONLY countries ALTER COLUMN name DROP NOT NULL, ALTER COLUMN id DROP IDENTITY, ALTER COLUMN y DROP DEFAULT;',
      'TRUNCATE TABLE ONLY logs, public.audit;',
      'DROP SCHEMA IF EXISTS scratch CASCADE;',
      'DROP TYPE continent; DROP DOMAIN positive;',
      "-- DROP TABLE commented_out;\nSELECT 'DROP TABLE in_a_string';",
      'CREATE TABLE kept (x int);',
    ].join('\n');
    expect(sqlDestructions(sql, 'asia')).toEqual([
      { kind: 'table', schema: 'asia', table: 'cities' },
      { kind: 'table', schema: 'asia', table: 'Old Towns' },
      { kind: 'table', schema: 'other', table: 't' },
      { kind: 'column', schema: 'asia', table: 'countries', column: 'area_km2' },
      { kind: 'column', schema: 'asia', table: 'countries', column: 'Mixed' },
      { kind: 'truncate', schema: 'asia', table: 'logs' },
      { kind: 'truncate', schema: 'public', table: 'audit' },
      { kind: 'schema', schema: 'scratch' },
      { kind: 'type', schema: 'asia', type: 'continent' },
      { kind: 'type', schema: 'asia', type: 'positive' },
    ]);
  });

  it('finds the -- WARNING: lines autogenerate writes', () => {
    expect(warningComments('-- WARNING: drops column asia.countries.area_km2\nALTER TABLE x DROP COLUMN y;\n  --warning: lower\n-- a note')).toEqual([
      '-- WARNING: drops column asia.countries.area_km2',
      '--warning: lower',
    ]);
  });
});
