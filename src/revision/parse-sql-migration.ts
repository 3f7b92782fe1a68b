/**
 * The format of `.sql` migration files.
 *
 * One file holds both directions. Marker lines, each alone on its line:
 *
 * ```sql
 * -- Add the languages table.            (comments before the up marker are free text)
 * -- worlddb:no-transaction              (optional; must come before worlddb:up)
 *
 * -- worlddb:up
 * CREATE TABLE languages (language_id integer PRIMARY KEY, country varchar(100));
 *
 * -- worlddb:down
 * DROP TABLE languages;
 * ```
 *
 * - `-- worlddb:up` (required, once): the SQL after it, up to `-- worlddb:down` or the end of the
 *   file, runs on `migrate`.
 * - `-- worlddb:down` (optional, once, after up): the SQL after it runs on `downgrade`. A file
 *   without it — or whose down part holds only comments — has no down part, and downgrading it is
 *   refused. (A deliberate no-op down needs one statement, e.g. `SELECT 1;`.)
 * - `-- worlddb:no-transaction` (optional, before up): both parts run outside a transaction, one
 *   statement at a time (e.g. `CREATE INDEX CONCURRENTLY`). If a later statement fails, the earlier
 *   ones stay applied and the migration is not recorded; keep such migrations to one statement.
 *
 * In any file (transactional or not), statements that end or start transactions (`BEGIN`, `START TRANSACTION`,
 * `COMMIT` (also `AND CHAIN`), `END` (a synonym of `COMMIT`), `ROLLBACK`, `ABORT`,
 * `PREPARE TRANSACTION`, `COMMIT PREPARED`, `ROLLBACK PREPARED`) are refused: worlddb wraps each
 * migration and its version-table row in one transaction, which they would break. (Savepoints —
 * `SAVEPOINT`, `RELEASE`, `ROLLBACK TO` — are fine, and so are the words `BEGIN ATOMIC ... END` of a
 * SQL-standard function body, which is one statement.)
 *
 * Markers are matched case-insensitively, with optional blanks after `--`; any other
 * `-- worlddb:...` line is an error, so a misspelt marker is never taken for a comment (except
 * `-- worlddb:lint-ignore RULE reason`, read by `worlddb lint`).
 * Before the up marker only comments and blank lines are allowed. Unqualified names resolve to the
 * schema being migrated: `search_path` is set to `"<schema>"` alone (plus the config's `searchPath`)
 * while a migration runs.
 */
import { MigrationFileError } from '../errors.js';
import { displayPath } from './display-path.js';
import { hasStatements, leadingTokens, splitStatements } from './split-sql.js';
import type { MigrationStep } from './types.js';

/** The parts of a `.sql` migration file. */
export interface ParsedSqlMigration {
  readonly transactional: boolean;
  readonly up: Extract<MigrationStep, { kind: 'sql' }>;
  /** Null when the file has no down marker or its down part holds no statement. */
  readonly down: Extract<MigrationStep, { kind: 'sql' }> | null;
}

/** The marker lines, for messages and templates. */
export const SQL_MARKERS = {
  up: '-- worlddb:up',
  down: '-- worlddb:down',
  noTransaction: '-- worlddb:no-transaction',
} as const;

const MARKER_LINE = /^\s*--\s*worlddb:(\S*)\s*$/i;
const MARKER_PREFIX = /^\s*--\s*worlddb:/i;
/** `-- worlddb:lint-ignore RULE reason` comments belong to `worlddb lint`, not to the file format. */
const LINT_IGNORE_LINE = /^\s*--\s*worlddb:lint-ignore\b/i;

const FORMAT_HINT =
  'a .sql migration has a line "-- worlddb:up" followed by its SQL, optionally a line ' +
  '"-- worlddb:down" followed by the SQL that reverts it, and optionally a line ' +
  '"-- worlddb:no-transaction" before the up marker';

/**
 * Parses the text of a `.sql` migration file. `file` (its path) is only used in error messages.
 *
 * @example
 * parseSqlMigration('x.sql', '-- worlddb:up\ncreate table t ();\n-- worlddb:down\ndrop table t;\n')
 * // => { transactional: true,
 * //      up: { kind: 'sql', sql: 'create table t ();\n', line: 2 },
 * //      down: { kind: 'sql', sql: 'drop table t;\n', line: 4 } }
 */
export function parseSqlMigration(file: string, text: string): ParsedSqlMigration {
  const shown = displayPath(file);
  const lines = text.split('\n');
  let upLine = -1; // 0-based index of the marker line
  let downLine = -1;
  let noTransactionLine = -1;
  lines.forEach((line, index) => {
    if (!MARKER_PREFIX.test(line) || LINT_IGNORE_LINE.test(line)) return;
    const where = `${shown}:${index + 1}`;
    const directive = MARKER_LINE.exec(line)?.[1]?.toLowerCase();
    if (directive === 'up') {
      if (upLine >= 0) throw markerError(file, `${where}: a second "${SQL_MARKERS.up}" line (the first is on line ${upLine + 1})`);
      upLine = index;
    } else if (directive === 'down') {
      if (downLine >= 0) throw markerError(file, `${where}: a second "${SQL_MARKERS.down}" line (the first is on line ${downLine + 1})`);
      if (upLine < 0) throw markerError(file, `${where}: "${SQL_MARKERS.down}" comes before "${SQL_MARKERS.up}"`);
      downLine = index;
    } else if (directive === 'no-transaction') {
      if (noTransactionLine >= 0) throw markerError(file, `${where}: a second "${SQL_MARKERS.noTransaction}" line`);
      if (upLine >= 0) throw markerError(file, `${where}: "${SQL_MARKERS.noTransaction}" must come before "${SQL_MARKERS.up}"`);
      noTransactionLine = index;
    } else {
      throw markerError(file, `${where}: unknown marker ${JSON.stringify(line.trim())}`);
    }
  });
  if (upLine < 0) throw markerError(file, `${shown} has no "${SQL_MARKERS.up}" line`);
  const header = lines.slice(0, upLine).filter((_, index) => index !== noTransactionLine).join('\n');
  if (hasStatements(header)) {
    throw markerError(file, `${shown} has SQL before its "${SQL_MARKERS.up}" line (line ${upLine + 1})`);
  }
  const upEnd = downLine < 0 ? lines.length : downLine;
  const up = part(lines, upLine + 1, upEnd);
  const down = downLine < 0 ? null : part(lines, downLine + 1, lines.length);
  for (const step of down === null ? [up] : [up, down]) refuseTransactionControl(file, shown, step, noTransactionLine < 0);
  return {
    transactional: noTransactionLine < 0,
    up,
    down: down !== null && hasStatements(down.sql) ? down : null,
  };
}

/** The lines `[from, to)` (0-based) as a step; `line` is 1-based. */
function part(lines: readonly string[], from: number, to: number): Extract<MigrationStep, { kind: 'sql' }> {
  const body = lines.slice(from, to);
  // Each kept line had its "\n" removed by split; put them back, except after a last line that had none.
  const sql = body.join('\n') + (to < lines.length && body.length > 0 ? '\n' : '');
  return { kind: 'sql', sql, line: from + 1 };
}

/**
 * The name of the transaction-control command a statement is (`'END'`, `'COMMIT PREPARED'`), or
 * null for any other statement, savepoint commands included. Only a statement's first words are
 * read, so the words of a `BEGIN ATOMIC ... END` function body (inside a `CREATE` statement) never
 * count.
 */
export function transactionControl(statement: string): string | null {
  const [first, second, third] = leadingTokens(statement, 3);
  switch (first) {
    case 'begin': // BEGIN [WORK | TRANSACTION] ...
    case 'abort': // ABORT [WORK | TRANSACTION] [AND [NO] CHAIN]
    case 'end': // END [WORK | TRANSACTION] [AND [NO] CHAIN]: a COMMIT
      return first.toUpperCase();
    case 'start':
      return second === 'transaction' ? 'START TRANSACTION' : null;
    case 'commit': // COMMIT [WORK | TRANSACTION] [AND [NO] CHAIN], COMMIT PREPARED 'id'
      return second === 'prepared' ? 'COMMIT PREPARED' : 'COMMIT';
    case 'rollback': {
      // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name is a savepoint command.
      if (second === 'prepared') return 'ROLLBACK PREPARED';
      const afterNoise = second === 'work' || second === 'transaction' ? third : second;
      return afterNoise === 'to' ? null : 'ROLLBACK';
    }
    case 'prepare':
      // PREPARE TRANSACTION 'id'; not PREPARE name [(types)] AS ..., a prepared statement (which may
      // be called "transaction").
      return second === 'transaction' && third !== undefined && third !== '(' && third !== 'as' ? 'PREPARE TRANSACTION' : null;
    default:
      return null;
  }
}

/**
 * Refuses statements that start or end transactions. In a transactional part they would break
 * worlddb's transaction; in a no-transaction part a `BEGIN` left open would swallow the
 * version-table row, and everything would be rolled back when the session closes.
 */
function refuseTransactionControl(
  file: string,
  shown: string,
  step: Extract<MigrationStep, { kind: 'sql' }>,
  transactional: boolean,
): void {
  for (const statement of splitStatements(step.sql)) {
    const command = transactionControl(statement.text);
    if (command === null) continue;
    const before = step.sql.slice(0, statement.offset);
    const line = step.line + before.length - before.replaceAll('\n', '').length;
    const what = command === 'END' ? 'END (a COMMIT)' : command;
    throw new MigrationFileError(
      file,
      `${shown}:${line}: ${what} in a migration that runs ${transactional ? 'in a transaction' : 'without a transaction'}`,
      {
        hint: transactional
          ? `remove it: worlddb runs each migration and its version-table row in one transaction; for SQL that must run outside one, add "${SQL_MARKERS.noTransaction}" above "${SQL_MARKERS.up}"`
          : `remove it: a "${SQL_MARKERS.noTransaction}" migration runs each statement on its own, and worlddb records it only once they are done; for SQL that needs a transaction, remove the marker (worlddb then runs the whole migration in one)`,
      },
    );
  }
}

function markerError(file: string, message: string): MigrationFileError {
  return new MigrationFileError(file, message, { hint: FORMAT_HINT });
}
