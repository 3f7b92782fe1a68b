/**
 * `npm run bench`: the speed targets of the issues, each measured against a baseline in the same
 * run (never as a timed test). Needs the real Postgres server (WORLDDB_BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres); builds worlddb first (the CLI runs from dist/).
 * `npm run bench -- migrations` (or introspect, autogenerate, lint, pull) runs one section. The lint
 * section needs no database.
 */
import { benchAutogenerate } from './autogenerate.js';
import { benchIntrospect } from './introspect.js';
import { benchLint } from './lint.js';
import { benchMigrations } from './migrations.js';
import { benchPull } from './pull.js';

const sections: Record<string, () => Promise<string[]>> = {
  migrations: benchMigrations,
  introspect: benchIntrospect,
  autogenerate: benchAutogenerate,
  lint: benchLint,
  pull: benchPull,
};
const chosen = process.argv.slice(2);
for (const [name, section] of Object.entries(sections)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  const lines = await section();
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
