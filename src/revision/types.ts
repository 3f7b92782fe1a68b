/**
 * A migration file of one migration folder, parsed but not yet run.
 */
import type { Queryable } from '../connection/types.js';
import type { MigrationExtension } from './file-name.js';

/** What a `.ts`/`.js` migration's `up` and `down` receive. */
export interface MigrationContext {
  /** Runs one statement with parameters, inside the migration's transaction (if it has one). */
  readonly query: Queryable['query'];
  /** Runs several statements at once (no parameters). */
  readonly exec: Queryable['exec'];
  /** The schema being migrated. `search_path` is set to it alone (plus the config's `searchPath`) while the migration runs. */
  readonly schema: string;
}

export type MigrationStep =
  | { readonly kind: 'sql'; readonly sql: string; /** 1-based line of the file where this SQL starts. */ readonly line: number }
  | { readonly kind: 'code'; readonly run: (context: MigrationContext) => Promise<void> };

export interface MigrationFile {
  /** Name recorded in the version table: the file name without its extension, e.g. `20261126154200_create_countries`. */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** sha256 (hex) of the file's bytes. */
  readonly checksum: string;
  /** False when the file carries the no-transaction marker. */
  readonly transactional: boolean;
  readonly up: MigrationStep;
  /** Null when the file has no down part: downgrading it is refused. */
  readonly down: MigrationStep | null;
}

/**
 * A migration file as found in its folder: named, read and checksummed, but not parsed. Listing a
 * folder gives these; only the migrations that are about to run are parsed (and, for `.ts`/`.js`,
 * imported), which keeps "nothing pending" fast.
 */
export interface MigrationFileEntry {
  /** Name recorded in the version table: the file name without its extension. */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  readonly extension: MigrationExtension;
  /** sha256 (hex) of the file's bytes. */
  readonly checksum: string;
  /** The file's text (UTF-8), read once with the checksum. */
  readonly text: string;
}
