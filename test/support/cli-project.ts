/**
 * A throwaway worlddb project for CLI tests: a config, migration folders, and a database (a copy
 * of the prepared PGlite folder inside the project, or a new database on the real server given
 * through DATABASE_URL). Runs the CLI in-process (`run`) or as a real process (`spawn`).
 */
import { spawn as spawnProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import { openDatabase } from '../../src/connection/open-database.js';
import type { DatabaseKind } from '../../src/connection/types.js';
import { PGLITE_TEMPLATE_DIR } from './env.js';
import { createServerDatabase } from './databases.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'worlddb');
/** The model API, for model files written in test projects. */
export const MODEL_API = join(REPO_ROOT, 'src', 'model', 'index.ts');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProject {
  readonly dir: string;
  readonly kind: DatabaseKind;
  /** Environment the CLI runs with (DATABASE_URL for the server, NO_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Runs the CLI in this process. */
  run(...args: string[]): Promise<CliResult>;
  /** Runs the CLI in this process as if on a terminal, answering its questions in order (asked questions are appended to stderr as `? ...`). */
  runInteractive(answers: string[], ...args: string[]): Promise<CliResult>;
  /** Runs `bin/worlddb` as a child process. */
  spawn(args: readonly string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** Writes a file relative to the project. */
  write(path: string, text: string): Promise<void>;
  /** One query against the project's database (opens and closes it). */
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  cleanup(): Promise<void>;
}

export interface CliProjectProps {
  readonly kind: DatabaseKind;
  /** Config object written to config/worlddb.config.json. */
  readonly config: unknown;
  /** Files relative to the project root, e.g. `migrations/asia/2026..._x.sql`. */
  readonly files?: Readonly<Record<string, string>>;
  /** Copy the repository's world example (migrations, and the model in src/db importing the repository's model API). */
  readonly world?: boolean;
}

class Collector {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export async function createCliProject(props: CliProjectProps): Promise<CliProject> {
  const dir = await mkdtemp(join(tmpdir(), 'worlddb-cli-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  if (props.world === true) {
    await cp(join(REPO_ROOT, 'migrations'), join(dir, 'migrations'), { recursive: true });
    await mkdir(join(dir, 'src', 'db'), { recursive: true });
    for (const file of ['base.ts', 'asia.ts', 'europe.ts']) {
      const text = await readFile(join(REPO_ROOT, 'src', 'db', file), 'utf8');
      await writeFile(join(dir, 'src', 'db', file), text.replaceAll("'../model/index.js'", JSON.stringify(MODEL_API)));
    }
  }
  await mkdir(join(dir, 'config'), { recursive: true });
  await writeFile(join(dir, 'config', 'worlddb.config.json'), JSON.stringify(props.config, null, 2));
  for (const [path, text] of Object.entries(props.files ?? {})) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  let drop: (() => Promise<void>) | undefined;
  let url: string | null = null;
  const dataDir = join(dir, '.worlddb', 'pglite');
  if (props.kind === 'pglite') {
    await cp(PGLITE_TEMPLATE_DIR, dataDir, { recursive: true });
  } else {
    const created = await createServerDatabase();
    url = created.url;
    drop = created.drop;
  }
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...(url === null ? {} : { DATABASE_URL: url }) };

  return {
    dir,
    kind: props.kind,
    env,
    async run(...args) {
      const stdout = new Collector();
      const stderr = new Collector();
      const code = await run(args, { stdout, stderr, env, cwd: dir });
      return { code, stdout: stdout.text, stderr: stderr.text };
    },
    async runInteractive(answers, ...args) {
      const stdout = new Collector();
      const stderr = new Collector(true);
      const questions: string[] = [];
      const prompt = async (question: string): Promise<string> => {
        questions.push(question);
        return answers.shift() ?? '';
      };
      const code = await run(args, { stdout, stderr, env, cwd: dir, stdinIsTTY: true, prompt });
      stderr.text += questions.map((q) => `? ${q}\n`).join('');
      return { code, stdout: stdout.text, stderr: stderr.text };
    },
    spawn(args, extraEnv = {}) {
      return new Promise((resolve, reject) => {
        const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...extraEnv };
        if (url === null) delete childEnv['DATABASE_URL'];
        const child = spawnProcess(process.execPath, [BIN, ...args], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    async write(path, text) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
      const db = await openDatabase({ url, urlSource: url === null ? null : 'env', dataDir }, { lockTimeoutMs: 30_000 });
      try {
        const session = await db.connect();
        try {
          return (await session.query<R>(sql, params)).rows;
        } finally {
          await session.release();
        }
      } finally {
        await db.close();
      }
    },
    async cleanup() {
      await drop?.();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Lists a project folder (for assertions on created files). */
export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** The NDJSON events of a `--json` run, one object per line. */
export function jsonEvents(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The results of a `--json` run (its `result` events with status ok), in order. */
export function jsonResults<T>(stdout: string): T[] {
  return jsonEvents(stdout)
    .filter((e) => e['event'] === 'result' && e['status'] === 'ok')
    .map((e) => e['result'] as T);
}
