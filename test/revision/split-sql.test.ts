import { describe, expect, it } from 'vitest';
import { hasStatements, leadingTokens, splitStatements } from '../../src/revision/split-sql.js';

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

  it('keeps a BEGIN ATOMIC function body whole, as psql does', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;';
    expect(texts(`${fn}\nselect 3;`)).toEqual([fn, 'select 3;']);
    const proc = [
      'create or replace procedure p(x int) language sql',
      'Begin /* c */ Atomic',
      '  insert into t values (case when x > 0 then 1 else case x when 0 then 0 end end);',
      '  select case when x is null then 1 end;',
      '  select r.end, r.case from ranges r;',
      '  select 1 as end;',
      'end',
    ].join('\n');
    expect(texts(`${proc};\nselect 4;`)).toEqual([`${proc};`, 'select 4;']);
    // Without its semicolon, the last body ends at END.
    expect(texts('create function g() returns int begin atomic select 1; end')).toEqual([
      'create function g() returns int begin atomic select 1; end',
    ]);
  });

  it('ignores BEGIN ATOMIC in strings, comments, quoted identifiers and dollar quotes', () => {
    expect(
      texts([
        "select 'begin atomic';",
        '-- begin atomic',
        '/* begin atomic */ select 1;',
        'select 1 as "begin" , 2 as "atomic";',
        'do $$ begin atomic; end $$;',
        'select 2;',
      ].join('\n')),
    ).toEqual([
      "select 'begin atomic';",
      'select 1;',
      'select 1 as "begin" , 2 as "atomic";',
      'do $$ begin atomic; end $$;',
      'select 2;',
    ]);
    // BEGIN alone is a transaction statement, not a body.
    expect(texts('begin; select 1; end;')).toEqual(['begin;', 'select 1;', 'end;']);
  });

  it('reads the leading tokens of a statement, skipping comments', () => {
    expect(leadingTokens('Rollback /* undo */ TO -- x\n savepoint a;', 3)).toEqual(['rollback', 'to', 'savepoint']);
    expect(leadingTokens("prepare transaction 'x';", 5)).toEqual(['prepare', 'transaction', "'x'", ';']);
    expect(leadingTokens('-- nothing', 2)).toEqual([]);
  });
});
