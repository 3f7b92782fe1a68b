import { nodeOf, simpleType, tableKey, typeText, type SimpleType } from '../ast.js';
import { alterTable } from './support.js';
import type { LintRule } from '../types.js';

/** Types whose modifier is a maximum length or precision: a larger (or no) modifier needs no rewrite. */
const WIDENS_WITH_MODIFIER = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

/**
 * True when changing a column from `from` to `to` needs neither a table rewrite nor a scan: the
 * same type, a longer or unlimited varchar / varbit, varchar to text (or back, unlimited), a
 * numeric with more precision and the same scale, a finer time precision, cidr to inet.
 *
 * @example
 * isSafeTypeChange({ name: 'varchar', mods: [20], array: false }, { name: 'varchar', mods: [50], array: false }) // => true
 */
export function isSafeTypeChange(from: SimpleType, to: SimpleType): boolean {
  if (from.array !== to.array) return false;
  if (typeText(from) === typeText(to)) return true;
  if ((from.name === 'varchar' || from.name === 'text') && (to.name === 'text' || (to.name === 'varchar' && to.mods.length === 0))) return true;
  if (from.name === to.name && WIDENS_WITH_MODIFIER.has(from.name)) {
    const [before] = from.mods;
    const [after] = to.mods;
    return after === undefined || (before !== undefined && after >= before);
  }
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true;
    const [p1, s1 = 0] = from.mods;
    const [p2, s2 = 0] = to.mods;
    return p1 !== undefined && p2 !== undefined && p2 >= p1 && s1 === s2;
  }
  return from.name === 'cidr' && to.name === 'inet';
}

/** `ALTER COLUMN ... TYPE` that rewrites the table. */
export const columnTypeRewrite: LintRule = {
  id: 'column-type-rewrite',
  defaultSeverity: 'error',
  locks: true,
  title: 'column type change that rewrites the table',
  explanation:
    'Changing a column\'s type usually rewrites the whole table and all its indexes under an ACCESS ' +
    'EXCLUSIVE lock: no reads and no writes until it is done. A few changes are free because the stored ' +
    'bytes stay valid: a longer varchar (or varchar to text), a numeric with more precision and the same ' +
    'scale, a finer timestamp precision, cidr to inet; those are not flagged. When the current type is not ' +
    'known (no database and no earlier statement declaring it) the change is flagged.',
  fix: 'add a new column of the new type, fill it in batches, switch the application to it, then drop the old column',
  examples: {
    bad: [
      'ALTER TABLE cities ALTER COLUMN population TYPE bigint;',
      'ALTER TABLE cities ALTER COLUMN name TYPE varchar(10) USING left(name, 10);',
    ],
    good: [
      'CREATE TABLE t (name varchar(20), price numeric(10,2), code varchar);\nALTER TABLE t ALTER COLUMN name TYPE varchar(50);\nALTER TABLE t ALTER COLUMN price TYPE numeric(12,2);\nALTER TABLE t ALTER COLUMN code TYPE text;',
    ],
  },
  check(statement, context) {
    const alter = alterTable(statement);
    if (alter === undefined) return [];
    return alter.commands.flatMap((command) => {
      if (command.subtype !== 'AT_AlterColumnType' || command.name === undefined) return [];
      const definition = nodeOf(command.def, 'ColumnDef');
      const to = simpleType(definition?.typeName);
      if (to === undefined) return [];
      const column = `${alter.table.name}.${command.name}`;
      const location = definition?.typeName?.location;
      const at = location === undefined ? {} : { location };
      if (definition?.raw_default !== undefined) {
        return [{ message: `changing ${column} to ${typeText(to)} with USING rewrites the table under an ACCESS EXCLUSIVE lock`, ...at, table: alter.table }];
      }
      const key = `${tableKey(context.schema, alter.table)}.${command.name}`;
      const from =
        context.state.columnTypes.get(key) ??
        context.live?.columnType(alter.table.schema ?? context.schema, alter.table.name, command.name);
      if (from !== undefined && isSafeTypeChange(from, to)) return [];
      const was = from === undefined ? 'from a type lint cannot see' : `from ${typeText(from)}`;
      return [{ message: `changing ${column} ${was} to ${typeText(to)} rewrites the table under an ACCESS EXCLUSIVE lock`, ...at, table: alter.table }];
    });
  },
};
