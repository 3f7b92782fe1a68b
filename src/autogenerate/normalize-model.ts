import { randomBytes } from 'node:crypto';
import type { Session } from '../connection/types.js';
import { compareSchemas, deepEqual } from '../diff/index.js';
import { describeCause, ModelError } from '../errors.js';
import { introspectSchema } from '../introspect/introspect-schema.js';
import { renderOperations } from '../render/index.js';
import type { CheckState, ColumnState, ExclusionState, IndexState, PolicyState, SchemaState, TableState } from '../schema/types.js';
import { objectsForTables, scratchBegin } from './normalize-objects.js';

/** Scratch tables created per transaction: each holds locks until it ends, and lock slots are few. */
export const SCRATCH_TABLES_PER_TRANSACTION = 100;

/**
 * What Postgres has to normalise in a table: column types, defaults, generation expressions and
 * collations, check expressions and
 * index keys and predicates, in order. Names, keys, foreign keys and comments are plain data that
 * the model already writes exactly as the catalog does, so they are left out: tables of the same
 * shape (the same table in many schemas, or generated tables) are normalised once.
 */
type ShapeColumn = Pick<ColumnState, 'name' | 'type' | 'notNull' | 'default' | 'identity' | 'generated' | 'collation'>;

interface TableShape {
  readonly columns: readonly ShapeColumn[];
  readonly checks: readonly string[];
  readonly exclusions: readonly string[];
  readonly policies: readonly Omit<PolicyState, 'name'>[];
  readonly indexes: readonly Omit<IndexState, 'name'>[];
}

function shapeOf(table: TableState): TableShape {
  return {
    columns: table.columns.map((c) => {
      const column: ShapeColumn = { name: c.name, type: c.type, notNull: c.notNull, default: c.default, identity: c.identity };
      return {
        ...column,
        ...(c.generated === undefined ? {} : { generated: c.generated }),
        ...(c.collation === undefined ? {} : { collation: c.collation }),
      };
    }),
    checks: table.checks.map((c) => c.expression),
    exclusions: (table.exclusions ?? []).map((x) => x.definition),
    policies: (table.policies ?? []).map(({ name: _name, ...rest }) => rest),
    indexes: table.indexes.map(({ name: _name, ...rest }) => rest),
  };
}

/** A scratch table with neutral names (`c<j>` for the j-th check, `w<id>_i<j>` for the j-th index). */
function scratchTable(id: number, shape: TableShape): TableState {
  return {
    name: `w${id}`,
    columns: shape.columns.map((c) => ({ ...c, comment: null })),
    primaryKey: null,
    uniques: [],
    foreignKeys: [],
    checks: shape.checks.map((expression, j) => ({ name: `w${id}_c${j}`, expression })),
    ...(shape.exclusions.length === 0
      ? {}
      : { exclusions: shape.exclusions.map((definition, j) => ({ name: `w${id}_x${j}`, definition })) }),
    ...(shape.policies.length === 0 ? {} : { policies: shape.policies.map((policy, j) => ({ ...policy, name: `p${j}` })) }),
    indexes: shape.indexes.map((index, j) => ({ ...index, name: `w${id}_i${j}` })),
    comment: null,
  };
}

/** The declared table with what Postgres made of its shape. */
function withNormalized(table: TableState, normalized: TableState, id: number): TableState {
  const columns = new Map(normalized.columns.map((c) => [c.name, c]));
  const checks = new Map(normalized.checks.map((c) => [c.name, c]));
  const exclusions = new Map((normalized.exclusions ?? []).map((x) => [x.name, x]));
  const policies = new Map((normalized.policies ?? []).map((p) => [p.name, p]));
  const indexes = new Map(normalized.indexes.map((i) => [i.name, i]));
  return {
    ...table,
    columns: table.columns.map((column) => {
      const n = columns.get(column.name);
      if (n === undefined) return column;
      const { generated: _generated, collation: _collation, ...rest } = column;
      return {
        ...rest,
        type: n.type,
        default: n.default,
        notNull: column.notNull || n.notNull,
        ...(n.generated === undefined ? {} : { generated: n.generated }),
        ...(n.collation === undefined ? {} : { collation: n.collation }),
      };
    }),
    checks: table.checks.map((check, j): CheckState => ({ ...check, expression: checks.get(`w${id}_c${j}`)?.expression ?? check.expression })),
    ...(table.exclusions === undefined
      ? {}
      : {
          exclusions: table.exclusions.map((exclusion, j): ExclusionState => ({
            ...exclusion,
            definition: exclusions.get(`w${id}_x${j}`)?.definition ?? exclusion.definition,
          })),
        }),
    ...(table.policies === undefined
      ? {}
      : {
          policies: table.policies.map((policy, j): PolicyState => {
            const n = policies.get(`p${j}`);
            return n === undefined ? policy : { ...policy, using: n.using, withCheck: n.withCheck };
          }),
        }),
    indexes: table.indexes.map((index, j): IndexState => {
      const n = indexes.get(`w${id}_i${j}`);
      if (n === undefined) return index;
      const { with: _with, ...rest } = index;
      return { ...rest, method: n.method, keys: n.keys, where: n.where, ...(n.with === undefined ? {} : { with: n.with }) };
    }),
  };
}

/**
 * The declared state exactly as Postgres would store it. Tables that already match `live` as
 * written are taken as they are; the shapes of the others (column types and defaults, check
 * expressions, index keys and predicates) are created in a scratch schema inside transactions that
 * are always rolled back, a hundred tables at a time, and read back from the catalog. Types,
 * defaults, checks and index expressions then compare equal to the live catalog whenever Postgres
 * would store them equally (`varchar(100)` and `character varying(100)`, `amount >= 0` and
 * `(amount >= (0)::numeric)`, casts Postgres adds). Nothing is left behind.
 *
 * `session` must not be inside a transaction.
 *
 * @throws ModelError when Postgres refuses the model (an unknown type or function, an invalid
 *   expression).
 * @example
 * const desired = await normalizeThroughPostgres(session, declared, live);
 */
export async function normalizeThroughPostgres(session: Session, declared: SchemaState, live?: SchemaState): Promise<SchemaState> {
  const liveTables = new Map((live?.tables ?? []).map((t) => [t.name, t]));
  const pending = declared.tables.filter((t) => !deepEqual(t, liveTables.get(t.name)));
  if (pending.length === 0) return declared;

  const ids = new Map<string, number>();
  const shapes: TableShape[] = [];
  const idOf = new Map<string, number>();
  for (const table of pending) {
    const shape = shapeOf(table);
    const key = JSON.stringify(shape);
    let id = ids.get(key);
    if (id === undefined) {
      id = shapes.length;
      ids.set(key, id);
      shapes.push(shape);
    }
    idOf.set(table.name, id);
  }

  const normalized = new Map<number, TableState>();
  for (let start = 0; start < shapes.length; start += SCRATCH_TABLES_PER_TRANSACTION) {
    const chunk = shapes.slice(start, start + SCRATCH_TABLES_PER_TRANSACTION).map((shape, k) => scratchTable(start + k, shape));
    const names = (id: number): string[] => pending.filter((t) => idOf.get(t.name) === id).map((t) => t.name);
    for (const table of await normalizeChunk(session, declared, chunk, names)) normalized.set(Number(table.name.slice(1)), table);
  }

  return {
    ...declared,
    tables: declared.tables.map((table) => {
      const id = idOf.get(table.name);
      const n = id === undefined ? undefined : normalized.get(id);
      return id === undefined || n === undefined ? table : withNormalized(table, n, id);
    }),
  };
}

/** Creates the declared enums and `tables` in a new scratch schema, reads them back, rolls back. */
async function normalizeChunk(
  session: Session,
  declared: SchemaState,
  tables: readonly TableState[],
  tableNames: (id: number) => readonly string[],
): Promise<readonly TableState[]> {
  const scratch = `worlddb_scratch_${randomBytes(6).toString('hex')}`;
  const state: SchemaState = { name: scratch, enums: declared.enums, tables, ...objectsForTables(declared) };
  const statements = renderOperations(scratch, compareSchemas({ name: scratch, tables: [], enums: [] }, state)).map((s) => `${s};`);
  // The schema's own objects (sequences, functions, types made by hand-written migrations) must
  // resolve in the scratch copy and print unqualified there, as they do in the live catalog.
  const begin = scratchBegin(scratch, declared.name);
  try {
    try {
      // One round trip for the whole chunk.
      await session.exec(`${begin}\n${statements.join('\n')}`);
    } catch {
      // Find the statement Postgres refuses, to name the table of the model it comes from.
      await session.exec('ROLLBACK');
      await session.exec(begin);
      for (const statement of statements) {
        try {
          await session.exec(statement);
        } catch (cause) {
          const id = /"w(\d+)"/.exec(statement)?.[1];
          const where = id === undefined ? `schema "${declared.name}"` : tableNames(Number(id)).map((t) => `${declared.name}.${t}`).join(', ');
          throw new ModelError(`Postgres refuses the model of ${where}: ${describeCause(cause)}`, {
            hint: 'fix the type, default, check or index expression it names in the model',
            cause,
          });
        }
      }
    }
    return (await introspectSchema(session, scratch, { alsoVisible: [declared.name] })).tables;
  } finally {
    await session.exec('ROLLBACK').catch(() => undefined);
  }
}
