/**
 * Benchmark of issue 3, introspection part: a schema of 2,000 tables (10 columns, a foreign key,
 * a unique, an index and a check each) on the real server. Times `introspectSchema` on an open
 * session (median of 3), counts its queries, and times `pg_dump --schema-only -n <schema>` of the
 * same database in the same run as the baseline.
 */
import { spawnSync } from 'node:child_process';
import { createPgDatabase } from '../src/connection/pg-database.js';
import { introspectSchema } from '../src/introspect/introspect-schema.js';
import { countQueries } from '../test/introspect/counting-queryable.js';
import { adminUrl, createBenchSchema, dropDatabase, freshDatabase, median, seconds } from './support.js';

const TABLES = 2_000;
const RUNS = 3;
const SCHEMA = 'bench';
function timePgDump(url: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync('pg_dump', ['--schema-only', '-n', SCHEMA, '-f', '/dev/null', url], { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
  return elapsed;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

export async function benchIntrospect(): Promise<string[]> {
  const target = await freshDatabase();
  const database = createPgDatabase({ url: target.url });
  try {
    const setup = await database.connect();
    try {
      await createBenchSchema(setup, SCHEMA, TABLES);
      await setup.exec('ANALYZE');
    } finally {
      await setup.release();
    }

    const fresh: number[] = [];
    const warm: number[] = [];
    const dumps: number[] = [];
    const queries = new Set<number>();
    for (let run = 0; run < RUNS; run++) {
      // A new session each run, as the CLI has: its catalog caches start empty.
      const session = await database.connect();
      try {
        const counted = countQueries(session);
        const [state, first] = await timed(() => introspectSchema(counted, SCHEMA));
        if (state.tables.length !== TABLES + 1) {
          throw new Error(`expected ${TABLES + 1} tables, introspected ${state.tables.length}`);
        }
        queries.add(counted.count());
        fresh.push(first);
        warm.push((await timed(() => introspectSchema(session, SCHEMA)))[1]);
      } finally {
        await session.release();
      }
      dumps.push(timePgDump(target.url));
    }
    const dump = median(dumps);
    const ratio = (value: number): string => `ratio ${(value / dump).toFixed(2)}x`;
    return [
      `## introspection of ${TABLES} tables, one schema (real server ${new URL(adminUrl).host}, median of ${RUNS})`,
      `pg_dump --schema-only -n ${SCHEMA} (baseline)   ${seconds(dump)}   whole process`,
      `introspectSchema, new session             ${seconds(median(fresh))}   ${ratio(median(fresh))}`,
      `introspectSchema, same session again      ${seconds(median(warm))}   ${ratio(median(warm))}`,
      `queries per introspection                  ${[...queries].join(', ')}   (same for any number of tables)`,
    ];
  } finally {
    await database.close();
    await dropDatabase(target.name);
  }
}
