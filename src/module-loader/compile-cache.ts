import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledModule } from './compile-typescript.js';

/**
 * Bumped whenever the compiled output would differ for the same sources (options, banner, esbuild
 * version), so that an old cache entry is never used.
 */
export const LOADER_VERSION = 'worlddb-loader-1+esbuild-0.28';

/** One cache entry: the files a compiled module was made from, with their hashes. */
interface Manifest {
  readonly version: string;
  readonly inputs: readonly (readonly [path: string, hash: string])[];
  readonly output: string;
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The manifest's file name for an entry: one per entry file and loader version. */
const manifestName = (entry: string): string => `${sha256(`${LOADER_VERSION}\0${entry}`).slice(0, 24)}.json`;

/**
 * The compiled module of `entry` from the cache folder, when every input file still has the
 * content it was compiled from; `null` otherwise. Checking costs one read and one hash per input.
 */
export async function cachedOutput(cacheDir: string, entry: string): Promise<string | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(cacheDir, manifestName(entry)), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (manifest.version !== LOADER_VERSION) return null;
  const hashes = await Promise.all(manifest.inputs.map(([path]) => readFile(path).then(sha256, () => null)));
  if (manifest.inputs.some(([, hash], i) => hashes[i] !== hash)) return null;
  return join(cacheDir, manifest.output);
}

/**
 * Stores a compiled module and its manifest. The output's name is the hash of its inputs'
 * contents, so a changed file gets a new URL (a process that imported the old one reads the new
 * one); files are written under a temporary name and renamed, so a concurrent reader never sees
 * half a file. Returns the output's path.
 */
export async function storeOutput(cacheDir: string, entry: string, compiled: CompiledModule): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const inputs = await Promise.all(compiled.inputs.map(async (path) => [path, sha256(await readFile(path))] as const));
  const output = `${sha256(`${LOADER_VERSION}\0${entry}\0${inputs.map(([, hash]) => hash).join('\0')}`).slice(0, 24)}.mjs`;
  const previous = await cachedManifest(cacheDir, entry);
  await atomicWrite(join(cacheDir, output), compiled.code);
  const manifest: Manifest = { version: LOADER_VERSION, inputs, output };
  await atomicWrite(join(cacheDir, manifestName(entry)), JSON.stringify(manifest));
  if (previous !== null && previous.output !== output) await rm(join(cacheDir, previous.output), { force: true });
  return join(cacheDir, output);
}

async function cachedManifest(cacheDir: string, entry: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(cacheDir, manifestName(entry)), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
