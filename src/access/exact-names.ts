/**
 * Tables and columns by their exact names, as Kysely expressions built from operation nodes.
 *
 * Kysely's string arguments are parsed: `'a.b'` is column `b` of table `a`, `'k as j'` is `k`
 * aliased `j`, `'t.x'` is table `x` of schema `t`, and `orderBy('k as j', ...)` fails. A model
 * may name its tables and columns anything Postgres takes, so the table operations never hand
 * Kysely a name as a string: these helpers build the nodes directly, and the compiler quotes
 * each name with `quoteIdent` (see `QuotingQueryCompiler`).
 */
import {
  type AliasedExpression,
  ColumnNode,
  createQueryId,
  type Expression,
  ExpressionWrapper,
  InsertQueryBuilder,
  InsertQueryNode,
  type InsertResult,
  type Kysely,
  type OperationNode,
  TableNode,
} from 'kysely';

/** The database type of the Kysely instance underneath: tables and columns are checked by worlddb, not by Kysely's types. */
export type UntypedDatabase = Record<string, Record<string, unknown>>;

function wrap(node: OperationNode): ExpressionWrapper<UntypedDatabase, string, unknown> {
  return new ExpressionWrapper<UntypedDatabase, string, unknown>(node);
}

/**
 * A column by its exact name, for filters and orders.
 *
 * @example
 * eb(columnRef('a.b'), '=', 1) // "a.b" = $1
 */
export function columnRef(name: string): Expression<unknown> {
  return wrap(ColumnNode.create(name));
}

/**
 * A column selected under its own name, for select and returning lists.
 *
 * @example
 * query.select([columnSelection('k as j')]) // select "k as j" as "k as j"
 */
export function columnSelection(name: string): AliasedExpression<unknown, string> {
  return wrap(ColumnNode.create(name)).as(name);
}

/**
 * A table of a schema by their exact names, for `selectFrom`, `updateTable` and `deleteFrom`
 * (aliased to the table's own name, as Kysely's types want a name for it).
 *
 * @example
 * kysely.selectFrom(tableRef('odd schema', 't.x')) // from "odd schema"."t.x" as "t.x"
 */
export function tableRef(schema: string, table: string): AliasedExpression<unknown, string> {
  return wrap(TableNode.createWithSchema(schema, table)).as(table);
}

/**
 * `insert into "schema"."table"`: the builder `kysely.insertInto` makes, with the table node built
 * from the exact names (`insertInto` takes only a string, which it splits at a dot).
 *
 * @example
 * await insertInto(kysely, 'odd schema', 't.x').values({ 'a.b': 1 }).execute();
 */
export function insertInto(kysely: Kysely<UntypedDatabase>, schema: string, table: string): InsertQueryBuilder<UntypedDatabase, string, InsertResult> {
  return new InsertQueryBuilder<UntypedDatabase, string, InsertResult>({
    queryId: createQueryId(),
    executor: kysely.getExecutor(),
    queryNode: InsertQueryNode.create(TableNode.createWithSchema(schema, table)),
  });
}
