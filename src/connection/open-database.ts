import { relative } from 'node:path';
import type { DatabaseSettings } from '../config/types.js';
import type { LockHolder } from './folder-lock.js';
import type { Database } from './types.js';

export interface OpenDatabaseOptions {
  /** How long to wait for another process holding the embedded database folder. */
  readonly lockTimeoutMs: number;
  /** Folder that relative labels are computed from (the project root). */
  readonly rootDir?: string;
  /** Told when a new embedded database is about to be created. */
  readonly onCreate?: (dataDir: string) => void;
  /** Told when another process holds the embedded database and this one starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
}

/**
 * Opens the database the settings name: the Postgres server at `settings.url`, or else the
 * embedded PGlite folder `settings.dataDir`. Nothing is connected until the first session.
 */
export async function openDatabase(settings: DatabaseSettings, options: OpenDatabaseOptions): Promise<Database> {
  // Each kind loads only its own driver: start-up time counts for every command.
  if (settings.url !== null) {
    const { createPgDatabase } = await import('./pg-database.js');
    return createPgDatabase({ url: settings.url });
  }
  const { openPgliteDatabase } = await import('./pglite-database.js');
  const label = options.rootDir === undefined ? settings.dataDir : relative(options.rootDir, settings.dataDir) || '.';
  return openPgliteDatabase({
    dataDir: settings.dataDir,
    label,
    lockTimeoutMs: options.lockTimeoutMs,
    ...(options.onCreate === undefined ? {} : { onCreate: options.onCreate }),
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
  });
}
