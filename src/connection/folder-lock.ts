import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  /**
   * Identity of the holding process beyond its pid, when the lock file has it (lock files written
   * by older versions do not): the machine's boot id, the process's start time (clock ticks since
   * boot, `/proc/<pid>/stat` field 22) and a random token of the lock itself.
   */
  readonly identity?: HolderIdentity;
}

/** See {@link LockHolder.identity}. Boot id and start time are null where `/proc` does not give them. */
export interface HolderIdentity {
  readonly bootId: string | null;
  readonly startTime: string | null;
  readonly token: string;
}

/** Tokens of the locks this process holds now: a lock file with our pid and another token is stale. */
const heldTokens = new Set<string>();

/**
 * Takes an exclusive, cross-process lock on a folder: PGlite takes none itself, and two processes
 * opening the same data folder would corrupt it.
 *
 * The lock is a file `<folder>.lock`, created exclusively, holding the owner's pid and host, the
 * machine's boot id, the owner's start time and a random token (see {@link isStale}). It is
 * held for as long as the owner lives, however long its statements take: PGlite runs statements
 * on the main thread, so a lock kept alive by a timer (mtime heartbeats) would go stale during a
 * long migration and be taken over while the folder is in use. A lock whose owner process is gone
 * (same host, and its pid not running or now another process) is stale and taken over: renamed
 * away first, so that of two
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
  const identity: HolderIdentity = {
    bootId: readBootId(),
    startTime: readStartTime(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  const me: LockHolder = { pid: process.pid, host: hostname(), identity };
  const content = formatHolder(me);
  const deadline = Date.now() + props.timeoutMs;
  let told = false;
  for (;;) {
    if (await tryCreate(lockFile, content)) {
      heldTokens.add(identity.token);
      return async () => {
        heldTokens.delete(identity.token);
        // Remove it only if it is still ours.
        const holder = await readHolder(lockFile);
        if (typeof holder === 'object' && sameHolder(holder, me)) await unlink(lockFile).catch(() => undefined);
      };
    }
    const holder = await readHolder(lockFile);
    if (holder === 'missing') continue; // released in between: try again
    if (holder !== 'unreadable' && holder.host === me.host && isStale(holder, identity)) {
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
  const [pid, host, bootId, startTime, token] = text.split('\n');
  const parsed = Number(pid);
  if (!Number.isInteger(parsed) || parsed <= 0 || host === undefined || host === '') return 'unreadable';
  if (token === undefined || token === '') return { pid: parsed, host };
  const known = (value: string | undefined): string | null => (value === undefined || value === '' || value === '-' ? null : value);
  return { pid: parsed, host, identity: { bootId: known(bootId), startTime: known(startTime), token } };
}

/** The lock file's text: pid, host, boot id, start time, token, one per line (`-` for unknown). */
function formatHolder(holder: LockHolder): string {
  const id = holder.identity;
  const lines = [String(holder.pid), holder.host];
  if (id !== undefined) lines.push(id.bootId ?? '-', id.startTime ?? '-', id.token);
  return `${lines.join('\n')}\n`;
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.identity?.token === b.identity?.token;
}

/**
 * Whether a lock written on this host is left over from a process that is gone. A pid alone is not
 * enough after a crash: pids are reused, by another program (or by this very process, e.g. pid 1
 * in a container). So the lock is stale when the machine has rebooted since (another boot id),
 * when its pid is ours but the lock is not one this process holds, when nothing runs with its
 * pid, or when the process with its pid started at another time than the one that wrote it.
 * A lock file without that identity (older versions) falls back to the pid test.
 */
function isStale(holder: LockHolder, mine: HolderIdentity): boolean {
  const id = holder.identity;
  if (id !== undefined && id.bootId !== null && mine.bootId !== null && id.bootId !== mine.bootId) return true;
  if (holder.pid === process.pid) return id !== undefined && !heldTokens.has(id.token);
  if (!isRunning(holder.pid)) return true;
  if (id === undefined || id.startTime === null) return false;
  const now = readStartTime(holder.pid);
  return now !== null && now !== id.startTime;
}

/** The boot id of this machine (Linux), or null. */
function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * When process `pid` started, in clock ticks since boot: field 22 of `/proc/<pid>/stat` (Linux), or
 * null. The fields are counted after the command name's closing parenthesis, since the name itself
 * may hold spaces and parentheses.
 */
export function readStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name, field 3 (state) comes first: field 22 is at index 22 - 3.
    const value = fields[22 - 3];
    return value !== undefined && /^\d+$/.test(value) ? value : null;
  } catch {
    return null;
  }
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
  if (typeof moved === 'object' && !sameHolder(moved, stale)) {
    await link(aside, lockFile).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
