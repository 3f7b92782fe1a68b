import type { Queryable } from '../connection/types.js';
import type { SchemaObjects } from '../schema/object-types.js';
import type { CatalogScope } from './catalog-scope.js';
import { readDependencies } from './read-dependencies.js';
import { readDomains } from './read-domains.js';
import { readExtensions } from './read-extensions.js';
import { readFunctions } from './read-functions.js';
import { readSequences } from './read-sequences.js';
import { readTriggers } from './read-triggers.js';
import { readViews } from './read-views.js';

/**
 * The schema-level objects of one schema: seven catalog queries, one per kind (sequences, domains,
 * views with their indexes, functions, triggers, extensions, and what depends on what from
 * `pg_depend`), whatever the number of objects.
 * Run with `search_path` set to the schema (see {@link introspectSchema}).
 *
 * @example
 * const objects = await readSchemaObjects(tx, { schema: 'film', excludedTables: [] });
 */
export async function readSchemaObjects(db: Queryable, scope: CatalogScope): Promise<Required<SchemaObjects>> {
  const sequences = await readSequences(db, scope);
  const domains = await readDomains(db, scope.schema);
  const views = await readViews(db, scope.schema);
  const functions = await readFunctions(db, scope.schema);
  const triggers = await readTriggers(db, scope);
  const extensions = await readExtensions(db, scope.schema);
  const dependencies = await readDependencies(db, scope.schema);
  return { sequences, domains, views, functions, triggers, extensions, dependencies };
}
