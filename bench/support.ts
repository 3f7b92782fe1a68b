import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Session } from '../src/connection/types.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const adminUrl = process.env['WORLDDB_BENCH_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the bench server. */
export async function freshDatabase(): Promise<{ name: string; url: string }> {
  const name = `worlddb_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function seconds(value: number): string {
  return `${value.toFixed(3)} s`;
}

/** Tables created per statement batch: one batch is one transaction, and its locks must fit in the lock table. */
const BATCH = 100;

/** A table of the schema benchmarks: 10 columns, a foreign key, a unique, an index and a check. */
export function benchTableDdl(schema: string, i: number): string {
  const t = `t_${String(i).padStart(4, '0')}`;
  return (
    `CREATE TABLE ${schema}.${t} (id integer PRIMARY KEY, root_id integer NOT NULL REFERENCES ${schema}.root (id) ON DELETE CASCADE,` +
    ` code text NOT NULL UNIQUE, label varchar(100), amount numeric(12,2) CHECK (amount >= 0), active boolean NOT NULL DEFAULT true,` +
    ` created_at timestamptz NOT NULL DEFAULT now(), tags text[] DEFAULT '{}', payload jsonb, note text);\n` +
    `CREATE INDEX ${t}_label_idx ON ${schema}.${t} (label);`
  );
}

/** Creates `schema` with a `root` table and `tables` benchmark tables referencing it. */
export async function createBenchSchema(session: Session, schema: string, tables: number): Promise<void> {
  await session.exec(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.root (id integer PRIMARY KEY)`);
  for (let start = 0; start < tables; start += BATCH) {
    await session.exec(Array.from({ length: Math.min(BATCH, tables - start) }, (_, k) => benchTableDdl(schema, start + k)).join('\n'));
  }
}
