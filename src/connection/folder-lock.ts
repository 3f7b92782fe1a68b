import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { ConnectionError, describeCause, LockTimeoutError } from '../errors.js';

/** Releases a lock taken by {@link lockFolder}. */
export type ReleaseLock = () => Promise<void>;

export interface FolderLockProps {
  /** The folder to protect (it need not exist yet). */
  readonly folder: string;
  /** How long to wait for another process to let go, in ms. 0 refuses at once. */
  readonly timeoutMs: number;
  /** What the folder is, for the message (e.g. `embedded database .worlddb/pglite`). */
  readonly label: string;
  /** Told once when the lock is held by another process and this one starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
}

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

/**
 * Takes an exclusive, cross-process lock on a folder: PGlite takes none itself, and two processes
 * opening the same data folder would corrupt it.
 *
 * The lock is a file `<folder>.lock`, created exclusively, holding the owner's pid and host. It is
 * held for as long as the owner lives, however long its statements take: PGlite runs statements
 * on the main thread, so a lock kept alive by a timer (mtime heartbeats) would go stale during a
 * long migration and be taken over while the folder is in use. A lock whose owner process is gone
 * (same host, pid not running) is stale and taken over: renamed away first, so that of two
 * processes finding the same stale lock only one removes it.
 *
 * @throws LockTimeoutError when another live process holds the lock past `timeoutMs`.
 * @example
 * const release = await lockFolder({ folder: '/p/.worlddb/pglite', timeoutMs: 60_000, label: 'embedded database .worlddb/pglite' });
 * try { ... } finally { await release(); }
 */
export async function lockFolder(props: FolderLockProps): Promise<ReleaseLock> {
  const lockFile = `${props.folder}.lock`;
  await mkdir(dirname(props.folder), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname() };
  const content = `${me.pid}\n${me.host}\n`;
  const deadline = Date.now() + props.timeoutMs;
  let told = false;
  for (;;) {
    if (await tryCreate(lockFile, content)) {
      return async () => {
        // Remove it only if it is still ours.
        const holder = await readHolder(lockFile);
        if (typeof holder === 'object' && holder.pid === me.pid && holder.host === me.host) await unlink(lockFile).catch(() => undefined);
      };
    }
    const holder = await readHolder(lockFile);
    if (holder === 'missing') continue; // released in between: try again
    if (holder !== 'unreadable' && holder.host === me.host && !isRunning(holder.pid)) {
      await removeStale(lockFile, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder === 'unreadable' ? 'an unknown process' : `pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}`;
      throw new LockTimeoutError(
        `${props.label} is in use by another worlddb process (${who}; waited ${(props.timeoutMs / 1000).toFixed(1)} s)`,
        { hint: `wait for it to finish, or raise --lock-timeout; if no such process runs, delete ${lockFile}` },
      );
    }
    if (!told && holder !== 'unreadable') {
      told = true;
      props.onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Creates the lock file with its content in one step: written under a name of its own, then
 * hard-linked to the lock's name, which fails if a lock exists. A lock file is never seen empty.
 */
async function tryCreate(lockFile: string, content: string): Promise<boolean> {
  const own = `${lockFile}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(own, content, { flag: 'wx' });
    await link(own, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ConnectionError(`cannot create lock file ${lockFile}: ${describeCause(error)}`, {
      hint: 'check that the folder is writable',
      cause: error,
    });
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

async function readHolder(lockFile: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  const [pid, host] = text.split('\n');
  const parsed = Number(pid);
  if (!Number.isInteger(parsed) || parsed <= 0 || host === undefined || host === '') return 'unreadable';
  return { pid: parsed, host };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a stale lock away. Renaming is atomic: if two processes find the same stale lock, one
 * rename succeeds. If what was renamed turns out not to be the stale lock (a new owner created it
 * in between), it is put back, unless yet another lock exists by then.
 */
async function removeStale(lockFile: string, stale: LockHolder): Promise<void> {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockFile, aside);
  } catch {
    return; // someone else took it away first
  }
  const moved = await readHolder(aside);
  if (typeof moved === 'object' && (moved.pid !== stale.pid || moved.host !== stale.host)) {
    await link(aside, lockFile).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
