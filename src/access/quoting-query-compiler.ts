import { type IdentifierNode, PostgresQueryCompiler } from 'kysely';
import { quoteIdent } from '../sql/quote.js';

/**
 * Kysely's Postgres compiler with every identifier quoted by {@link quoteIdent}, the one quoting
 * function of worlddb. Kysely already doubles embedded quotes; going through `quoteIdent` also
 * refuses names Postgres would reject or silently truncate (empty, NUL, over 63 bytes).
 *
 * @example
 * new Kysely({ dialect: new WorlddbDialect({ database }) }) // compiles with this class
 */
export class QuotingQueryCompiler extends PostgresQueryCompiler {
  protected override visitIdentifier(node: IdentifierNode): void {
    this.append(quoteIdent(node.name));
  }
}
