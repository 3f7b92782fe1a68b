import { describe, expect, it } from 'vitest';
import { hasStatements, splitStatements } from '../../src/revision/split-sql.js';

const texts = (sql: string): string[] => splitStatements(sql).map((s) => s.text);

describe('splitStatements', () => {
  it('splits on semicolons and keeps offsets', () => {
    const sql = 'create table a (x int);\n\ncreate index concurrently i on a (x);\n';
    expect(splitStatements(sql)).toEqual([
      { text: 'create table a (x int);', offset: 0 },
      { text: 'create index concurrently i on a (x);', offset: 25 },
    ]);
  });

  it('ignores semicolons in strings, identifiers, dollar quotes and comments', () => {
    const sql = [
      "insert into t values ('a;b', E'c\\';d', 'it''s;');",
      'select 1 as "x;y";',
      'create function f() returns int language plpgsql as $body$ begin return 1; end; $body$;',
      'do $$ begin perform 1; end $$;',
      '-- a comment; with a semicolon',
      '/* block; /* nested; */ still; */ select 2;',
    ].join('\n');
    expect(texts(sql)).toEqual([
      "insert into t values ('a;b', E'c\\';d', 'it''s;');",
      'select 1 as "x;y";',
      'create function f() returns int language plpgsql as $body$ begin return 1; end; $body$;',
      'do $$ begin perform 1; end $$;',
      'select 2;',
    ]);
  });

  it('does not take $1 or a$b$ for dollar quotes', () => {
    expect(texts('prepare p as select $1; select a$b$c from t; select 3')).toEqual([
      'prepare p as select $1;',
      'select a$b$c from t;',
      'select 3',
    ]);
  });

  it('ends a last statement without semicolon at its last token, not at a trailing comment', () => {
    expect(texts('select 1 -- one\n/* two */\n')).toEqual(['select 1']);
  });

  it('finds no statement in comments and blanks', () => {
    expect(hasStatements('-- only a comment\n/* and ; this */\n\n')).toBe(false);
    expect(hasStatements('-- c\nselect 1')).toBe(true);
  });
});
