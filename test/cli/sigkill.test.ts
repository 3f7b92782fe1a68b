/**
 * worlddb killed with SIGKILL at seeded random points of a multi-migration run (transactional SQL,
 * no-transaction `CREATE INDEX CONCURRENTLY`, a `.ts` migration). After each kill: the version table
 * agrees with the catalog (a recorded migration's objects exist, an unrecorded transactional one's
 * do not), then `migrate` is run again, following what worlddb says for an interrupted migration
 * (`status --json` gives the exact steps), until it reaches head, where every migration is recorded
 * once, finished, and its objects exist exactly once (valid indexes, the .ts migration's rows not
 * doubled). Real processes: the kill is what is tested. Seeds are fixed, so a failure reproduces.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliProject, type CliResult, createCliProject, jsonResults } from '../support/cli-project.js';
import { advisoryLockKey } from '../../src/connection/advisory-lock.js';
import { versionTableName } from '../../src/runner/version-table.js';
import { databaseKinds } from '../support/databases.js';

const ORDERS = 10_000;

/** The migrations, in order; `rows` in items (fewer on PGlite, where everything is slower). */
const migrations = (rows: number): Readonly<Record<string, string>> => ({
  '20260101000001_items.sql': `-- worlddb:up\nCREATE TABLE items (id int PRIMARY KEY, val int NOT NULL, tag text NOT NULL);\nINSERT INTO items SELECT g, g % 1000, 't' || g FROM generate_series(1, ${rows}) g;\n`,
  '20260101000002_items_val_idx.sql': '-- worlddb:no-transaction\n-- worlddb:up\nCREATE INDEX CONCURRENTLY items_val_idx ON items (val, tag);\n',
  '20260101000003_orders.sql': '-- worlddb:up\nCREATE TABLE orders (id int PRIMARY KEY, item_id int NOT NULL REFERENCES items (id), qty int NOT NULL);\n',
  '20260101000004_seed_orders.ts': [
    "export async function up({ exec }: { exec: (sql: string) => Promise<void> }): Promise<void> {",
    '  await exec("CREATE TABLE order_notes (order_id int, note text)");',
    `  await exec("INSERT INTO orders SELECT g, g, g % 7 FROM generate_series(1, ${ORDERS}) g");`,
    '}',
    '',
  ].join('\n'),
  '20260101000005_items_tag_key.sql': '-- worlddb:no-transaction\n-- worlddb:up\nCREATE UNIQUE INDEX CONCURRENTLY items_tag_key ON items (tag);\n',
  '20260101000006_price.sql': '-- worlddb:up\nALTER TABLE items ADD COLUMN price numeric;\nUPDATE items SET price = val * 1.5 WHERE id % 10 = 0;\n',
  '20260101000007_orders_qty_idx.sql': '-- worlddb:no-transaction\n-- worlddb:up\nCREATE INDEX CONCURRENTLY orders_qty_idx ON orders (qty, item_id);\n',
  '20260101000008_summary.sql': '-- worlddb:up\nCREATE TABLE summary AS SELECT val, count(*) AS n FROM items GROUP BY val;\n',
});
const NAMES = Object.keys(migrations(0)).map((file) => file.replace(/\.(sql|ts)$/, ''));
const NO_TRANSACTION = new Set(NAMES.filter((name) => /idx|key/.test(name)));

/** What the catalog shows of each migration: true when its objects exist (indexes: valid). */
const PRESENCE_SQL = `
  SELECT to_regclass(format('%I.items', $1::text)) IS NOT NULL AS "20260101000001_items",
         EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(format('%I.items_val_idx', $1::text)) AND indisvalid) AS "20260101000002_items_val_idx",
         to_regclass(format('%I.orders', $1::text)) IS NOT NULL AS "20260101000003_orders",
         to_regclass(format('%I.order_notes', $1::text)) IS NOT NULL AS "20260101000004_seed_orders",
         EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(format('%I.items_tag_key', $1::text)) AND indisvalid) AS "20260101000005_items_tag_key",
         EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(format('%I.items', $1::text)) AND attname = 'price' AND NOT attisdropped) AS "20260101000006_price",
         EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(format('%I.orders_qty_idx', $1::text)) AND indisvalid) AS "20260101000007_orders_qty_idx",
         to_regclass(format('%I.summary', $1::text)) IS NOT NULL AS "20260101000008_summary"`;

/** A small seeded generator (mulberry32): the same kill points on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface VersionRow {
  readonly name: string;
  readonly finished: boolean;
}

for (const { kind, skip } of databaseKinds()) {
  // Fewer seeds on PGlite: every process opens the embedded database (seconds), and they take turns.
  const seeds = kind === 'postgres' ? 20 : 3;
  // Seeds run side by side on the server (each in its own schema); PGlite's processes take turns anyway.
  const parallel = kind === 'postgres' ? 4 : 1;
  const schemas = Array.from({ length: seeds }, (_, i) => `k${i}`);

  describe.skipIf(skip)(`worlddb killed with SIGKILL [${kind}]`, () => {
    let project: CliProject;
    beforeAll(async () => {
      const files: Record<string, string> = {};
      for (const [file, text] of Object.entries(migrations(kind === 'postgres' ? 50_000 : 10_000))) files[`migrations/all/${file}`] = text;
      const config = { schemas: Object.fromEntries(['calibrate', ...schemas].map((s) => [s, { migrations: 'migrations/all' }])) };
      project = await createCliProject({ kind, config, files });
    });
    afterAll(async () => {
      await project?.cleanup();
    });

    const run = (args: readonly string[]): Promise<CliResult> => project.spawn(args);

    /**
     * Starts `migrate` and kills it with SIGKILL after `delayMs`, or (`during`) `delayMs` after the
     * start of that no-transaction migration is recorded; resolves when the process is gone.
     */
    const killAfter = (schema: string, delayMs: number, during?: string): Promise<{ finished: boolean }> =>
      new Promise((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, ...project.env };
        if (kind === 'pglite') delete env['DATABASE_URL'];
        const child = spawn(process.execPath, [BIN, 'migrate', '--schema', schema], { cwd: project.dir, env, stdio: 'ignore' });
        let exited = false;
        let timer: NodeJS.Timeout | undefined;
        const kill = (): void => {
          timer = setTimeout(() => {
            if (!exited) child.kill('SIGKILL');
          }, delayMs);
        };
        if (during === undefined) kill();
        else {
          void (async () => {
            const table = `"${schema}"."${schema}_migration_version"`;
            while (!exited) {
              const [row] = await project
                .query<{ started: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE name = $1 AND NOT finished) AS started`, [during])
                .catch(() => [{ started: false }]);
              if (row?.started === true) return kill();
              await new Promise((r) => setTimeout(r, 10));
            }
          })();
        }
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          exited = true;
          clearTimeout(timer);
          resolve({ finished: signal === null && code === 0 });
        });
      });

    const versionRows = async (schema: string): Promise<VersionRow[] | null> => {
      const [found] = await project.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`"${schema}"."${schema}_migration_version"`]);
      if (found?.t === null || found?.t === undefined) return null;
      const rows = await project.query<{ name: string; finished?: boolean }>(`SELECT * FROM "${schema}"."${schema}_migration_version" ORDER BY name`);
      return rows.map((row) => ({ name: row.name, finished: row.finished !== false }));
    };

    const presence = async (schema: string): Promise<Record<string, boolean>> => (await project.query<Record<string, boolean>>(PRESENCE_SQL, [schema]))[0] ?? {};

    /**
     * Waits until the killed process's server session is gone: it runs on until it notices (within
     * client_connection_check_interval) or its statement ends, and may still commit. It holds the
     * schema's migration lock until then.
     */
    const sessionGone = async (schema: string): Promise<void> => {
      if (kind !== 'postgres') return;
      const key = advisoryLockKey(versionTableName({ schema, table: `${schema}_migration_version` }));
      for (let i = 0; i < 100; i += 1) {
        // A session of its own: the lock, when granted, goes with it.
        const [row] = await project.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [key]);
        if (row?.ok === true) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the killed process's session on ${schema} did not end`);
    };

    /** The version table agrees with the catalog, for every migration. */
    const expectConsistent = async (schema: string, seed: number): Promise<'interrupted' | 'clean'> => {
      const rows = (await versionRows(schema)) ?? [];
      const present = await presence(schema);
      let state: 'interrupted' | 'clean' = 'clean';
      for (const name of NAMES) {
        const row = rows.find((r) => r.name === name);
        const where = `seed ${seed}, ${name}: row ${JSON.stringify(row ?? null)}, objects present: ${String(present[name])}`;
        if (row?.finished === true) expect(present[name], where).toBe(true);
        else if (row !== undefined) state = 'interrupted'; // started, never finished: anything may be left; worlddb says what
        else if (!NO_TRANSACTION.has(name)) expect(present[name], where).toBe(false); // rolled back
        else expect(present[name], where).toBe(false); // no record of a start: it never began
      }
      return state;
    };

    /** Runs migrate until head, following worlddb's steps for an interrupted migration. */
    const recover = async (schema: string, seed: number): Promise<string[]> => {
      const followed: string[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const result = await run(['migrate', '--schema', schema]);
        if (result.code === 0) return followed;
        expect(result.code, `seed ${seed}: ${result.stderr}`).toBe(5);
        expect(result.stderr, `seed ${seed}`).toMatch(/^error: schema "k\d+": migration \S+ \(started [^)]+\) was interrupted/m);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        const status = await run(['status', '--schema', schema, '--json']);
        const report = jsonResults<{ interrupted: { steps: string[] }[] }>(status.stdout)[0]?.interrupted[0];
        expect(report, `seed ${seed}: status --json names the interrupted migration`).toBeDefined();
        for (const step of report?.steps ?? []) {
          followed.push(step);
          if (step.endsWith(';')) {
            await project.query(step);
          } else {
            const args = step.split(' ').slice(1); // "worlddb <command> ..." with simple schema names
            const done = await run(args);
            if (args[0] !== 'migrate') expect(done.code, `seed ${seed}: ${step}: ${done.stderr}`).toBe(0);
          }
        }
      }
      throw new Error(`seed ${seed}: not at head after 6 runs`);
    };

    it(`reaches head after a kill at any of ${seeds} seeded points, the version table matching the catalog`, async () => {
      // How long a whole run takes here: kill points are spread over it.
      const started = performance.now();
      expect((await run(['migrate', '--schema', 'calibrate'])).code).toBe(0);
      const span = (performance.now() - started) * (parallel > 1 ? 1.5 : 1.1);
      const outcomes: string[] = [];
      let interrupted = 0;
      const one = async (seed: number, schema: string): Promise<void> => {
        const next = random(seed + 1);
        // On the server, every other seed kills inside a no-transaction migration (its start seen
        // in the version table), at a random point of it; the others anywhere in the run.
        const during = kind === 'postgres' && seed % 2 === 1 ? [...NO_TRANSACTION][seed % NO_TRANSACTION.size] : undefined;
        const delay = during === undefined ? Math.round(50 + next() * span) : Math.round(next() * 150);
        const killed = await killAfter(schema, delay, during);
        await sessionGone(schema);
        const state = await expectConsistent(schema, seed);
        if (state === 'interrupted') interrupted += 1;
        const followed = await recover(schema, seed);
        const outcome = `seed ${seed}: kill at ${delay} ms${during === undefined ? '' : ` into ${during}`}${killed.finished ? ' (already done)' : ''}, ${state}${followed.length > 0 ? `, followed: ${followed.join(' / ')}` : ''}`;
        outcomes.push(outcome);

        // At head: every migration recorded once and finished, its objects there once.
        expect(await versionRows(schema), outcome).toEqual(NAMES.map((name) => ({ name, finished: true })));
        expect(Object.values(await presence(schema)), outcome).toEqual(NAMES.map(() => true));
        const [counts] = await project.query<{ orders: number; invalid: number }>(
          `SELECT (SELECT count(*)::int FROM "${schema}".orders) AS orders,
                  (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $1 AND NOT i.indisvalid) AS invalid`,
          [schema],
        );
        expect(counts, outcome).toEqual({ orders: ORDERS, invalid: 0 });
      };
      const queue = [...schemas.entries()];
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let next = queue.shift(); next !== undefined; next = queue.shift()) await one(...next);
        }),
      );
      if (process.env['SHOW_KILLS'] === '1') console.log(outcomes.join('\n'));
      // Kills land inside no-transaction migrations too.
      if (kind === 'postgres') expect(interrupted, outcomes.join('\n')).toBeGreaterThan(0);
    }, 240_000);
  });
}
