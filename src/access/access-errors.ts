/**
 * Errors of data access found before any SQL is sent: a schema, table or column the model does
 * not have, or a value the model's column cannot take. They are what the compiler says for a
 * literal schema name, said again at run time for a name chosen at run time.
 */
import { ExitCode, WorlddbError, type WorlddbErrorProps } from '../errors.js';

/** Base class of the data-access errors found before any SQL is sent (exit code `usage`). */
export class DataAccessError extends WorlddbError {
  constructor(message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.usage, props);
  }
}

/**
 * `world.schema(name)` with a name the world was not opened with. The message lists the known ones.
 *
 * @example
 * world.schema('afrika'); // UnknownSchemaError: unknown schema "afrika"; known schemas: asia, europe
 */
export class UnknownSchemaError extends DataAccessError {
  readonly schema: string;
  readonly known: readonly string[];
  constructor(schema: string, known: readonly string[]) {
    super(`unknown schema ${JSON.stringify(schema)}; known schemas: ${known.join(', ')}`, {
      hint: 'pass the schema\'s model to openWorld({ schemas: { ... } }), or check the spelling',
    });
    this.schema = schema;
    this.known = known;
  }
}

/**
 * `schema.table(name)` with a table the schema's model does not have.
 *
 * @example
 * world.schema('europe').table('languages'); // UnknownTableError: unknown table europe.languages; ...
 */
export class UnknownTableError extends DataAccessError {
  readonly schema: string;
  readonly table: string;
  constructor(schema: string, table: string, known: readonly string[]) {
    super(`unknown table ${schema}.${table}; tables of ${schema}: ${known.join(', ')}`, {
      hint: `declare the table in the model of ${schema}, autogenerate a revision and migrate`,
    });
    this.schema = schema;
    this.table = table;
  }
}

/**
 * A row, filter or order names a column the table's model does not have.
 *
 * @example
 * await world.schema('europe').table('countries').insert({ name: 'Switzerland', signature_dish: 'Fondue' });
 * // UnknownColumnError: unknown column europe.countries.signature_dish; columns of europe.countries: ...
 */
export class UnknownColumnError extends DataAccessError {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  constructor(schema: string, table: string, column: string, known: readonly string[], where = '') {
    super(`unknown column ${schema}.${table}.${column}${where}; columns of ${schema}.${table}: ${known.join(', ')}`, {
      hint: `this column is not in the model of ${schema}; same-named tables of other schemas may have other columns`,
    });
    this.schema = schema;
    this.table = table;
    this.column = column;
  }
}

/**
 * A value the column cannot take: of the wrong type, `null` for a NOT NULL column, missing for a
 * required column, or given for a `GENERATED ALWAYS` identity column.
 *
 * @example
 * await world.schema('asia').table('countries').insert({ name: 'Japan', population: '126M' });
 * // InvalidValueError: asia.countries.population takes an integer (number), got the string "126M"
 */
export class InvalidValueError extends DataAccessError {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  constructor(schema: string, table: string, column: string, message: string, hint: string) {
    super(message, { hint });
    this.schema = schema;
    this.table = table;
    this.column = column;
  }
}

/**
 * A call the data access refuses before any SQL: an update or delete without a filter (which would
 * change every row), an update with nothing to set, a negative limit, a world used after close.
 *
 * @example
 * await world.schema('asia').table('countries').delete({});
 * // RefusedQueryError: delete from asia.countries without a filter would delete every row
 */
export class RefusedQueryError extends DataAccessError {}
