import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/errors.js';
import { mapErrorPosition, migrationError } from '../../src/runner/migration-error.js';
import { beginSql, settingsSql, terminated } from '../../src/runner/migration-sql.js';

describe('mapErrorPosition', () => {
  const part = 'create table t (\n  x intt\n);\n';
  it('maps a position in the sent text to the file, past the prefix', () => {
    const sent = `BEGIN;\n${part}`;
    expect(mapErrorPosition({ sent, prefixLength: 7, part, partOffset: 0, partLine: 5 }, 29)).toEqual({ line: 6, column: 5 });
    expect(mapErrorPosition({ sent, prefixLength: 7, part, partOffset: 0, partLine: 5 }, 3)).toBeNull();
    expect(mapErrorPosition({ sent, prefixLength: 7, part, partOffset: 0, partLine: 5 }, 0)).toBeNull();
  });

  it('counts characters, not UTF-16 units, as Postgres does', () => {
    const text = "select '😀é', nope";
    // Postgres: "nope" is character 15 (the emoji is one character)
    expect(mapErrorPosition({ sent: text, prefixLength: 0, part: text, partOffset: 0, partLine: 1 }, 15)).toEqual({ line: 1, column: 15 });
  });

  it('maps a statement sent alone (no-transaction) through its offset in the part', () => {
    const whole = 'select 1;\n  select nope;\n';
    const statement = 'select nope;';
    expect(mapErrorPosition({ sent: statement, prefixLength: 0, part: whole, partOffset: 12, partLine: 10 }, 8)).toEqual({
      line: 11,
      column: 10,
    });
  });
});

describe('migrationError', () => {
  it('names schema, file, line and column, with the Postgres detail and hint in the hint', () => {
    const part = 'select nope;\n';
    const pgError = Object.assign(new Error('column "nope" does not exist'), { code: '42703', position: '8', hint: 'Perhaps x?' });
    const error = migrationError({
      schema: 'asia',
      name: '20260101000000_a',
      path: '/elsewhere/20260101000000_a.sql',
      direction: 'up',
      error: pgError,
      sql: { sent: part, prefixLength: 0, part, partOffset: 0, partLine: 3 },
      aftermath: 'it was rolled back',
    });
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toBe(
      'schema "asia": migration failed (up) at /elsewhere/20260101000000_a.sql:3:8: column "nope" does not exist [42703]',
    );
    expect(error.hint).toBe('Postgres hint: Perhaps x?; it was rolled back');
    expect(error.exitCode).toBe(1);
  });
});

describe('migration SQL', () => {
  const settings = { schema: 'My "S"', searchPath: [] as string[], lockTimeoutMs: 5000, statementTimeoutMs: null };
  it('sets the search path and timeouts', () => {
    expect(beginSql(settings)).toBe(`BEGIN;\nSET LOCAL search_path TO "My ""S""";\nSET LOCAL lock_timeout = '5000ms';\n`);
    expect(settingsSql({ ...settings, statementTimeoutMs: 0 }, 'session')).toContain("SET statement_timeout = '0ms';");
    // The config's searchPath comes after the schema itself (never before it, never twice).
    expect(settingsSql({ ...settings, searchPath: ['public', 'My "S"'] }, 'local')).toContain(
      'SET LOCAL search_path TO "My ""S""", "public";',
    );
  });

  it('terminates the last statement before a trailing comment', () => {
    expect(terminated('select 1 -- one\n')).toBe('select 1; -- one');
    expect(terminated('select 1;\n\n')).toBe('select 1;');
    expect(terminated('-- only a comment\n')).toBe('-- only a comment');
  });
});
