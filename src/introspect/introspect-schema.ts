/**
 * Reads one schema of the live database into the canonical {@link SchemaState}.
 *
 * Five catalog queries, one per kind of object (tables, columns, constraints, indexes, enums),
 * each covering the whole schema, plus one round trip to set `search_path` and one to restore
 * it: seven queries whatever the number of tables. Every query selects its objects by the
 * schema's name passed as a parameter, never through `search_path`.
 */
import type { VersionTableRef } from '../config/types.js';
import type { Queryable } from '../connection/types.js';
import type { SchemaState, TableState } from '../schema/types.js';
import type { CatalogScope } from './catalog-scope.js';
import { isManagedVersionTable, isVersionTableTemplate } from '../config/managed-version-tables.js';
import { compareNames } from '../schema/compare-names.js';
import { deepFreeze } from '../schema/deep-freeze.js';
import { readColumns } from './read-columns.js';
import { type TableConstraints, readConstraints } from './read-constraints.js';
import { readEnums } from './read-enums.js';
import { readIndexes } from './read-indexes.js';
import { readTables } from './read-tables.js';
import { readSchemaObjects } from './read-schema-objects.js';
import { withSchemaSearchPath } from './with-schema-search-path.js';

export interface IntrospectOptions {
  /**
   * Tables to leave out, matched by schema AND name: a version table that lives in the schema
   * is not one of the schema's tables. Entries of other schemas have no effect. A `table` holding
   * `{schema}` is a group's template and leaves out every table it matches (see
   * `managedVersionTables`).
   */
  readonly exclude?: readonly VersionTableRef[];
  /**
   * Schemas whose objects are also printed unqualified, after `schema` itself: for a scratch copy
   * of a schema, the schema it copies, so that both print names alike.
   */
  readonly alsoVisible?: readonly string[];
}

const NO_CONSTRAINTS: TableConstraints = { primaryKey: null, uniques: [], foreignKeys: [], checks: [], exclusions: [] };

/**
 * Introspects one schema: its ordinary and partitioned tables (with columns, primary key,
 * uniques, foreign keys, checks, other indexes and comments) and its enum types.
 *
 * Names are the exact catalog names. Types and expressions are printed by Postgres with
 * `search_path` set to the schema alone, so the schema's own enums, sequences and tables appear
 * unqualified and those of other schemas qualified (see {@link withSchemaSearchPath}); the
 * setting is restored before returning. Tables and enums are sorted by name, columns by
 * position, and constraints and indexes by name. A schema that does not exist reads as empty
 * (see `schemaExists` to tell the two apart). The result is deeply frozen.
 *
 * Works on a session or inside a transaction; don't run other queries concurrently on the same
 * session.
 *
 * @example
 * const session = await database.connect();
 * const state = await introspectSchema(session, 'asia', {
 *   exclude: [{ schema: 'asia', table: 'asia_migration_version' }],
 * });
 * state.tables.map((t) => t.name) // => ['capitals', 'countries']
 */
export async function introspectSchema(
  db: Queryable,
  schema: string,
  options: IntrospectOptions = {},
): Promise<SchemaState> {
  const excluded = (options.exclude ?? []).filter((ref) => ref.schema === schema);
  // Exact names are left out by the catalog queries; a group's template (its members' version
  // tables kept in this schema) is matched against the names read.
  const templates = excluded.filter(isVersionTableTemplate);
  const scope: CatalogScope = {
    schema,
    excludedTables: excluded.filter((ref) => !isVersionTableTemplate(ref)).map((ref) => ref.table),
  };
  return withSchemaSearchPath(db, [schema, ...(options.alsoVisible ?? [])], async () => {
    // One after the other: a session runs one query at a time anyway, and this keeps the order
    // of statements on the wire fixed.
    const tables = await readTables(db, scope);
    const columns = await readColumns(db, scope);
    const constraints = await readConstraints(db, scope, columns);
    const indexes = await readIndexes(db, scope);
    const enums = await readEnums(db, schema);
    const tableStates = tables
      .filter((table) => !isManagedVersionTable(schema, table.name, templates))
      .map((table): TableState => {
        const own = constraints.get(table.name) ?? NO_CONSTRAINTS;
        return {
          name: table.name,
          columns: columns.get(table.name)?.columns ?? [],
          primaryKey: own.primaryKey,
          uniques: own.uniques,
          foreignKeys: own.foreignKeys,
          checks: own.checks,
          ...(own.exclusions.length === 0 ? {} : { exclusions: own.exclusions }),
          indexes: indexes.get(table.name) ?? [],
          comment: table.comment,
          ...(table.unlogged === undefined ? {} : { unlogged: table.unlogged }),
          ...(table.with === undefined ? {} : { with: table.with }),
          ...(table.rowSecurity === undefined ? {} : { rowSecurity: table.rowSecurity }),
          ...(table.forceRowSecurity === undefined ? {} : { forceRowSecurity: table.forceRowSecurity }),
          ...(table.policies === undefined ? {} : { policies: table.policies }),
        };
      })
      .sort((a, b) => compareNames(a.name, b.name));
    const objects = await readSchemaObjects(db, scope);
    return deepFreeze({ name: schema, tables: tableStates, enums, ...objects });
  });
}

