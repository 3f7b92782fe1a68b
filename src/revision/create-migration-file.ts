/**
 * `worlddb revision`: writes a new, empty migration file with the right name and template.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from './display-path.js';
import { formatTimestamp, parseTimestamp, slugify } from './file-name.js';
import { scanMigrationFolder } from './list-migration-files.js';
import { SQL_MARKERS } from './parse-sql-migration.js';

/** Input of {@link createMigrationFile}. */
export interface CreateMigrationFileProps {
  /** What the migration does; becomes the file name's slug and a header comment. */
  readonly message: string;
  /** The clock: the file's timestamp prefix is this time in UTC (seconds). */
  readonly now: Date;
  /** `.sql` (default) or a `.ts` code migration. */
  readonly format?: 'sql' | 'ts';
  /** SQL (or, for `ts`, statements of the function body) to put in the up part. Default: a placeholder comment. */
  readonly up?: string;
  /** Same for the down part. */
  readonly down?: string;
  /** For `sql`: write the `-- worlddb:no-transaction` marker (the migration runs outside a transaction). */
  readonly noTransaction?: boolean;
}

/**
 * Creates `<dir>/<YYYYMMDDHHMMSS>_<slug>.<sql|ts>` and returns its absolute path. Creates the
 * folder if needed. The timestamp is `now` in UTC, moved on by whole seconds when needed so that
 * the new file sorts after every existing migration of the folder.
 *
 * @throws UsageError when the message gives an empty slug, or when the file already exists.
 * @example
 * await createMigrationFile('migrations/asia', { message: 'add languages', now: new Date() })
 * // => '/project/migrations/asia/20261126154200_add_languages.sql'
 */
export async function createMigrationFile(dir: string, props: CreateMigrationFileProps): Promise<string> {
  const slug = slugify(props.message);
  if (slug === '') {
    throw new UsageError(`the message ${JSON.stringify(props.message)} has no letters or digits to name a file with`, {
      hint: 'pass a message such as -m "add languages"',
    });
  }
  const format = props.format ?? 'sql';
  const existing = await scanMigrationFolder(dir, 'lenient');
  let time = Math.floor(props.now.getTime() / 1000) * 1000;
  const newest = existing.at(-1);
  const newestTime = newest === undefined ? null : parseTimestamp(newest.timestamp)?.getTime() ?? null;
  if (newestTime !== null && time <= newestTime) time = newestTime + 1000;
  const created = new Date(time);
  const file = path.resolve(dir, `${formatTimestamp(created)}_${slug}.${format}`);
  const text = format === 'sql' ? sqlTemplate(props, created) : tsTemplate(props, created);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      throw new UsageError(`migration file ${displayPath(file)} already exists`, {
        hint: 'run the command again a second later, or choose another message',
      });
    }
    throw error;
  }
  return file;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function createdLine(created: Date): string {
  return `Created ${created.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')} by worlddb revision.`;
}

function sqlTemplate(props: CreateMigrationFileProps, created: Date): string {
  const body = (text: string | undefined, placeholder: string): string =>
    text === undefined || text.trim() === '' ? `${placeholder}\n` : `${text.replace(/\s+$/, '')}\n`;
  return [
    `-- ${oneLine(props.message)}`,
    `-- ${createdLine(created)}`,
    '--',
    `-- The SQL after "${SQL_MARKERS.up}" runs on migrate, the SQL after "${SQL_MARKERS.down}" on`,
    '-- downgrade; a down part without statements counts as missing and downgrading is refused.',
    '-- Unqualified names resolve to the schema being migrated. To run outside a transaction',
    `-- (CREATE INDEX CONCURRENTLY), add a line "${SQL_MARKERS.noTransaction}" above the up marker.`,
    '',
    ...(props.noTransaction === true ? [SQL_MARKERS.noTransaction] : []),
    SQL_MARKERS.up,
    body(props.up, '-- Write the SQL that applies this migration here.'),
    SQL_MARKERS.down,
    body(props.down, '-- Write the SQL that reverts it here.'),
  ].join('\n');
}

function tsTemplate(props: CreateMigrationFileProps, created: Date): string {
  const comment = oneLine(props.message).replace(/\*\//g, '*\\/');
  const indent = (text: string): string =>
    text
      .replace(/\s+$/, '')
      .split('\n')
      .map((line) => (line.trim() === '' ? '' : `  ${line}`))
      .join('\n');
  const hasDown = props.down !== undefined && props.down.trim() !== '';
  const up = props.up !== undefined && props.up.trim() !== '' ? indent(props.up) : "  // await query('UPDATE countries SET name = $1 WHERE country_id = $2', ['Japan', 1]);";
  const down = hasDown
    ? ['export async function down({ query, exec, schema }: MigrationContext): Promise<void> {', indent(props.down ?? ''), '}']
    : [
        '// Without a down function, downgrading this migration is refused.',
        '// export async function down({ query, exec, schema }: MigrationContext): Promise<void> {',
        '// }',
      ];
  return [
    '/**',
    ` * ${comment}`,
    ` * ${createdLine(created)}`,
    ' *',
    ' * Runs in a transaction, with search_path set to the schema being migrated. Add',
    ' * `export const transaction = false;` to run it outside a transaction.',
    ' */',
    "import type { MigrationContext } from 'worlddb';",
    '',
    'export async function up({ query, exec, schema }: MigrationContext): Promise<void> {',
    up,
    '}',
    '',
    ...down,
    '',
  ].join('\n');
}
