/**
 * The checks that run before any SQL is sent: every column named by a row, a filter, a change or
 * an order must be a column of the table's model, and every value must fit its column. These are
 * the checks the compiler makes for a literal schema name, made again for a name chosen at run
 * time. What passes comes back encoded, ready to be sent as parameters.
 */
import { InvalidValueError, RefusedQueryError, UnknownColumnError } from './access-errors.js';
import { describeKind, describeValue, encodeValue, fitsKind } from './value-kind.js';
import type { ColumnInfo, TableInfo } from './world-catalog.js';

/** Column name → encoded value, in the order given. */
export type EncodedRow = ReadonlyMap<string, unknown>;

function qualified(table: TableInfo, column: string): string {
  return `${table.schema}.${table.table}.${column}`;
}

/**
 * The column of `table` named `name`, or an {@link UnknownColumnError} naming `schema.table.column`.
 *
 * @example
 * columnOf(europeCountries, 'signature_dish', '') // throws: unknown column europe.countries.signature_dish; ...
 */
export function columnOf(table: TableInfo, name: string, where: string): ColumnInfo {
  const column = table.byName.get(name);
  if (column === undefined) {
    throw new UnknownColumnError(table.schema, table.table, name, table.columns.map((c) => c.name), where);
  }
  return column;
}

function entriesOf(table: TableInfo, value: unknown, what: string): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RefusedQueryError(`${what} of ${table.schema}.${table.table} must be an object of column values, got ${describeValue(value)}`, {
      hint: "pass an object such as { name: 'Japan' }",
    });
  }
  return Object.entries(value);
}

function checkValue(table: TableInfo, column: ColumnInfo, value: unknown, where: string): unknown {
  const name = qualified(table, column.name);
  if (value === null) {
    if (column.notNull) {
      throw new InvalidValueError(table.schema, table.table, column.name, `${name}${where} is NOT NULL and cannot be set to null`, 'give a value, or leave the column out if it has a default');
    }
    return null;
  }
  if (!fitsKind(column.kind, column.arrayDimensions, value)) {
    throw new InvalidValueError(
      table.schema,
      table.table,
      column.name,
      `${name}${where} takes ${describeKind(column.kind, column.arrayDimensions)}, got ${describeValue(value)}`,
      'give a value of the column\'s type (see the model)',
    );
  }
  return encodeValue(column.kind, column.arrayDimensions, value);
}

function refuseAlwaysIdentity(table: TableInfo, column: ColumnInfo, where: string): void {
  if (column.identity === 'always') {
    throw new InvalidValueError(
      table.schema,
      table.table,
      column.name,
      `${qualified(table, column.name)}${where} is GENERATED ALWAYS AS IDENTITY and takes no value`,
      'leave the column out: Postgres numbers it',
    );
  }
}

/**
 * Checks a row to insert: known columns, fitting values, every required column (NOT NULL without
 * default or identity) given. `undefined` values count as not given.
 *
 * @example
 * checkInsert(europeCountries, { name: 'Switzerland', eu_member: false }) // => Map { name → ..., eu_member → false }
 */
export function checkInsert(table: TableInfo, row: unknown, index?: number): EncodedRow {
  const where = index === undefined ? '' : ` (rows[${index}])`;
  const entries = entriesOf(table, row, index === undefined ? 'the row to insert into' : `rows[${index}] to insert into`);
  const given = entries.filter(([, value]) => value !== undefined);
  // Unknown columns first: the likeliest mistake is a column of a same-named table of another schema.
  const columns = given.map(([name]) => columnOf(table, name, where));
  const encoded = new Map<string, unknown>();
  given.forEach(([name, value], i) => {
    const column = columns[i] as ColumnInfo;
    refuseAlwaysIdentity(table, column, where);
    encoded.set(name, checkValue(table, column, value, where));
  });
  const missing = table.columns.filter((c) => c.notNull && !c.hasDefault && c.identity === null && !encoded.has(c.name));
  const first = missing[0];
  if (first !== undefined) {
    throw new InvalidValueError(
      table.schema,
      table.table,
      first.name,
      `${qualified(table, first.name)}${where} is required (NOT NULL without a default) and is missing` +
        (missing.length > 1 ? `; also missing: ${missing.slice(1).map((c) => c.name).join(', ')}` : ''),
      `give ${missing.map((c) => c.name).join(', ')}`,
    );
  }
  return encoded;
}

/**
 * Checks the changes of an update: known columns, fitting values, at least one change.
 *
 * @example
 * checkChanges(asiaCountries, { population: 125000000 }) // => Map { population → 125000000 }
 */
export function checkChanges(table: TableInfo, values: unknown): EncodedRow {
  const given = entriesOf(table, values, 'the changes to').filter(([, value]) => value !== undefined);
  const columns = given.map(([name]) => columnOf(table, name, ' (in the changes)'));
  if (given.length === 0) {
    throw new RefusedQueryError(`update of ${table.schema}.${table.table} has no changes`, { hint: 'give at least one column to set' });
  }
  const encoded = new Map<string, unknown>();
  given.forEach(([name, value], i) => {
    const column = columns[i] as ColumnInfo;
    refuseAlwaysIdentity(table, column, ' (in the changes)');
    encoded.set(name, checkValue(table, column, value, ' (in the changes)'));
  });
  return encoded;
}

/**
 * Checks an equality filter: known columns, fitting values; `null` matches NULL (`IS NULL`).
 * `undefined` is refused: dropping it silently would widen the filter.
 *
 * @example
 * checkFilter(asiaCountries, { name: 'Japan' }) // => Map { name → 'Japan' }
 */
export function checkFilter(table: TableInfo, where: unknown): EncodedRow {
  const entries = entriesOf(table, where, 'the filter on');
  const columns = entries.map(([name]) => columnOf(table, name, ' (in the filter)'));
  const encoded = new Map<string, unknown>();
  entries.forEach(([name, value], i) => {
    const column = columns[i] as ColumnInfo;
    if (value === undefined) {
      throw new InvalidValueError(
        table.schema,
        table.table,
        name,
        `${qualified(table, name)} (in the filter) is undefined`,
        'leave the column out of the filter, or give null to match NULL',
      );
    }
    if (value === null) {
      encoded.set(name, null);
      return;
    }
    if (!fitsKind(column.kind, column.arrayDimensions, value)) {
      throw new InvalidValueError(
        table.schema,
        table.table,
        name,
        `${qualified(table, name)} (in the filter) takes ${describeKind(column.kind, column.arrayDimensions)}, got ${describeValue(value)}`,
        'give a value of the column\'s type (see the model)',
      );
    }
    encoded.set(name, encodeValue(column.kind, column.arrayDimensions, value));
  });
  return encoded;
}
