import { randomBytes } from 'node:crypto';
import type { Session } from '../connection/types.js';
import { compareSchemas } from '../diff/index.js';
import { describeCause, ModelError } from '../errors.js';
import { introspectSchema } from '../introspect/introspect-schema.js';
import { readExtensions } from '../introspect/read-extensions.js';
import { describeOperation } from '../ops/describe.js';
import type { Operation } from '../ops/operation.js';
import { renderOperation } from '../render/index.js';
import type { SchemaObjects } from '../schema/object-types.js';
import type { SchemaState } from '../schema/types.js';
import { quoteIdent } from '../sql/quote.js';
import { retargetState } from './retarget-state.js';

/** Runs `sql` inside a savepoint: the error it raised (the transaction still usable), or null. */
async function tryStatement(session: Session, sql: string): Promise<unknown> {
  await session.exec('SAVEPOINT worlddb_object');
  try {
    await session.exec(sql);
    await session.exec('RELEASE SAVEPOINT worlddb_object');
    return null;
  } catch (cause) {
    await session.exec('ROLLBACK TO SAVEPOINT worlddb_object');
    return cause;
  }
}

function refused(schema: string, op: Operation, cause: unknown): ModelError {
  const what = describeOperation(op, schema).replace(/^[+~-] /, '');
  return new ModelError(`Postgres refuses the model's ${what}: ${describeCause(cause)}`, {
    hint: 'fix the SQL of that object in the model (a view query, a function body, a trigger, a domain check)',
    cause,
  });
}

/** True when the state has objects whose text Postgres must normalise (extensions need none). */
/** True when `state` has objects whose bodies Postgres normalises (sequences, domains, views, functions, triggers). */
export function hasObjectBodies(state: SchemaState): boolean {
  return [state.sequences, state.domains, state.views, state.functions, state.triggers].some((list) => (list ?? []).length > 0);
}

/**
 * The objects that tables may use while they are normalised by themselves (normalize-model.ts
 * creates tables under neutral names): domains, functions, extensions, and sequences without
 * their owner (the owning table is not there under its own name).
 */
export function objectsForTables(declared: SchemaState): SchemaObjects {
  return {
    domains: declared.domains ?? [],
    functions: declared.functions ?? [],
    extensions: declared.extensions ?? [],
    sequences: (declared.sequences ?? []).map((s) => ({ ...s, ownedBy: null })),
  };
}

/**
 * SQL that opens the transaction of a scratch schema: bodies of functions are not checked when
 * they are created (as pg_dump does), because a function may read tables created after it.
 * `search_path` is the scratch schema, then (when `schema` is given) the schema it copies, then
 * `public`.
 */
export function scratchBegin(scratch: string, schema: string | null): string {
  const path = [scratch, ...(schema === null ? [] : [schema])].map(quoteIdent).join(', ');
  return `BEGIN; CREATE SCHEMA ${quoteIdent(scratch)}; SET LOCAL search_path TO ${path}, public; SET LOCAL check_function_bodies = off;`;
}

/**
 * The declared sequences, domains, views, functions and triggers of `declared` exactly as
 * Postgres stores them: the whole declared schema (its tables already normalised) is created in
 * a scratch schema, inside a transaction that is always rolled back, and these objects are read
 * back from the catalog (`pg_get_viewdef`, `pg_get_functiondef`, `pg_get_triggerdef`, ...). Bodies
 * then compare equal with the live catalog whenever Postgres would store them equally, whatever
 * their spacing, case or qualification as written. Nothing is left behind. A state without such
 * objects is returned as it is.
 *
 * `session` must not be inside a transaction.
 *
 * @throws ModelError naming the object Postgres refuses (an unknown table in a view, a function
 *   body of another language, ...).
 * @example
 * const desired = await normalizeObjects(session, await normalizeThroughPostgres(session, declared, live));
 */
export async function normalizeObjects(session: Session, declared: SchemaState): Promise<SchemaState> {
  if (!hasObjectBodies(declared)) return declared;
  const scratch = `worlddb_scratch_${randomBytes(6).toString('hex')}`;
  const state = retargetState(declared, scratch);
  const ops = compareSchemas({ name: scratch, tables: [], enums: [] }, state);
  const statements = ops.map((op) => ({ op, sql: renderOperation(op, { schema: scratch }).map((s) => `${s};`).join('\n') }));
  // The live schema is not on the path: a view must read the scratch copy of a view declared
  // after it, never the live one of the same name (the model declares every object it uses).
  const begin = scratchBegin(scratch, null);
  try {
    try {
      await session.exec(`${begin}\n${statements.map((s) => s.sql).join('\n')}`);
    } catch {
      // One statement at a time: views that read views declared after them are put off until
      // those exist (the model says nothing of their order); any other refusal names its object.
      await session.exec('ROLLBACK');
      await session.exec(begin);
      let pending = statements;
      for (;;) {
        const failed: { op: Operation; sql: string; cause: unknown }[] = [];
        for (const { op, sql } of pending) {
          const cause = await tryStatement(session, sql);
          if (cause === null) continue;
          if (op.kind !== 'createView') throw refused(declared.name, op, cause);
          failed.push({ op, sql, cause });
        }
        const [first] = failed;
        if (first === undefined) break;
        if (failed.length === pending.length) throw refused(declared.name, first.op, first.cause);
        pending = failed;
      }
    }
    const read = await introspectSchema(session, scratch, { alsoVisible: [declared.name] });
    const unscratch = retargetState(read, declared.name);
    return {
      ...declared,
      sequences: unscratch.sequences ?? [],
      domains: unscratch.domains ?? [],
      views: unscratch.views ?? [],
      functions: unscratch.functions ?? [],
      triggers: unscratch.triggers ?? [],
      dependencies: (unscratch.dependencies ?? []).map((d) => (d.schema === scratch ? { ...d, schema: declared.name } : d)),
    };
  } finally {
    await session.exec('ROLLBACK').catch(() => undefined);
  }
}

/**
 * `desired` without the extensions it needs that are installed in another schema already: those
 * are there for the schema to use, and creating them again would do nothing.
 *
 * @example
 * const desired = await withoutExtensionsElsewhere(session, normalized);
 */
export async function withoutExtensionsElsewhere(session: Session, desired: SchemaState): Promise<SchemaState> {
  if ((desired.extensions ?? []).length === 0) return desired;
  const elsewhere = new Set((await readExtensions(session, null)).filter((e) => e.schema !== desired.name).map((e) => e.name));
  return { ...desired, extensions: (desired.extensions ?? []).filter((e) => !elsewhere.has(e.name)) };
}
