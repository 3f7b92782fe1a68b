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
  it('is refused, naming the line; savepoints are fine', () => {
    const message = error('-- worlddb:up\nselect 1;\n\nBEGIN;\ncreate table t ();\ncommit;\n').message;
    expect(message).toMatch(/20260101000000_x\.sql:4: BEGIN in a migration that runs in a transaction/);
    expect(error('-- worlddb:up\nselect 1;\n-- worlddb:down\nselect 2; Rollback;\n').message).toMatch(/:4: ROLLBACK in/);
    expect(error('-- worlddb:up\nstart  transaction;\n').message).toMatch(/:2: START TRANSACTION in/);
    expect(() =>
      parseSqlMigration(FILE, '-- worlddb:up\nsavepoint a;\nselect 1;\nrollback to savepoint a;\nrelease a;\nselect $$commit;$$;\n'),
    ).not.toThrow();
  });

  it('is refused in a no-transaction file too: a BEGIN left open would swallow the version-table row', () => {
    const refused = error('-- worlddb:no-transaction\n-- worlddb:up\nvacuum;\nbegin;\ncreate table t ();\n');
    expect(refused.message).toMatch(/20260101000000_x\.sql:4: BEGIN in a migration that runs without a transaction/);
    expect(refused.hint).toContain('remove the marker');
    expect(error('-- worlddb:no-transaction\n-- worlddb:up\nvacuum;\n-- worlddb:down\ncommit;\n').message).toMatch(/:5: COMMIT in/);
    expect(() => parseSqlMigration(FILE, '-- worlddb:no-transaction\n-- worlddb:up\nvacuum;\nsavepoint a;\n')).not.toThrow();
  });

  it('refuses END, COMMIT AND CHAIN and two-phase commands, naming the line', () => {
    expect(error('-- worlddb:up\nCREATE TABLE b (id int); END; CREATE TABLE c (id int);\n').message).toMatch(
      /20260101000000_x\.sql:2: END \(a COMMIT\) in a migration that runs in a transaction/,
    );
    expect(error('-- worlddb:up\nselect 1;\n\nend transaction;\n').message).toMatch(/:4: END \(a COMMIT\) in/);
    expect(error('-- worlddb:up\nselect 1;\n-- worlddb:down\nselect 2;\nEND WORK;\n').message).toMatch(/:5: END \(a COMMIT\) in/);
    expect(error('-- worlddb:up\nend;\n').message).toMatch(/:2: END \(a COMMIT\) in/);
    expect(error('-- worlddb:up\ncommit and chain;\n').message).toMatch(/:2: COMMIT in/);
    expect(error('-- worlddb:up\nabort;\n').message).toMatch(/:2: ABORT in/);
    expect(error("-- worlddb:up\nprepare transaction 'x';\n").message).toMatch(/:2: PREPARE TRANSACTION in/);
    expect(error("-- worlddb:up\ncommit /* two-phase */ prepared 'x';\n").message).toMatch(/:2: COMMIT PREPARED in/);
    expect(error("-- worlddb:up\nROLLBACK PREPARED 'x';\n").message).toMatch(/:2: ROLLBACK PREPARED in/);
    expect(error('-- worlddb:up\nrollback and chain;\n').message).toMatch(/:2: ROLLBACK in/);
    expect(error('-- worlddb:up\nend;\n').hint).toContain('-- worlddb:no-transaction');
  });

  it('allows savepoint commands, prepared statements and BEGIN ATOMIC function bodies', () => {
    const text = [
      '-- worlddb:up',
      'savepoint a;',
      'rollback work to savepoint a;',
      'rollback transaction to a;',
      'release savepoint a;',
      'prepare transaction as select 1;',
      'prepare q (int) as select $1;',
      'create function f(x int) returns int language sql',
      'begin atomic',
      '  select case when x > 0 then 1 else 0 end;',
      '  select 2;',
      'end;',
      'create table after_f (id int);',
    ].join('\n');
    expect(() => parseSqlMigration(FILE, text)).not.toThrow();
    // An END after the body is still refused, on its own line.
    expect(error(`${text}\nend;\n`).message).toMatch(/:14: END \(a COMMIT\) in/);
  });
});

