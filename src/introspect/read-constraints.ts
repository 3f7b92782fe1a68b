import type { Queryable } from '../connection/types.js';
import type {
  CheckState,
  Deferrable,
  ExclusionState,
  ForeignKeyState,
  PrimaryKeyState,
  ReferentialAction,
  UniqueState,
} from '../schema/types.js';
import { type CatalogScope, TABLES_IN_SCOPE, scopeParameters } from './catalog-scope.js';
import { sortByName } from '../schema/compare-names.js';
import type { TableColumns } from './read-columns.js';

/** One row of {@link CONSTRAINTS_QUERY}. */
export interface RawConstraintRow {
  readonly table_name: string;
  readonly name: string;
  /** `contype`: `p` primary key, `u` unique, `f` foreign key, `c` check. */
  readonly kind: string;
  /** Positions (`attnum`) of the constrained columns in key order (`conkey`), or null when there are none. */
  readonly columns: readonly number[] | null;
  /**
   * Foreign keys only: schema, table and columns (`confkey`, in key order) referenced. The
   * referenced table may be in another schema, so its column names are looked up here.
   */
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: readonly string[] | null;
  /** Foreign keys only: `confdeltype` / `confupdtype` letters (`a`, `r`, `c`, `n`, `d`). */
  readonly on_delete: string;
  readonly on_update: string;
  /** Checks only: `pg_get_expr(conbin, conrelid)`. */
  readonly expression: string | null;
  /** `condeferrable` and `condeferred`. */
  readonly deferrable: boolean;
  readonly deferred: boolean;
  /** `convalidated`: false for a constraint added `NOT VALID` and not validated since. */
  readonly validated: boolean;
  /** Foreign keys only: `confmatchtype` (`s` simple, `f` full, `p` partial). */
  readonly match_type: string;
  /** Exclusion constraints only: `pg_get_constraintdef(oid)`. */
  readonly definition: string | null;
}

/** The constraints of one table, as {@link TableState} holds them. */
export interface TableConstraints {
  readonly primaryKey: PrimaryKeyState | null;
  readonly uniques: readonly UniqueState[];
  readonly foreignKeys: readonly ForeignKeyState[];
  readonly checks: readonly CheckState[];
  readonly exclusions: readonly ExclusionState[];
}

/**
 * Primary keys, uniques, foreign keys and checks of every table in scope.
 *
 * Only these five kinds (and exclusion constraints) are read: Postgres 18 also records NOT NULL
 * as constraints (`contype = 'n'`), which {@link ColumnState.notNull} already covers, and
 * constraint triggers are not part of the model. An exclusion constraint is read whole, as
 * `pg_get_constraintdef` prints it. `conkey` comes as positions, which the parse
 * step turns into names with the columns already read (a name lookup per key on the server
 * costs more than the rest of the query); the referenced columns of a foreign key are named here,
 * in `confkey` order, by unnesting it `WITH ORDINALITY`.
 *
 * A check's expression is `pg_get_expr(conbin, conrelid)`: the same text `pg_get_constraintdef`
 * wraps in `CHECK (...)`, but without having to strip that wrapper or the `NOT VALID` /
 * `NO INHERIT` words that may follow it, so it is stable whatever the constraint's options.
 * Whether a check or foreign key is validated (`NOT VALID`), whether a key is deferrable and a
 * foreign key's `MATCH FULL` are read from their own columns.
 */
export const CONSTRAINTS_QUERY = `
SELECT
  c.relname AS table_name,
  con.conname AS name,
  con.contype::text AS kind,
  con.conkey AS columns,
  rn.nspname AS ref_schema,
  rc.relname AS ref_table,
  CASE WHEN con.contype = 'f' THEN
    (SELECT pg_catalog.json_agg(
        (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)
        ORDER BY k.position)
      FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, position))
  END AS ref_columns,
  con.confdeltype::text AS on_delete,
  con.confupdtype::text AS on_update,
  CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS expression,
  con.condeferrable AS deferrable,
  con.condeferred AS deferred,
  con.convalidated AS validated,
  con.confmatchtype::text AS match_type,
  CASE WHEN con.contype = 'x' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid AND con.contype IN ('p', 'u', 'f', 'c', 'x')
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE ${TABLES_IN_SCOPE}`;

/**
 * Reads the constraints of every table of one schema, grouped by table name. Each list is
 * sorted by constraint name. `columns` are the tables' columns from {@link readColumns}.
 *
 * @example
 * const constraints = await readConstraints(tx, scope, await readColumns(tx, scope));
 * constraints.get('capitals')?.foreignKeys[0]
 * // => { name: 'capitals_country_fkey', columns: ['country'], refSchema: 'asia',
 * //      refTable: 'countries', refColumns: ['name'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }
 */
export async function readConstraints(
  db: Queryable,
  scope: CatalogScope,
  columns: ReadonlyMap<string, TableColumns>,
): Promise<Map<string, TableConstraints>> {
  const { rows } = await db.query<RawConstraintRow>(CONSTRAINTS_QUERY, scopeParameters(scope));
  return parseConstraintRows(rows, columns);
}

/**
 * Sorts catalog rows into the constraints of each table, naming key columns with `columns`.
 *
 * @example
 * const columns = new Map([['t', { columns: [], names: new Map([[1, 'id']]) }]]);
 * parseConstraintRows([{ table_name: 't', name: 't_pkey', kind: 'p', columns: [1],
 *   ref_schema: null, ref_table: null, ref_columns: null, on_delete: ' ', on_update: ' ',
 *   expression: null }], columns).get('t')
 * // => { primaryKey: { name: 't_pkey', columns: ['id'] }, uniques: [], foreignKeys: [], checks: [] }
 */
export function parseConstraintRows(
  rows: readonly RawConstraintRow[],
  columns: ReadonlyMap<string, TableColumns>,
): Map<string, TableConstraints> {
  const building = new Map<
    string,
    {
      primaryKey: PrimaryKeyState | null;
      uniques: UniqueState[];
      foreignKeys: ForeignKeyState[];
      checks: CheckState[];
      exclusions: ExclusionState[];
    }
  >();
  for (const row of rows) {
    let table = building.get(row.table_name);
    if (table === undefined) {
      table = { primaryKey: null, uniques: [], foreignKeys: [], checks: [], exclusions: [] };
      building.set(row.table_name, table);
    }
    switch (row.kind) {
      case 'p':
        table.primaryKey = { name: row.name, columns: columnNames(row, columns), ...deferrableOf(row) };
        break;
      case 'u':
        table.uniques.push({ name: row.name, columns: columnNames(row, columns), ...deferrableOf(row) });
        break;
      case 'f':
        table.foreignKeys.push(parseForeignKey(row, columnNames(row, columns)));
        break;
      case 'c':
        table.checks.push({ name: row.name, expression: required(row.expression, row, 'expression'), ...notValidOf(row) });
        break;
      case 'x':
        table.exclusions.push({ name: row.name, definition: required(row.definition, row, 'definition') });
        break;
      default:
        throw new Error(`unexpected contype ${JSON.stringify(row.kind)} for constraint ${row.table_name}.${row.name}`);
    }
  }
  const result = new Map<string, TableConstraints>();
  for (const [table, parts] of building) {
    result.set(table, {
      primaryKey: parts.primaryKey,
      uniques: sortByName(parts.uniques),
      foreignKeys: sortByName(parts.foreignKeys),
      checks: sortByName(parts.checks),
      exclusions: sortByName(parts.exclusions),
    });
  }
  return result;
}

function columnNames(row: RawConstraintRow, columns: ReadonlyMap<string, TableColumns>): string[] {
  const names = columns.get(row.table_name)?.names;
  return (row.columns ?? []).map((attnum) => {
    const name = names?.get(attnum);
    if (name === undefined) {
      throw new Error(`constraint ${row.table_name}.${row.name} names column number ${attnum}, which was not read`);
    }
    return name;
  });
}

function parseForeignKey(row: RawConstraintRow, columns: readonly string[]): ForeignKeyState {
  return {
    name: row.name,
    columns,
    refSchema: required(row.ref_schema, row, 'ref_schema'),
    refTable: required(row.ref_table, row, 'ref_table'),
    refColumns: required(row.ref_columns, row, 'ref_columns'),
    onDelete: parseReferentialAction(row.on_delete),
    onUpdate: parseReferentialAction(row.on_update),
    ...(row.match_type === 'f' ? { match: 'FULL' as const } : {}),
    ...deferrableOf(row),
    ...notValidOf(row),
  };
}

/** The optional `deferrable` field of a constraint state. */
function deferrableOf(row: RawConstraintRow): { readonly deferrable?: Deferrable } {
  if (!row.deferrable) return {};
  return { deferrable: row.deferred ? 'deferred' : 'immediate' };
}

/** The optional `notValid` field of a check or foreign key state. */
function notValidOf(row: RawConstraintRow): { readonly notValid?: true } {
  return row.validated ? {} : { notValid: true };
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/**
 * Turns a `confdeltype` / `confupdtype` letter into the action's SQL words.
 *
 * @example
 * parseReferentialAction('c') // => 'CASCADE'
 * parseReferentialAction('a') // => 'NO ACTION'
 */
export function parseReferentialAction(letter: string): ReferentialAction {
  const action = ACTIONS[letter];
  if (action === undefined) throw new Error(`unexpected referential action ${JSON.stringify(letter)}`);
  return action;
}

function required<T>(value: T | null, row: RawConstraintRow, field: string): T {
  if (value === null) throw new Error(`constraint ${row.table_name}.${row.name} has no ${field} in the catalog`);
  return value;
}
