/**
 * Reads a migration folder: which files are migrations, in which order, with which checksum.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MigrationFileError } from '../errors.js';
import { checksum } from './checksum.js';
import { displayPath } from './display-path.js';
import { classifyFileName, compareMigrationNames, FILE_NAME_FORMAT } from './file-name.js';
import type { MigrationFileName } from './file-name.js';
import type { MigrationFileEntry } from './types.js';

/**
 * Lists the migrations of a folder in the order they run, each read once and checksummed.
 *
 * Files that are not migrations (other extensions, `.d.ts`, names starting with `.` or `_`,
 * folders) are ignored. A missing folder is an empty list: a schema may have no migration yet.
 *
 * @throws MigrationFileError for a `.sql`/`.ts`/`.js` file whose name is not
 *   `<YYYYMMDDHHMMSS>_<slug>.<ext>`, and for two files with the same name but different extensions.
 *
 * @example
 * const files = await listMigrationFiles('/project/migrations/asia');
 * files.map((f) => f.name) // => ['20261126154200_create_countries', '20261127090000_add_languages']
 */
export async function listMigrationFiles(dir: string): Promise<MigrationFileEntry[]> {
  const names = await scanMigrationFolder(dir, 'strict');
  // Synchronous reads on purpose: for hundreds of small files they are several times faster than
  // fs/promises (no thread-pool round trip per file), and "nothing pending" must stay fast.
  return names.map((file) => {
    const filePath = path.join(dir, `${file.name}${file.extension}`);
    const bytes = readMigrationBytes(filePath);
    return {
      name: file.name,
      path: filePath,
      extension: file.extension,
      checksum: checksum(bytes),
      text: utf8Text(filePath, bytes),
    };
  });
}

/**
 * The migration file names of a folder, sorted, without reading the files. In `'lenient'` mode
 * badly named files are skipped instead of refused (used when creating a new file, which should
 * not fail because of an unrelated file).
 */
export async function scanMigrationFolder(
  dir: string,
  mode: 'strict' | 'lenient',
): Promise<MigrationFileName[]> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return [];
    if (isNodeError(error) && error.code === 'ENOTDIR') {
      throw new MigrationFileError(dir, `migration folder ${displayPath(dir)} is not a folder`, {
        hint: 'point the schema\'s "migrations" setting at a folder',
      });
    }
    throw error;
  }
  const found: MigrationFileName[] = [];
  const byName = new Map<string, string>();
  for (const entry of entries) {
    const classified = classifyFileName(entry.name);
    if (classified === 'ignore') continue;
    const filePath = path.join(dir, entry.name);
    if (!(entry.isFile() || entry.isSymbolicLink())) {
      // A folder named like a migration is a mistake, not something to skip silently.
      if (mode === 'strict' && typeof classified !== 'string' && entry.isDirectory()) {
        throw new MigrationFileError(filePath, `${displayPath(filePath)} is a folder, not a migration file`, {
          hint: 'rename or move it: names ending in .sql, .ts or .js in a migration folder are migration files',
        });
      }
      continue;
    }
    if (typeof classified === 'string') {
      if (mode === 'lenient') continue;
      throw new MigrationFileError(filePath, `migration file ${displayPath(filePath)} ${classified}`, {
        hint: `name migration files ${FILE_NAME_FORMAT}; files starting with "_" or "." are ignored`,
      });
    }
    const other = byName.get(classified.name);
    if (other !== undefined) {
      if (mode === 'lenient') continue;
      throw new MigrationFileError(
        filePath,
        `two migration files have the name ${classified.name}: ${displayPath(path.join(dir, other))} and ${displayPath(filePath)}`,
        { hint: 'a migration is one file; delete or rename one of them' },
      );
    }
    byName.set(classified.name, entry.name);
    found.push(classified);
  }
  return found.sort((a, b) => compareMigrationNames(a.name, b.name));
}

/** The bytes of a migration file; an unreadable one (no permission, a symlink loop) is named. */
function readMigrationBytes(filePath: string): Buffer {
  try {
    return readFileSync(filePath);
  } catch (error) {
    const code = isNodeError(error) ? error.code : undefined;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'a symbolic link that loops' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'a broken symbolic link' : String(code ?? error);
    throw new MigrationFileError(filePath, `cannot read migration file ${displayPath(filePath)}: ${why}`, {
      hint: 'make it a readable file, or move it out of the migration folder',
      cause: error,
    });
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a migration file, which must be UTF-8: any other encoding would change its SQL silently. */
function utf8Text(filePath: string, bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    throw new MigrationFileError(filePath, `migration file ${displayPath(filePath)} is not UTF-8 text`, {
      hint: 'save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
      cause: error,
    });
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
