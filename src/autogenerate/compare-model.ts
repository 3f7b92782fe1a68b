import type { SchemaTarget, VersionTableRef } from '../config/types.js';
import type { Session } from '../connection/types.js';
import { compareSchemas, deepEqual, type RenameHints } from '../diff/index.js';
import { introspectSchema } from '../introspect/introspect-schema.js';
import { modelToState, type SchemaModel } from '../model/index.js';
import type { Operation } from '../ops/index.js';
import type { SchemaState } from '../schema/types.js';
import { annotateTypeChanges } from './annotate-type-changes.js';
import { normalizeThroughPostgres } from './normalize-model.js';
import { hasObjectBodies, normalizeObjects, withoutExtensionsElsewhere } from './normalize-objects.js';
import { isReadOnly } from './read-only.js';
import { retargetState } from './retarget-state.js';

export interface ModelComparison {
  /** The schema as it is in the database (the version table left out). */
  readonly live: SchemaState;
  /** The schema as the model wants it, as Postgres would store it. */
  readonly desired: SchemaState;
  /** What turns `live` into `desired`, in run order. Empty when they match. */
  readonly operations: readonly Operation[];
  /**
   * What could not be normalised through Postgres because the session is read-only (a replica, a
   * read-only role or setting): compared as written in the model, so a difference listed for it
   * may be one of spelling only (`varchar` and `character varying`). Empty on a writable session.
   */
  readonly notNormalized: readonly string[];
}

export interface CompareModelOptions {
  readonly renames?: RenameHints;
  /**
   * Version tables to leave out besides the target's own: every one worlddb manages
   * (`managedVersionTables(config)`), since a shared schema such as `public` may hold them all.
   */
  readonly versionTables?: readonly VersionTableRef[];
}

/**
 * Compares the model of `target` with its schema in the database: introspects exactly that schema
 * (filtered by name, the version tables left out), and lets Postgres normalise the tables of the
 * model that do not already match it as written (see {@link normalizeThroughPostgres}).
 *
 * @example
 * const { operations } = await compareModel(session, target, asia);
 * operations.length === 0 // => the database matches the model
 */
export async function compareModel(
  session: Session,
  target: SchemaTarget,
  model: SchemaModel,
  options: CompareModelOptions = {},
): Promise<ModelComparison> {
  const exclude = [target.versionTable, ...(options.versionTables ?? [])];
  const declared = retargetState(modelToState(model), target.schema);
  const live = await introspectSchema(session, target.schema, { exclude });
  // Normalising creates a scratch schema (always rolled back); a read-only session cannot, so it
  // compares as written and says what it could not normalise.
  const liveTables = new Map(live.tables.map((t) => [t.name, t]));
  const unmatched = declared.tables.filter((t) => !deepEqual(t, liveTables.get(t.name))).map((t) => `table ${t.name}`);
  const withBodies = hasObjectBodies(declared);
  if ((unmatched.length > 0 || withBodies) && (await isReadOnly(session))) {
    const desired = await withoutExtensionsElsewhere(session, declared);
    const compared = compareSchemas(live, desired, options.renames === undefined ? {} : { renames: options.renames });
    const operations = await annotateTypeChanges(session, target.schema, compared);
    return { live, desired, operations, notNormalized: [...unmatched, ...(withBodies ? objectNames(declared) : [])] };
  }
  const tables = await normalizeThroughPostgres(session, declared, live);
  const desired = await withoutExtensionsElsewhere(session, await normalizeObjects(session, tables));
  const compared = compareSchemas(live, desired, options.renames === undefined ? {} : { renames: options.renames });
  const operations = await annotateTypeChanges(session, target.schema, compared);
  return { live, desired, operations, notNormalized: [] };
}

/** The objects with bodies of a state, named for messages (`view v`, `function f`). */
function objectNames(state: SchemaState): string[] {
  return [
    ...(state.sequences ?? []).map((o) => `sequence ${o.name}`),
    ...(state.domains ?? []).map((o) => `domain ${o.name}`),
    ...(state.views ?? []).map((o) => `view ${o.name}`),
    ...(state.functions ?? []).map((o) => `function ${o.name}`),
    ...(state.triggers ?? []).map((o) => `trigger ${o.name}`),
  ];
}
