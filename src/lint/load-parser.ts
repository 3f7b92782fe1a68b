/**
 * The Postgres parser (libpg-query: the server's own grammar compiled to WebAssembly). Loaded on
 * first use only, by lint and autogenerate, so that `migrate` with nothing pending never pays for it.
 */
import type { ParseResult } from 'libpg-query';

/** Parses SQL text into statements; throws libpg-query's `SqlError` on a syntax error. */
export type ParseSql = (sql: string) => ParseResult;

let parser: Promise<ParseSql> | undefined;

/**
 * Loads the parser once (about 20 ms) and returns its synchronous `parse`.
 *
 * @example
 * const parse = await loadParser();
 * parse('create index i on t (x)').stmts?.[0]?.stmt // => { IndexStmt: { ... } }
 */
export function loadParser(): Promise<ParseSql> {
  parser ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    return module.parseSync;
  });
  return parser;
}
