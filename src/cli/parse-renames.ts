import type { RenameHints } from '../diff/index.js';
import { UsageError } from '../errors.js';

/**
 * Parses `--rename` values into rename hints per schema:
 * `asia.countries.name=title` renames a column, `asia.countries=nations` renames a table.
 * (Names containing dots cannot be given this way; answer the interactive question instead.)
 *
 * @example
 * parseRenames(['asia.countries.name=title'], ['asia']).get('asia')?.columns?.get('countries')?.get('name') // => 'title'
 */
export function parseRenames(values: readonly string[], schemas: readonly string[]): Map<string, RenameHints> {
  const tables = new Map<string, Map<string, string>>();
  const columns = new Map<string, Map<string, Map<string, string>>>();
  for (const value of values) {
    const match = /^([^=]+)=([^=.]+)$/.exec(value);
    const parts = match?.[1]?.split('.') ?? [];
    if (match === null || (parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === '')) {
      throw new UsageError(`--rename ${JSON.stringify(value)} is not SCHEMA.TABLE=NEW_TABLE or SCHEMA.TABLE.COLUMN=NEW_COLUMN`, {
        hint: 'e.g. --rename asia.countries.name=title or --rename asia.countries=nations',
      });
    }
    const [schema = '', table = '', column] = parts;
    const to = match[2] ?? '';
    if (!schemas.includes(schema)) {
      throw new UsageError(`--rename ${JSON.stringify(value)} names schema "${schema}", which this command does not work on`, {
        hint: `schemas of this command: ${schemas.join(', ')}`,
      });
    }
    if (column === undefined) {
      const forSchema = tables.get(schema) ?? new Map<string, string>();
      forSchema.set(table, to);
      tables.set(schema, forSchema);
    } else {
      const forSchema = columns.get(schema) ?? new Map<string, Map<string, string>>();
      const forTable = forSchema.get(table) ?? new Map<string, string>();
      forTable.set(column, to);
      forSchema.set(table, forTable);
      columns.set(schema, forSchema);
    }
  }
  const hints = new Map<string, RenameHints>();
  for (const schema of new Set([...tables.keys(), ...columns.keys()])) {
    hints.set(schema, {
      ...(tables.has(schema) ? { tables: tables.get(schema) } : {}),
      ...(columns.has(schema) ? { columns: columns.get(schema) } : {}),
    });
  }
  return hints;
}

/** Adds one rename to hints (for answers given interactively). */
export function withRename(hints: RenameHints | undefined, rename: { table: string; column?: string; to: string }): RenameHints {
  const tables = new Map(hints?.tables ?? []);
  const columns = new Map([...(hints?.columns ?? new Map<string, ReadonlyMap<string, string>>())].map(([t, m]) => [t, new Map(m)]));
  if (rename.column === undefined) {
    tables.set(rename.table, rename.to);
  } else {
    const forTable = columns.get(rename.table) ?? new Map<string, string>();
    forTable.set(rename.column, rename.to);
    columns.set(rename.table, forTable);
  }
  return { tables, columns };
}
