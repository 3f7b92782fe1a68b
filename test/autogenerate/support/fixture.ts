/**
 * Fixture cases for autogenerate, run against a real catalog (PGlite and the real server).
 *
 * A case is a starting SQL (run in a fresh schema, `search_path` set to it), a model, and the
 * operations autogenerate is expected to find, written as `describeOperation` lines with the
 * schema shown as `s` (and a second fresh schema, for cross-schema references, as `o`).
 *
 * {@link runFixture} checks, for every case:
 * 1. `compareModel` gives exactly the expected operations (and the expected number of warnings);
 * 2. the generated up part applies, and comparing again finds nothing (round trip);
 * 3. the generated down part applies, and the catalog of the schema is exactly what it was right
 *    after the starting SQL (column order aside when a case says `columnOrderChanges`: a dropped
 *    column comes back at the end of its table); a second schema the case uses is never touched.
 *
 * In `'safe'` mode (test/autogenerate/safe.test.ts runs every case so) the script is the safe form
 * of `revision --autogenerate --safe`: a transactional migration plus, when it builds indexes on
 * existing tables, a no-transaction one run statement by statement; both must lint clean of the
 * rules the safe form answers, and the same round trip must hold.
 */
import { expect, it } from 'vitest';
import { compareModel, type ModelComparison } from '../../../src/autogenerate/compare-model.js';
import { revisionScript, type RevisionScript } from '../../../src/autogenerate/revision-script.js';
import { safeScript } from '../../../src/autogenerate/safe-script.js';
import { resolveLintConfig } from '../../../src/config/lint-config.js';
import { lintMigration } from '../../../src/lint/lint-migration.js';
import { loadParser } from '../../../src/lint/load-parser.js';
import { splitStatements } from '../../../src/revision/split-sql.js';
import type { SchemaTarget } from '../../../src/config/types.js';
import type { Queryable, Session } from '../../../src/connection/types.js';
import type { RenameHints } from '../../../src/diff/renames.js';
import { introspectSchema } from '../../../src/introspect/introspect-schema.js';
import type { SchemaModel } from '../../../src/model/index.js';
import { describeOperation } from '../../../src/ops/describe.js';
import type { Operation } from '../../../src/ops/operation.js';
import type { SchemaState } from '../../../src/schema/types.js';
import { quoteIdent } from '../../../src/sql/quote.js';
import { describeEachDatabase, freshName, type TestDatabase } from '../../support/databases.js';

/** The fresh schema names of one run of a case. */
export interface Names {
  /** The schema the case migrates. */
  readonly schema: string;
  /** A second schema, for references to another schema; created only when the case has `otherSql`. */
  readonly other: string;
}

type PerNames<T> = T | ((names: Names) => T);

export interface FixtureCase {
  readonly name: string;
  /** Prefix of the fresh schema's name (default `ag`), e.g. one that needs quoting. */
  readonly schemaPrefix?: string;
  /** Run first, in the second schema (`search_path` set to it). */
  readonly otherSql?: PerNames<string>;
  /** The starting SQL, run in the case's schema (`search_path` set to it, then `public`). */
  readonly sql: PerNames<string>;
  /** The model; its own schema name does not matter (compareModel retargets it). */
  readonly model: PerNames<SchemaModel>;
  readonly renames?: RenameHints;
  /** `describeOperation` lines, in order; the schema is `s`, the second schema `o`. */
  readonly expected: readonly string[];
  /** `-- WARNING:` lines expected in the up part (destructive operations). Default 0. */
  readonly warnings?: number;
  /**
   * The down part re-adds a column dropped by the up part at the end of its table (Postgres cannot
   * put a column back in its place): compare the catalog after the down part with the start
   * ignoring column order. Everything else must be exactly as at the start.
   */
  readonly columnOrderChanges?: boolean;
  /** More assertions on the first comparison and the script. */
  readonly also?: (result: FixtureResult) => void | Promise<void>;
  /** Why the case runs on the real server only (e.g. an extension PGlite does not ship); skipped on PGlite with this reason. */
  readonly serverOnly?: string;
}

export interface FixtureResult {
  readonly names: Names;
  readonly model: SchemaModel;
  readonly session: Session;
  readonly first: ModelComparison;
  readonly script: RevisionScript;
  /** The schema right after the starting SQL. */
  readonly start: SchemaState;
  /** The schema right after the up part. */
  readonly afterUp: SchemaState;
}

function resolve<T>(value: PerNames<T>, names: Names): T {
  return typeof value === 'function' ? (value as (names: Names) => T)(names) : value;
}

/** A target for `schema` with a version table `v` in it (which does not exist: nothing to leave out). */
export function targetFor(schema: string): SchemaTarget {
  return { schema, source: { model: null, migrationsDir: '' }, versionTable: { schema, table: 'v' } };
}

/** Runs `sql` in one transaction with `search_path` set to `schema`, then `public`. */
export async function runInSchema(session: Session, schema: string, sql: string): Promise<void> {
  if (sql.trim() === '') return;
  await session.transaction(async (tx: Queryable) => {
    await tx.exec(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
    await tx.exec(sql);
  });
}

/** `describeOperation` of each operation, with the fresh schema names replaced by `s` and `o`. */
export function describeAll(ops: readonly Operation[], names: Names): string[] {
  const replace = (text: string, name: string, by: string): string =>
    text.split(quoteIdent(name)).join(by).split(name).join(by);
  return ops.map((op) => replace(replace(describeOperation(op, names.schema), names.other, 'o'), names.schema, 's'));
}

function warningLines(sql: string): number {
  return sql.split('\n').filter((line) => line.startsWith('-- WARNING:')).length;
}

/** `state` with the columns of each table in name order. */
function sortColumns(state: SchemaState): SchemaState {
  return {
    ...state,
    tables: state.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) })),
  };
}

/** Holds a session of `target` for the time of `fn`. */
export async function withSession<T>(target: TestDatabase, fn: (session: Session) => Promise<T>): Promise<T> {
  const session = await target.db.connect();
  try {
    return await fn(session);
  } finally {
    await session.release();
  }
}

/**
 * Runs one case on `session` in fresh schemas (or in `names` when given): see the module comment.
 * Returns what it saw, for further assertions.
 */
export async function runFixture(session: Session, c: FixtureCase, given?: Names, mode: 'plain' | 'safe' = 'plain'): Promise<FixtureResult> {
  const names = given ?? { schema: freshName(c.schemaPrefix ?? 'ag'), other: freshName('ago') };
  const target = targetFor(names.schema);
  const exclude = [target.versionTable];
  const hasOther = c.otherSql !== undefined;
  if (hasOther) {
    await session.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(names.other)}`);
    await runInSchema(session, names.other, resolve(c.otherSql ?? '', names));
  }
  await session.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(names.schema)}`);
  await runInSchema(session, names.schema, resolve(c.sql, names));
  const start = await introspectSchema(session, names.schema, { exclude });
  const otherStart = hasOther ? await introspectSchema(session, names.other) : null;
  const model = resolve(c.model, names);

  // 1. the expected operations
  const first = await compareModel(session, target, model, c.renames === undefined ? {} : { renames: c.renames });
  expect(first.live).toEqual(start);
  expect(describeAll(first.operations, names)).toEqual(c.expected);
  const script = revisionScript(names.schema, first.operations);
  expect(warningLines(script.up), `warnings in the up part:\n${script.up}`).toBe(c.warnings ?? 0);

  const safe = mode === 'safe' ? await safeParts(names.schema, script) : null;

  // 2. up, then nothing left to do
  await runInSchema(session, names.schema, safe?.up ?? script.up).catch((error: unknown) => {
    throw new Error(`the up part fails: ${String(error)}\n${safe?.up ?? script.up}`);
  });
  if (safe?.concurrent != null) await runOneByOne(session, names.schema, safe.concurrent.up);
  const second = await compareModel(session, target, model);
  expect(describeAll(second.operations, names), `left after the up part:\n${script.up}`).toEqual([]);
  const afterUp = second.live;
  if (otherStart !== null) expect(await introspectSchema(session, names.other), 'the other schema after the up part').toEqual(otherStart);

  // 3. down, then exactly the start
  if (safe?.concurrent != null) await runOneByOne(session, names.schema, safe.concurrent.down);
  await runInSchema(session, names.schema, safe?.down ?? script.down).catch((error: unknown) => {
    throw new Error(`the down part fails: ${String(error)}\n${safe?.down ?? script.down}`);
  });
  const afterDown = await introspectSchema(session, names.schema, { exclude });
  if (c.columnOrderChanges === true) {
    expect(sortColumns(afterDown), `after the down part:\n${script.down}`).toEqual(sortColumns(start));
    expect(afterDown, 'columnOrderChanges is set, but the column order did not change').not.toEqual(start);
  } else {
    expect(afterDown, `after the down part:\n${script.down}`).toEqual(start);
  }
  if (otherStart !== null) expect(await introspectSchema(session, names.other)).toEqual(otherStart);

  const result: FixtureResult = { names, model, session, first, script, start, afterUp };
  await c.also?.(result);
  return result;
}

/** Rules the safe form answers: its output must never be flagged by them. */
const SAFE_RULES = ['create-index-concurrently', 'concurrently-in-transaction', 'constraint-not-valid', 'set-not-null', 'require-lock-timeout'];

/** The safe form of `script`, checked to lint clean of {@link SAFE_RULES} (from the SQL alone). */
async function safeParts(schema: string, script: RevisionScript): Promise<ReturnType<typeof safeScript>> {
  const parse = await loadParser();
  const safe = safeScript(parse, script.up, script.down);
  const settings = resolveLintConfig(undefined);
  const files = [`-- worlddb:up\n${safe.up}\n`, ...(safe.concurrent === null ? [] : [`-- worlddb:no-transaction\n-- worlddb:up\n${safe.concurrent.up}\n`])];
  const columnTypes = new Map();
  for (const text of files) {
    const findings = lintMigration({ path: '/safe.sql', shown: 'safe.sql', text, schema }, { parse, settings, live: null, runnerLockTimeout: false, columnTypes });
    expect(findings.filter((f) => SAFE_RULES.includes(f.rule)).map((f) => `${f.rule}: ${f.message}`), text).toEqual([]);
  }
  return safe;
}

/** Runs each statement on its own, outside a transaction, as a no-transaction migration runs. */
async function runOneByOne(session: Session, schema: string, sql: string): Promise<void> {
  await session.exec(`SET search_path TO ${quoteIdent(schema)}, public`);
  try {
    for (const statement of splitStatements(sql)) {
      await session.exec(statement.text).catch((error: unknown) => {
        throw new Error(`the no-transaction part fails: ${String(error)}\n${statement.text}`);
      });
    }
  } finally {
    await session.exec('RESET search_path');
  }
}

/**
 * One `describe` per database (PGlite and the real server, one database per file), one test per
 * case, each in fresh schemas.
 */
export function describeFixtures(title: string, cases: readonly FixtureCase[]): void {
  if (collecting !== null) {
    collecting.push(...cases.map((c) => ({ ...c, name: `${title}: ${c.name}` })));
    return;
  }
  describeEachDatabase(title, (database) => {
    for (const c of cases) {
      it(c.name, async (context) => {
        skipOnPglite(context, database(), c);
        await withSession(database(), (session) => runFixture(session, c));
      });
    }
  });
}

let collecting: FixtureCase[] | null = null;

/** Skips a {@link FixtureCase.serverOnly} case on PGlite, saying why. */
export function skipOnPglite(context: { skip: (note?: string) => never }, database: TestDatabase, c: FixtureCase): void {
  if (c.serverOnly !== undefined && database.kind === 'pglite') context.skip(`real server only: ${c.serverOnly}`);
}

/**
 * The cases of fixture files, imported by `load` while `describeFixtures` collects instead of
 * describing (for tests that reuse every case's starting SQL, such as pull's).
 */
export async function collectFixtureCases(load: () => Promise<unknown>): Promise<FixtureCase[]> {
  const cases: FixtureCase[] = [];
  collecting = cases;
  try {
    await load();
  } finally {
    collecting = null;
  }
  return cases;
}
