/**
 * `npm run bench`: the speed targets of the issues, each measured against a baseline in the same
 * run (never as a timed test). Needs the real Postgres server (WORLDDB_BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) and a built worlddb (`npm run build`).
 */
import { benchMigrations } from './migrations.js';

const sections = [benchMigrations];
for (const section of sections) {
  const lines = await section();
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
