/**
 * Postgres' default names for constraints and indexes, byte for byte: `makeObjectName`,
 * `ChooseRelationName` / `ChooseConstraintName` and the column-name additions of
 * `src/backend/commands/indexcmds.c` and `tablecmds.c`.
 *
 * | object              | name                                  |
 * |---------------------|---------------------------------------|
 * | primary key         | `<table>_pkey`                        |
 * | unique constraint   | `<table>_<col>_<col>_key`             |
 * | foreign key         | `<table>_<col>_<col>_fkey` (all columns, since Postgres 12) |
 * | check on one column | `<table>_<col>_check`                 |
 * | other check         | `<table>_check`                       |
 * | index               | `<table>_<col>_<col>_idx` (`lower`, `expr`, ... for an expression; a column with options such as `DESC` keeps its name) |
 */

/** NAMEDATALEN in a stock Postgres build. */
const NAMEDATALEN = 64;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` of at most `maxBytes` bytes that does not split a character (`pg_mbcliplen`). */
function clipBytes(text: string, maxBytes: number): string {
  if (text.length <= maxBytes && byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = byteLength(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/**
 * `makeObjectName(name1, name2, label)`: joins the parts with `_` and, when the result would be
 * longer than 63 bytes, shortens the longer of `name1` and `name2` first, one byte at a time.
 *
 * @example
 * makeObjectName('countries', 'name', 'key')  // => countries_name_key
 */
export function makeObjectName(name1: string, name2: string | null, label: string | null): string {
  let overhead = 0;
  let name1Bytes = byteLength(name1);
  let name2Bytes = 0;
  if (name2 !== null) {
    name2Bytes = byteLength(name2);
    overhead += 1;
  }
  if (label !== null) overhead += byteLength(label) + 1;
  const available = NAMEDATALEN - 1 - overhead;
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes -= 1;
    else name2Bytes -= 1;
  }
  let name = clipBytes(name1, name1Bytes);
  if (name2 !== null) name += `_${clipBytes(name2, name2Bytes)}`;
  if (label !== null) name += `_${label}`;
  return name;
}

/**
 * `ChooseRelationName` / `ChooseConstraintName`: the first of `label`, `label1`, `label2`, ...
 * that gives a name `isTaken` says is free.
 */
export function chooseName(
  name1: string,
  name2: string | null,
  label: string,
  isTaken: (name: string) => boolean,
): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
    if (!isTaken(name)) return name;
  }
}

/**
 * `ChooseIndexNameAddition` / `ChooseForeignKeyConstraintNameAddition`: column names joined by `_`,
 * cut once it reaches NAMEDATALEN bytes (makeObjectName shortens it further).
 */
export function columnNamesAddition(names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    if (out.length > 0) out += '_';
    out += clipBytes(name, NAMEDATALEN);
    if (byteLength(out) >= NAMEDATALEN) break;
  }
  return out;
}

/**
 * `ChooseIndexColumnNames`: the name of each index key (a column name, or the name of an
 * expression such as `lower` or `expr`), made unique by appending a number (`x`, `x1`, ...).
 */
export function indexColumnNames(keys: readonly string[]): string[] {
  const result: string[] = [];
  for (const original of keys) {
    let current = original;
    for (let i = 1; result.includes(current); i += 1) {
      const suffix = String(i);
      current = clipBytes(original, NAMEDATALEN - 1 - suffix.length) + suffix;
    }
    result.push(current);
  }
  return result;
}
