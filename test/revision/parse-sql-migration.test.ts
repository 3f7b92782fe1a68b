import { describe, expect, it } from 'vitest';
import { MigrationFileError } from '../../src/errors.js';
import { parseSqlMigration } from '../../src/revision/parse-sql-migration.js';

const FILE = '/project/migrations/asia/20260101000000_x.sql';

function error(text: string): MigrationFileError {
  try {
    parseSqlMigration(FILE, text);
  } catch (caught) {
    expect(caught).toBeInstanceOf(MigrationFileError);
    return caught as MigrationFileError;
  }
  throw new Error('expected an error');
}

describe('parseSqlMigration', () => {
  it('reads the up and down parts with the line each starts on', () => {
    const text = [
      '-- Create countries.',
      '',
      '-- worlddb:up',
      'create table countries (id int);',
      '',
      '-- worlddb:down',
      'drop table countries;',
      '',
    ].join('\n');
    expect(parseSqlMigration(FILE, text)).toEqual({
      transactional: true,
      up: { kind: 'sql', sql: 'create table countries (id int);\n\n', line: 4 },
      down: { kind: 'sql', sql: 'drop table countries;\n', line: 7 },
    });
  });

  it('has no down part without the down marker, or with an empty down part', () => {
    expect(parseSqlMigration(FILE, '-- worlddb:up\nselect 1;\n').down).toBeNull();
    expect(parseSqlMigration(FILE, '-- worlddb:up\nselect 1;\n-- worlddb:down\n-- nothing here\n\n').down).toBeNull();
  });

  it('reads the no-transaction marker', () => {
    const parsed = parseSqlMigration(FILE, '-- worlddb:no-transaction\n-- worlddb:up\ncreate index concurrently i on t (x);\n');
    expect(parsed.transactional).toBe(false);
    expect(parsed.up.line).toBe(3);
  });

  it('accepts markers in any case, with blanks, and CRLF line ends', () => {
    const parsed = parseSqlMigration(FILE, '--  WorldDB:Up  \r\nselect 1;\r\n--worlddb:down\r\nselect 2;\r\n');
    expect(parsed.up.sql).toBe('select 1;\r\n');
    expect(parsed.down?.sql).toBe('select 2;\r\n');
  });

  it('refuses files with wrong markers, naming the file and line', () => {
    expect(error('create table t ();\n').message).toContain('has no "-- worlddb:up" line');
    expect(error('-- worlddb:up\nselect 1;\n-- worlddb:donw\nselect 2;\n').message).toMatch(
      /20260101000000_x\.sql:3: unknown marker "-- worlddb:donw"/,
    );
    expect(error('-- worlddb:down\nselect 2;\n-- worlddb:up\nselect 1;\n').message).toContain('comes before');
    expect(error('-- worlddb:up\nselect 1;\n-- worlddb:up\n').message).toContain('a second "-- worlddb:up"');
    expect(error('-- worlddb:up\n-- worlddb:no-transaction\nselect 1;\n').message).toContain('must come before');
    expect(error('select 0;\n-- worlddb:up\nselect 1;\n').message).toContain('SQL before');
    expect(error('select 1;\n').hint).toContain('-- worlddb:down');
    expect(error('-- worlddb:up\n-- worlddb:up\n').file).toBe(FILE);
  });
});

describe('transaction control in a transactional migration', () => {
  it('is refused, naming the line; savepoints and no-transaction files are fine', () => {
    const message = error('-- worlddb:up\nselect 1;\n\nBEGIN;\ncreate table t ();\ncommit;\n').message;
    expect(message).toMatch(/20260101000000_x\.sql:4: BEGIN in a migration that runs in a transaction/);
    expect(error('-- worlddb:up\nselect 1;\n-- worlddb:down\nselect 2; Rollback;\n').message).toMatch(/:4: ROLLBACK in/);
    expect(error('-- worlddb:up\nstart  transaction;\n').message).toMatch(/:2: START TRANSACTION in/);
    expect(() =>
      parseSqlMigration(FILE, '-- worlddb:up\nsavepoint a;\nselect 1;\nrollback to savepoint a;\nrelease a;\nselect $$commit;$$;\n'),
    ).not.toThrow();
    expect(() => parseSqlMigration(FILE, '-- worlddb:no-transaction\n-- worlddb:up\nvacuum;\ncommit;\n')).not.toThrow();
  });
});
