/**
 * Benchmark of issue 2: apply 500 one-statement migrations to one schema on the real server,
 * then run `migrate` again with nothing pending; in the same run, `psql -f` of the same 500
 * statements (autocommit) is the floor. Prints times and ratios.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminUrl, dropDatabase, freshDatabase, median, repoRoot, seconds } from './support.js';

const COUNT = 500;
const RUNS = 3;

function statement(i: number): string {
  return `CREATE TABLE t_${String(i).padStart(4, '0')} (id integer PRIMARY KEY, label text)`;
}

async function makeProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'worlddb-bench-'));
  const migrations = join(dir, 'migrations', 'bench');
  await mkdir(migrations, { recursive: true });
  await mkdir(join(dir, 'config'));
  await writeFile(join(dir, 'config', 'worlddb.config.json'), JSON.stringify({ schemas: { bench: {} } }));
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < COUNT; i++) {
    const stamp = new Date(base + i * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
    await writeFile(join(migrations, `${stamp}_t${i}.sql`), `-- worlddb:up\n${statement(i)};\n-- worlddb:down\nDROP TABLE t_${String(i).padStart(4, '0')};\n`);
  }
  await writeFile(join(dir, 'all.sql'), `CREATE SCHEMA bench;\nSET search_path TO bench;\n${Array.from({ length: COUNT }, (_, i) => `${statement(i)};`).join('\n')}\n`);
  return dir;
}

function timeCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

export async function benchMigrations(): Promise<string[]> {
  const project = await makeProject();
  const worlddb = join(repoRoot, 'bin', 'worlddb');
  const floors: number[] = [];
  const applies: number[] = [];
  const noops: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const psqlDb = await freshDatabase();
    floors.push(timeCommand('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', join(project, 'all.sql'), psqlDb.url], project, process.env));
    await dropDatabase(psqlDb.name);

    const db = await freshDatabase();
    const env = { ...process.env, DATABASE_URL: db.url, NO_COLOR: '1' };
    applies.push(timeCommand(process.execPath, [worlddb, 'migrate', '--all'], project, env));
    noops.push(timeCommand(process.execPath, [worlddb, 'migrate', '--all'], project, env));
    const applied = execFileSync('psql', ['-X', '-At', '-c', 'SELECT count(*) FROM bench.bench_migration_version', db.url], { encoding: 'utf8' }).trim();
    if (applied !== String(COUNT)) throw new Error(`expected ${COUNT} applied migrations, found ${applied}`);
    await dropDatabase(db.name);
  }
  const floor = median(floors);
  const apply = median(applies);
  const noop = median(noops);
  return [
    `## ${COUNT} one-statement migrations, one schema (real server ${new URL(adminUrl).host}, median of ${RUNS})`,
    `psql -f, autocommit (floor)     ${seconds(floor)}`,
    `worlddb migrate (500 pending)   ${seconds(apply)}   ratio ${(apply / floor).toFixed(2)}x  (target <= 2x)`,
    `worlddb migrate (none pending)  ${seconds(noop)}   whole process (target < 0.200 s)`,
  ];
}
