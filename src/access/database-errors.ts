/**
 * Errors Postgres raised for a data-access statement, as typed errors naming the schema, table and
 * constraint (and column when Postgres says which). `toDataError` turns a driver error (pg's or
 * PGlite's, which carry the same fields) into one of these.
 */
import { ExitCode, WorlddbError, type WorlddbErrorProps } from '../errors.js';

/** The fields of a Postgres error report (`ErrorResponse`) that both pg and PGlite expose. */
export interface PostgresErrorFields {
  /** SQLSTATE, e.g. `23505`. */
  readonly code: string;
  readonly message: string;
  readonly detail: string | null;
  readonly schema: string | null;
  readonly table: string | null;
  readonly column: string | null;
  readonly constraint: string | null;
}

/**
 * Any Postgres error raised by a data-access statement that has no more specific class below; it
 * keeps the SQLSTATE and the Postgres message.
 *
 * @example
 * try { await world.schema('asia').table('countries').count(); }
 * catch (error) { if (error instanceof DatabaseQueryError) console.error(error.code, error.message); }
 */
export class DatabaseQueryError extends WorlddbError {
  /** SQLSTATE, e.g. `42P01` (undefined table). */
  readonly code: string;
  readonly detail: string | null;
  constructor(fields: PostgresErrorFields, message: string, props: WorlddbErrorProps = {}) {
    super(message, ExitCode.failed, props);
    this.code = fields.code;
    this.detail = fields.detail;
  }
}

/**
 * Base class of the integrity-constraint violations (SQLSTATE class 23): names the schema, the
 * table, the constraint, and the column when Postgres reports one.
 */
export class ConstraintViolationError extends DatabaseQueryError {
  readonly schema: string | null;
  readonly table: string | null;
  readonly constraint: string | null;
  readonly column: string | null;
  constructor(fields: PostgresErrorFields, what: string, hint: string, cause?: unknown) {
    super(fields, constraintMessage(fields, what), cause === undefined ? { hint } : { hint, cause });
    this.schema = fields.schema;
    this.table = fields.table;
    this.constraint = fields.constraint;
    this.column = fields.column;
  }
}

/**
 * `23505`: a unique constraint or primary key already has the value.
 *
 * @example
 * try { await addCountry(world, 'asia', { name: 'Japan' }); }
 * catch (error) { if (error instanceof UniqueViolationError) console.log(error.constraint); } // countries_name_key
 */
export class UniqueViolationError extends ConstraintViolationError {
  constructor(fields: PostgresErrorFields, cause?: unknown) {
    super(fields, 'unique violation', 'a row with this key already exists: update that row, or use another value', cause);
  }
}

/**
 * `23503`: a foreign key points at a row that does not exist, or a deleted row is still pointed at.
 *
 * @example
 * await world.schema('europe').table('capitals').insert({ name: 'Bern', country: 'Nowhere' });
 * // ForeignKeyViolationError: foreign key violation on europe.capitals (constraint capitals_country_fkey): ...
 */
export class ForeignKeyViolationError extends ConstraintViolationError {
  constructor(fields: PostgresErrorFields, cause?: unknown) {
    super(
      fields,
      'foreign key violation',
      'insert the referenced row first (e.g. the country before its capital), or delete the rows that point at it first',
      cause,
    );
  }
}

/**
 * `23502`: NULL for a NOT NULL column (the database has a NOT NULL the model does not declare,
 * as the model's own are checked before any SQL).
 *
 * @example
 * catch (error) { if (error instanceof NotNullViolationError) console.log(error.column); }
 */
export class NotNullViolationError extends ConstraintViolationError {
  constructor(fields: PostgresErrorFields, cause?: unknown) {
    super(
      fields,
      'not-null violation',
      `give a value for ${fields.column ?? 'the column'}; if the model says it may be null, the database differs from the model: run \`npx worlddb check --all\``,
      cause,
    );
  }
}

/**
 * `23514`: a check constraint's condition is false for the row.
 *
 * @example
 * catch (error) { if (error instanceof CheckViolationError) console.log(error.constraint); }
 */
export class CheckViolationError extends ConstraintViolationError {
  constructor(fields: PostgresErrorFields, cause?: unknown) {
    super(fields, 'check violation', "change the values so that the check constraint's condition holds", cause);
  }
}

/**
 * A `world.transaction` callback caught a database error and went on: Postgres had already
 * aborted the transaction, so nothing of it was committed.
 *
 * @example
 * await world.transaction(async (tx) => {
 *   await tx.schema('asia').table('countries').insert({ name: 'Japan' }).catch(() => undefined);
 * }); // TransactionAbortedError: the transaction was rolled back: ...
 */
export class TransactionAbortedError extends WorlddbError {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`the transaction was rolled back: a statement in it failed (${reason}), which aborts a Postgres transaction`, ExitCode.failed, {
      hint: 'let the error leave the transaction callback, or start a new transaction after catching it',
      cause,
    });
  }
}

/** Hints for common errors of a database that is not at the model's state. */
const HINTS: Readonly<Record<string, string>> = {
  '42P01': 'the table does not exist: migrate the schema first (`npx worlddb migrate --all`)',
  '3F000': 'the schema does not exist: migrate it first (`npx worlddb migrate --all`)',
  '42703': 'the column does not exist in the database: the model is ahead of it; migrate (`npx worlddb migrate --all`)',
  '22P02': 'a value is not valid for its column type',
  '22001': 'a value is longer than its column allows',
  '22003': 'a number is out of range for its column type',
};

/**
 * Turns an error thrown by the driver into a typed worlddb error; other errors are returned as
 * they are. Postgres errors are recognised by their five-character SQLSTATE `code`.
 *
 * @example
 * try { ... } catch (error) { throw toDataError(error); }
 */
export function toDataError(error: unknown): unknown {
  if (error instanceof WorlddbError) return error;
  const fields = postgresFields(error);
  if (fields === null) return error;
  switch (fields.code) {
    case '23505':
      return new UniqueViolationError(fields, error);
    case '23503':
      return new ForeignKeyViolationError(fields, error);
    case '23502':
      return new NotNullViolationError(fields, error);
    case '23514':
      return new CheckViolationError(fields, error);
    default: {
      const hint = HINTS[fields.code];
      const detail = fields.detail === null ? '' : ` (${fields.detail})`;
      return new DatabaseQueryError(fields, `${fields.message}${detail} [${fields.code}]`, {
        cause: error,
        ...(hint === undefined ? {} : { hint }),
      });
    }
  }
}

/** The Postgres fields of a pg or PGlite error, or null when `error` is not a Postgres error report. */
export function postgresFields(error: unknown): PostgresErrorFields | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & Partial<Record<'code' | 'detail' | 'schema' | 'table' | 'column' | 'constraint', unknown>>;
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    code: e.code,
    message: e.message,
    detail: text(e.detail),
    schema: text(e.schema),
    table: text(e.table),
    column: text(e.column),
    constraint: text(e.constraint),
  };
}

function constraintMessage(fields: PostgresErrorFields, what: string): string {
  const table = fields.table === null ? null : fields.schema === null ? fields.table : `${fields.schema}.${fields.table}`;
  const column = fields.column === null ? '' : `.${fields.column}`;
  const where = table === null ? '' : ` on ${table}${column}`;
  const constraint = fields.constraint === null ? '' : ` (constraint ${fields.constraint})`;
  const detail = fields.detail === null ? '' : `: ${fields.detail}`;
  return `${what}${where}${constraint}${detail}`;
}
