import { describe, expect, it } from 'vitest';
import { sqlTokens } from '../../src/sql/lexer.js';

const show = (sql: string): string[] => sqlTokens(sql).map((t) => `${t.kind}:${t.value}`);

describe('lexSql', () => {
  it('reads words, numbers, punctuation and parentheses', () => {
    expect(show('SELECT a_1$x, 42, 1.5e3, .5, 0x1F, 1_000 FROM t;')).toEqual([
      'word:SELECT', 'word:a_1$x', 'other:,', 'number:42', 'other:,', 'number:1.5e3', 'other:,', 'number:.5', 'other:,',
      'number:0x1F', 'other:,', 'number:1_000', 'word:FROM', 'word:t', 'other:;',
    ]);
    expect(show('f(x)::text')).toEqual(['word:f', 'open:(', 'word:x', 'close:)', 'other::', 'other::', 'word:text']);
    expect(show('größe >= 0')).toEqual(['word:größe', 'other:>', 'other:=', 'number:0']);
  });

  it('keeps strings whole: doubled quotes, E-strings with backslashes, dollar quotes', () => {
    expect(show("'it''s; (' x")).toEqual(["string:'it''s; ('", 'word:x']);
    expect(show("E'a\\'b;' y")).toEqual(["string:E'a\\'b;'", 'word:y']);
    expect(show("type'a' e")).toEqual(['word:type', "string:'a'", 'word:e']);
    expect(show('$$a;b$$ $body$ $$ ; $body$ z')).toEqual(['string:$$a;b$$', 'string:$body$ $$ ; $body$', 'word:z']);
    expect(show('$1 + a$1$')).toEqual(['other:$', 'number:1', 'other:+', 'word:a$1$']);
  });

  it('reads quoted identifiers with their name, doubled quotes undone', () => {
    const [token] = sqlTokens('"Odd ""name"" (x)"');
    expect(token).toMatchObject({ kind: 'quotedIdent', value: 'Odd "name" (x)', text: '"Odd ""name"" (x)"', start: 0, end: 18 });
  });

  it('skips comments, nested block comments included, and blank space', () => {
    expect(show("a -- b; 'c\n/* d /* e */ f; */ g")).toEqual(['word:a', 'word:g']);
  });

  it('gives offsets into the source', () => {
    expect(sqlTokens('  ab  (c)').map((t) => [t.start, t.end])).toEqual([[2, 4], [6, 7], [7, 8], [8, 9]]);
  });

  it('runs an unterminated string, identifier, dollar quote or comment to the end', () => {
    expect(show("x 'abc")).toEqual(['word:x', "string:'abc"]);
    expect(show('x "abc')).toEqual(['word:x', 'quotedIdent:abc']);
    expect(show('x $q$ abc')).toEqual(['word:x', 'string:$q$ abc']);
    expect(show('x /* abc')).toEqual(['word:x']);
  });
});
