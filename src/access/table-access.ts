/**
 * Typed operations on one table of one schema. Every call checks its columns and values against
 * the table's model first (nothing is sent when a check fails), then builds the statement with
 * Kysely (the schema-qualified table and the columns from their exact names, quoted by
 * `quoteIdent`; values go as parameters) and turns Postgres errors into typed errors. Rows are
 * selected and returned with the model's columns, named one by one: a column the database has
 * and the model does not stays out of the rows.
 */
import { type AliasedExpression, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { InsertOf, RowOf, SchemaModel, TableNameOf, UpdateOf } from '../model/index.js';
import { RefusedQueryError } from './access-errors.js';
import type { ChangeOptions, Filter, OrderTerm, SelectOptions } from './access-types.js';
import { checkChanges, checkFilter, checkInsert, columnOf, type EncodedRow } from './check-row.js';
import { toDataError } from './database-errors.js';
import { columnRef, columnSelection, insertInto, tableRef, type UntypedDatabase } from './exact-names.js';
import type { TableInfo } from './world-catalog.js';

export type { UntypedDatabase } from './exact-names.js';

/** Stands in for the select list of a table the model gives no columns (Postgres needs one in RETURNING). */
const NO_COLUMNS = 'worlddb_no_columns';

type Builder = ExpressionBuilder<UntypedDatabase, string>;

export interface TableAccessProps {
  readonly kysely: Kysely<UntypedDatabase>;
  readonly table: TableInfo;
  /** Runs before every operation (the world refuses to be used inside its own transaction). */
  readonly beforeEach: () => void;
}

/**
 * One table of one schema, as `world.schema('asia').table('countries')` gives it. Rows are typed
 * from the model: for `asia`, `signature_dish` exists; for `europe`, `eu_member`.
 *
 * @example
 * const countries = world.schema('asia').table('countries');
 * const japan = await countries.insert({ name: 'Japan', population: 126000000, signature_dish: 'Ramen' });
 * japan.country_id; // number, returned with the model's columns
 */
export class TableAccess<S extends SchemaModel, T extends TableNameOf<S>> {
  readonly #kysely: Kysely<UntypedDatabase>;
  readonly #table: TableInfo;
  readonly #beforeEach: () => void;

  /** @internal Use `world.schema(name).table(name)`. */
  constructor(props: TableAccessProps) {
    this.#kysely = props.kysely;
    this.#table = props.table;
    this.#beforeEach = props.beforeEach;
  }

  /** The schema's name in the world (`asia`). */
  get schemaName(): string {
    return this.#table.schema;
  }

  /** The table's name (`countries`). */
  get tableName(): string {
    return this.#table.table;
  }

  /** The table's columns, as the model declares them, in order. */
  get columnNames(): readonly string[] {
    return this.#table.columns.map((c) => c.name);
  }

  /**
   * Inserts one row and returns it as stored (`RETURNING` the model's columns): identity and
   * default columns filled.
   *
   * @throws UnknownColumnError, InvalidValueError before any SQL; UniqueViolationError,
   *   ForeignKeyViolationError, ... from Postgres.
   * @example
   * const swiss = await world.schema('europe').table('countries').insert({ name: 'Switzerland', eu_member: false });
   */
  async insert(row: InsertOf<S, T>): Promise<RowOf<S, T>> {
    this.#beforeEach();
    const encoded = checkInsert(this.#table, row);
    const rows = await this.#run(() => this.#insertRows([encoded]));
    return rows[0] as RowOf<S, T>;
  }

  /**
   * Inserts several rows in one statement and returns them as stored, in order. Every row is
   * checked before anything is sent; a column left out of a row gets its default.
   *
   * @example
   * await world.schema('asia').table('capitals').insertMany([
   *   { name: 'Tokyo', country: 'Japan' },
   *   { name: 'Seoul', country: 'South Korea' },
   * ]);
   */
  async insertMany(rows: readonly InsertOf<S, T>[]): Promise<RowOf<S, T>[]> {
    this.#beforeEach();
    if (!Array.isArray(rows)) {
      throw new RefusedQueryError(`insertMany into ${this.#where()} takes an array of rows`, { hint: 'use insert() for one row' });
    }
    const encoded = rows.map((row, index) => checkInsert(this.#table, row, index));
    if (encoded.length === 0) return [];
    return (await this.#run(() => this.#insertRows(encoded))) as RowOf<S, T>[];
  }

  /**
   * The rows matching an equality filter, optionally ordered and limited.
   *
   * @example
   * const members = await world.schema('europe').table('countries').select({
   *   where: { eu_member: true },
   *   orderBy: [{ column: 'population', direction: 'desc' }, 'name'],
   *   limit: 5,
   * });
   */
  async select(options: SelectOptions<S, T> = {}): Promise<RowOf<S, T>[]> {
    this.#beforeEach();
    const filter = checkFilter(this.#table, options.where ?? {});
    const order = this.#orderTerms(options.orderBy);
    const limit = this.#count('limit', options.limit);
    const offset = this.#count('offset', options.offset);
    return this.#run(async () => {
      let query = this.#kysely.selectFrom(this.#tableRef()).select(this.#selections());
      if (filter.size > 0) query = query.where((eb) => matches(eb, filter));
      for (const term of order) query = query.orderBy(columnRef(term.column), term.direction);
      if (limit !== null) query = query.limit(limit);
      if (offset !== null) query = query.offset(offset);
      return this.#rows(await query.execute()) as RowOf<S, T>[];
    });
  }

  /**
   * Sets `values` on the rows matching `where`; returns the changed rows. An empty filter is
   * refused unless `{ allRows: true }` is given.
   *
   * @example
   * await world.schema('asia').table('countries').update({ name: 'Japan' }, { population: 125000000 });
   */
  async update(where: Filter<S, T>, values: UpdateOf<S, T>, options: ChangeOptions = {}): Promise<RowOf<S, T>[]> {
    this.#beforeEach();
    const filter = this.#changeFilter('update', where, options);
    const changes = checkChanges(this.#table, values);
    return this.#run(async () => {
      // set() takes the column names as they are (no parsing), as insert's values() does.
      let query = this.#kysely.updateTable(this.#tableRef()).set(Object.fromEntries(changes));
      if (filter.size > 0) query = query.where((eb) => matches(eb, filter));
      return this.#rows(await query.returning(this.#selections()).execute()) as RowOf<S, T>[];
    });
  }

  /**
   * Deletes the rows matching `where`; returns them. An empty filter is refused unless
   * `{ allRows: true }` is given.
   *
   * @example
   * const gone = await world.schema('europe').table('capitals').delete({ country: 'Switzerland' });
   */
  async delete(where: Filter<S, T>, options: ChangeOptions = {}): Promise<RowOf<S, T>[]> {
    this.#beforeEach();
    const filter = this.#changeFilter('delete', where, options);
    return this.#run(async () => {
      let query = this.#kysely.deleteFrom(this.#tableRef());
      if (filter.size > 0) query = query.where((eb) => matches(eb, filter));
      return this.#rows(await query.returning(this.#selections()).execute()) as RowOf<S, T>[];
    });
  }

  /**
   * The number of rows matching `where` (every row when omitted).
   *
   * @example
   * await world.schema('europe').table('countries').count({ eu_member: true }); // => 1
   */
  async count(where: Filter<S, T> = {}): Promise<number> {
    this.#beforeEach();
    const filter = checkFilter(this.#table, where);
    return this.#run(async () => {
      let query = this.#kysely.selectFrom(this.#tableRef()).select(sql<number>`count(*)::integer`.as('count'));
      if (filter.size > 0) query = query.where((eb) => matches(eb, filter));
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    });
  }

  async #insertRows(rows: readonly EncodedRow[]): Promise<Record<string, unknown>[]> {
    const into = insertInto(this.#kysely, this.#table.dbSchema, this.#table.table);
    const returning = this.#selections();
    if (rows.every((row) => row.size === 0)) {
      // Nothing given: every column takes its default. DEFAULT fits any column, identity ALWAYS too.
      const first = this.#table.columns[0]?.name;
      if (rows.length === 1) return this.#rows(await into.defaultValues().returning(returning).execute());
      if (first === undefined) {
        // A table without columns: VALUES needs one, so as many empty rows come from a SELECT.
        const empty = sql`select from generate_series(1, ${rows.length})`;
        return this.#rows(await into.expression(empty).returning(returning).execute());
      }
      return this.#rows(await into.values(rows.map(() => ({ [first]: sql`default` }))).returning(returning).execute());
    }
    // A column missing from some rows gets DEFAULT in those rows (Kysely fills it in). values()
    // takes the column names as they are (no parsing).
    return this.#rows(await into.values(rows.map((row) => Object.fromEntries(row))).returning(returning).execute());
  }

  /** The table, schema-qualified, from the exact names. */
  #tableRef(): AliasedExpression<unknown, string> {
    return tableRef(this.#table.dbSchema, this.#table.table);
  }

  /**
   * The model's columns, for select and RETURNING lists. A table the model gives no columns
   * selects a constant instead (RETURNING needs an item), which {@link #rows} leaves out.
   */
  #selections(): AliasedExpression<unknown, string>[] {
    if (this.#table.columns.length === 0) return [sql<null>`null`.as(NO_COLUMNS)];
    return this.#table.columns.map((column) => columnSelection(column.name));
  }

  /** The rows as the model has them: for a table without columns, empty rows. */
  #rows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
    if (this.#table.columns.length === 0) return rows.map(() => ({}));
    return rows as Record<string, unknown>[];
  }

  #changeFilter(what: 'update' | 'delete', where: unknown, options: ChangeOptions): EncodedRow {
    const filter = checkFilter(this.#table, where);
    if (filter.size === 0 && options.allRows !== true) {
      const verb = what === 'update' ? 'change' : 'delete';
      throw new RefusedQueryError(`${what} of ${this.#where()} without a filter would ${verb} every row`, {
        hint: `give a filter, or pass { allRows: true } to ${verb} every row on purpose`,
      });
    }
    return filter;
  }

  #orderTerms(orderBy: SelectOptions<S, T>['orderBy']): { column: string; direction: 'asc' | 'desc' }[] {
    if (orderBy === undefined) return [];
    const terms: readonly OrderTerm<string>[] = Array.isArray(orderBy) ? orderBy : [orderBy as OrderTerm<string>];
    return terms.map((term) => {
      const column = typeof term === 'string' ? term : term.column;
      const direction = typeof term === 'string' ? 'asc' : term.direction;
      columnOf(this.#table, column, ' (in orderBy)');
      if (direction !== 'asc' && direction !== 'desc') {
        throw new RefusedQueryError(`orderBy on ${this.#where()}.${column}: direction must be 'asc' or 'desc', got ${JSON.stringify(direction)}`, {
          hint: "write { column: 'population', direction: 'desc' }",
        });
      }
      return { column, direction };
    });
  }

  #count(what: 'limit' | 'offset', value: number | undefined): number | null {
    if (value === undefined) return null;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RefusedQueryError(`${what} on ${this.#where()} must be a whole number of 0 or more, got ${String(value)}`, {
        hint: `leave ${what} out for no ${what}`,
      });
    }
    return value;
  }

  #where(): string {
    return `${this.#table.schema}.${this.#table.table}`;
  }

  async #run<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw toDataError(error);
    }
  }
}

/** `col = $n and ...`, with `col is null` for a null value; columns by their exact names. */
function matches(eb: Builder, filter: EncodedRow): Expression<SqlBool> {
  return eb.and(
    [...filter].map(([column, value]) => (value === null ? eb(columnRef(column), 'is', null) : eb(columnRef(column), '=', value))),
  );
}
