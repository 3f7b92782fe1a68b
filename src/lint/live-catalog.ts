/**
 * The {@link LiveCatalog} of a lint run, built from what the database said (table sizes, column
 * types as `format_type` text, read with the parser into the same form as types written in SQL).
 */
import type { ColumnTypeRecord, TableSize } from '../introspect/read-table-sizes.js';
import { nodeOf, simpleType, type SimpleType } from './ast.js';
import type { ParseSql } from './load-parser.js';
import type { LiveCatalog, TableStats } from './types.js';

/**
 * @example
 * const live = liveCatalog(parse, ['asia'], sizes, columns);
 * live.columnType('asia', 'countries', 'name') // => { name: 'varchar', mods: [100], array: false }
 */
export function liveCatalog(parse: ParseSql, schemas: readonly string[], sizes: readonly TableSize[], columns: readonly ColumnTypeRecord[]): LiveCatalog {
  const tables = new Map<string, TableStats>(sizes.map((t) => [`${t.schema}.${t.name}`, { rows: t.rows, bytes: t.bytes, empty: t.empty }]));
  const typeText = new Map(columns.map((c) => [`${c.schema}.${c.table}.${c.column}`, c.type]));
  const parsed = new Map<string, SimpleType | undefined>();
  return {
    schemas: new Set(schemas),
    table: (schema, table) => tables.get(`${schema}.${table}`),
    columnType(schema, table, column) {
      const key = `${schema}.${table}.${column}`;
      if (!parsed.has(key)) parsed.set(key, readType(parse, typeText.get(key)));
      return parsed.get(key);
    },
  };
}

/** A `format_type` text as a {@link SimpleType} (`character varying(20)` → varchar(20)). */
function readType(parse: ParseSql, text: string | undefined): SimpleType | undefined {
  if (text === undefined) return undefined;
  try {
    const statement = parse(`CREATE TABLE t (c ${text})`).stmts?.[0]?.stmt;
    const column = nodeOf(nodeOf(statement, 'CreateStmt')?.tableElts?.[0], 'ColumnDef');
    return simpleType(column?.typeName);
  } catch {
    return undefined;
  }
}
