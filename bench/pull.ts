/**
 * Benchmark of issue 12: `worlddb pull` of a 2,000-table schema (10 columns, a foreign key, a
 * unique, an index and a check each), whole process, next to `pg_dump --schema-only -n` of the
 * same schema in the same run (target: at most 2x). Also times loading the written model back
 * (from the compile cache, as check and autogenerate do).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDatabase } from '../src/connection/pg-database.js';
import { createBenchSchema, dropDatabase, freshDatabase, median, repoRoot, seconds } from './support.js';

const TABLES = 2_000;
const RUNS = 3;

function timed(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

export async function benchPull(): Promise<string[]> {
  const db = await freshDatabase();
  const database = createPgDatabase({ url: db.url });
  const project = await mkdtemp(join(tmpdir(), 'worlddb-bench-pull-'));
  try {
    const setup = await database.connect();
    try {
      await createBenchSchema(setup, 'bench', TABLES);
      await setup.exec('ANALYZE');
    } finally {
      await setup.release();
    }
    await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(project, 'worlddb.config.json'), JSON.stringify({ schemas: { bench: { model: 'bench.ts' } } }));
    const env = { ...process.env, DATABASE_URL: db.url, NO_COLOR: '1' };
    const cli = join(repoRoot, 'bin', 'worlddb');
    const dumps: number[] = [];
    const pulls: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      dumps.push(timed('pg_dump', ['--schema-only', '-n', 'bench', '-f', '/dev/null', db.url], project));
      pulls.push(timed(process.execPath, [cli, 'pull', '--schema', 'bench', '--force'], project, env));
    }
    const model = await readFile(join(project, 'bench.ts'), 'utf8');
    // The written model imports worlddb/model: point it at this checkout's build to load it back.
    await writeFile(join(project, 'bench.ts'), model.replace("'worlddb/model'", JSON.stringify(join(repoRoot, 'dist', 'model', 'index.js'))));
    const checks: number[] = [];
    for (let run = 0; run < RUNS; run++) checks.push(timed(process.execPath, [cli, 'check', '--schema', 'bench'], project, env));
    const dump = median(dumps);
    const pull = median(pulls);
    return [
      `## pull, ${TABLES} tables in one schema (median of ${RUNS})`,
      `pg_dump --schema-only -n bench (baseline)   ${seconds(dump)}   whole process`,
      `worlddb pull --schema bench               ${seconds(pull)}   ratio ${(pull / dump).toFixed(2)}x   (target <= 2x; ${model.split('\n').length} lines written)`,
      `worlddb check of the pulled model         ${seconds(median(checks))}   (loads it from the compile cache after the first run)`,
    ];
  } finally {
    await database.close();
    await dropDatabase(db.name);
    await rm(project, { recursive: true, force: true });
  }
}
