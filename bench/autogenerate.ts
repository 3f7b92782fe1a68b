/**
 * Benchmark of issue 3: autogenerate against a schema of 2,000 tables (10 columns, a foreign key,
 * a unique, an index and a check each) on the real server. Times the comparison of the model with
 * the database when nothing changed, and from an empty schema; counts catalog queries (at 200 and
 * at 2,000 tables); and times `pg_dump --schema-only -n bench` of the same schema in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareModel } from '../src/autogenerate/compare-model.js';
import type { SchemaTarget } from '../src/config/types.js';
import { createPgDatabase } from '../src/connection/pg-database.js';
import type { Session } from '../src/connection/types.js';
import { countQueries } from '../test/introspect/counting-queryable.js';
import { boolean, defineSchema, index, integer, jsonb, numeric, sql, table, text, timestamptz, varchar } from '../src/model/index.js';
import { adminUrl, createBenchSchema, dropDatabase, freshDatabase, median, repoRoot, seconds } from './support.js';

const TABLES = 2_000;
const RUNS = 3;

const name = (i: number): string => `t_${String(i).padStart(4, '0')}`;

/** The model of the same schema, written as a user would (`amount >= 0`, `'{}'`, `now()`). */
function benchModel(tables: number) {
  const shape = () =>
    table(
      {
        id: integer().primaryKey(),
        root_id: integer().notNull().references('root', 'id', { onDelete: 'cascade' }),
        code: text().notNull().unique(),
        label: varchar(100),
        amount: numeric(12, 2).check(sql`amount >= 0`),
        active: boolean().notNull().default(true),
        created_at: timestamptz().notNull().default(sql`now()`),
        tags: text().array().default(sql`'{}'`),
        payload: jsonb(),
        note: text(),
      },
      { indexes: [index(['label'])] },
    );
  const all: Record<string, ReturnType<typeof shape> | ReturnType<typeof table>> = { root: table({ id: integer().primaryKey() }) };
  for (let i = 0; i < tables; i++) all[name(i)] = shape();
  return defineSchema('bench', { tables: all });
}

/** The session, counting the statements sent through it. */
function counting(session: Session): { session: Session; count: () => number } {
  const counted = countQueries(session);
  return { session: { ...session, query: counted.query, exec: counted.exec }, count: counted.count };
}

const targetOf = (schema: string): SchemaTarget => ({
  schema,
  source: { model: null, migrationsDir: '' },
  versionTable: { schema, table: `${schema}_migration_version` },
});

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

/** A project whose model module declares the same tables (generated in a loop, as TypeScript), importing the built model API as a user project imports `worlddb/model`. */
async function makeProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'worlddb-bench-model-'));
  await mkdir(join(dir, 'config'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  const model = (schema: string) =>
    [
      `import { boolean, defineSchema, index, integer, jsonb, numeric, sql, table, text, timestamptz, varchar } from ${JSON.stringify(join(repoRoot, 'dist', 'model', 'index.js'))};`,
      'const shape = () => table({',
      "  id: integer().primaryKey(), root_id: integer().notNull().references('root', 'id', { onDelete: 'cascade' }),",
      '  code: text().notNull().unique(), label: varchar(100), amount: numeric(12, 2).check(sql`amount >= 0`),',
      "  active: boolean().notNull().default(true), created_at: timestamptz().notNull().default(sql`now()`),",
      "  tags: text().array().default(sql`'{}'`), payload: jsonb(), note: text(),",
      "}, { indexes: [index(['label'])] });",
      "const tables: Record<string, ReturnType<typeof table>> = { root: table({ id: integer().primaryKey() }) };",
      `for (let i = 0; i < ${TABLES}; i++) tables[\`t_\${String(i).padStart(4, '0')}\`] = shape();`,
      `export default defineSchema(${JSON.stringify(schema)}, { tables });`,
    ].join('\n');
  // One model module per schema: a model declares the schema it describes.
  await writeFile(join(dir, 'bench.ts'), model('bench'));
  await writeFile(join(dir, 'empty.ts'), model('empty'));
  await writeFile(
    join(dir, 'config', 'worlddb.config.json'),
    JSON.stringify({ schemas: { bench: { model: 'bench.ts' }, empty: { model: 'empty.ts' } } }),
  );
  return dir;
}

function timeCli(project: string, url: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'worlddb'), ...args], {
    cwd: project,
    env: { ...process.env, DATABASE_URL: url, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`worlddb ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

export async function benchAutogenerate(): Promise<string[]> {
  const db = await freshDatabase();
  const database = createPgDatabase({ url: db.url });
  try {
    const setup = await database.connect();
    try {
      await createBenchSchema(setup, 'bench', TABLES);
      await createBenchSchema(setup, 'small', 200);
      await setup.exec('CREATE SCHEMA empty; ANALYZE');
    } finally {
      await setup.release();
    }
    const model = benchModel(TABLES);
    const smallModel = benchModel(200);
    const noChange: number[] = [];
    const fromEmpty: number[] = [];
    const dumps: number[] = [];
    let queries = { small: 0, large: 0, empty: 0 };
    let operationsFromEmpty = 0;
    for (let run = 0; run < RUNS; run++) {
      const session = await database.connect();
      try {
        const large = counting(session);
        const [same, t1] = await timed(() => compareModel(large.session, targetOf('bench'), model));
        if (same.operations.length !== 0) throw new Error(`expected no change, got ${same.operations.length} operations`);
        noChange.push(t1);
        const small = counting(session);
        await compareModel(small.session, targetOf('small'), smallModel);
        const empty = counting(session);
        const [created, t2] = await timed(() => compareModel(empty.session, targetOf('empty'), model));
        operationsFromEmpty = created.operations.length;
        fromEmpty.push(t2);
        queries = { small: small.count(), large: large.count(), empty: empty.count() };
      } finally {
        await session.release();
      }
      const start = process.hrtime.bigint();
      const dump = spawnSync('pg_dump', ['--schema-only', '-n', 'bench', '-f', '/dev/null', db.url], { encoding: 'utf8' });
      if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`);
      dumps.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    const project = await makeProject();
    const cliNoChange: number[] = [];
    const cliFromEmpty: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      cliNoChange.push(timeCli(project, db.url, ['revision', '--autogenerate', '--schema', 'bench', '-m', 'none']));
      cliFromEmpty.push(timeCli(project, db.url, ['revision', '--autogenerate', '--schema', 'empty', '-m', 'all', '--sql']));
    }
    const dump = median(dumps);
    const ratio = (value: number): string => `ratio ${(value / dump).toFixed(2)}x`;
    return [
      `## autogenerate, ${TABLES} tables in one schema (real server ${new URL(adminUrl).host}, median of ${RUNS})`,
      `pg_dump --schema-only -n bench (baseline)   ${seconds(dump)}`,
      `compareModel in-process:`,
      `  no change                                 ${seconds(median(noChange))}   ${ratio(median(noChange))}   (target < 1 s)`,
      `  from an empty schema (${operationsFromEmpty} operations)  ${seconds(median(fromEmpty))}   ${ratio(median(fromEmpty))}`,
      `whole process, worlddb revision --autogenerate (loads the 2,000-table TypeScript model):`,
      `  no change                                 ${seconds(median(cliNoChange))}   ${ratio(median(cliNoChange))}`,
      `  from an empty schema, --sql               ${seconds(median(cliFromEmpty))}   ${ratio(median(cliFromEmpty))}`,
      `database round trips: ${queries.small} at 200 tables, ${queries.large} at ${TABLES} tables (no change), ${queries.empty} from empty`,
    ];
  } finally {
    await database.close();
    await dropDatabase(db.name);
  }
}
