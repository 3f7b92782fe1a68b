import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { LockTimeoutError } from '../errors.js';

/** Releases a lock taken by {@link lockFolder}. */
export type ReleaseLock = () => Promise<void>;

export interface FolderLockProps {
  /** The folder to protect (it need not exist yet). */
  readonly folder: string;
  /** How long to wait for another process to let go, in ms. 0 refuses at once. */
  readonly timeoutMs: number;
  /** What the folder is, for the message (e.g. `embedded database .worlddb/pglite`). */
  readonly label: string;
}

/**
 * Takes an exclusive, cross-process lock on a folder: PGlite takes none itself, and two processes
 * opening the same data folder would corrupt it. The lock is a `<folder>.lock` directory that the
 * holder touches every few seconds, so the lock of a process that died goes stale and is taken over.
 */
export async function lockFolder(props: FolderLockProps): Promise<ReleaseLock> {
  await mkdir(dirname(props.folder), { recursive: true });
  const deadline = Date.now() + props.timeoutMs;
  for (;;) {
    try {
      const release = await lockfile.lock(props.folder, {
        realpath: false,
        lockfilePath: `${props.folder}.lock`,
        stale: 10_000,
        update: 2_000,
        // A lock found compromised (clock jump, folder removed) must not crash the process mid-migration.
        onCompromised: () => undefined,
      });
      return async () => {
        await release().catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) {
        throw new LockTimeoutError(
          `${props.label} is in use by another worlddb process (waited ${Math.round(props.timeoutMs / 1000)} s)`,
          { hint: 'wait for the other process to finish, or raise --lock-timeout' },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
