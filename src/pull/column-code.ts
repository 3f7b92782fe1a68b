import type { ColumnState, IdentityOptions } from '../schema/types.js';
import { call, type Code, method, object, ref, sqlCode, value } from './code.js';

/** The builder call of a column's type: its own function, `enumColumn` of the schema's enum, else `customType`. */
export function typeCode(type: string, enumRef: (name: string) => string | null): Code | null {
  const arrayOf = /^(.*)\[\]$/.exec(type);
  if (arrayOf !== null) {
    const element = typeCode(arrayOf[1] ?? '', enumRef);
    return element === null ? null : method(element, 'array');
  }
  const simple: Record<string, string> = {
    smallint: 'smallint',
    integer: 'integer',
    bigint: 'bigint',
    numeric: 'numeric',
    real: 'real',
    'double precision': 'doublePrecision',
    boolean: 'boolean',
    text: 'text',
    'character varying': 'varchar',
    date: 'date',
    'time without time zone': 'time',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    interval: 'interval',
    uuid: 'uuid',
    json: 'json',
    jsonb: 'jsonb',
    bytea: 'bytea',
    inet: 'inet',
  };
  const builder = simple[type];
  if (builder !== undefined) return call(builder);
  const sized = /^(character varying|character|numeric)\((\d+)(?:,(\d+))?\)$/.exec(type);
  if (sized !== null) {
    const name = sized[1] === 'character varying' ? 'varchar' : sized[1] === 'character' ? 'char' : 'numeric';
    return call(name, ...[sized[2], sized[3]].filter((n) => n !== undefined).map((n) => value(Number(n))));
  }
  const precise = /^(time|timestamp)\((\d)\) with(out)? time zone$/.exec(type);
  if (precise !== null) {
    const name = precise[1] === 'time' ? (precise[3] === undefined ? null : 'time') : precise[3] === undefined ? 'timestamptz' : 'timestamp';
    return name === null ? null : call(name, value(Number(precise[2])));
  }
  const enumName = enumRef(type);
  // Any other type (point, tsvector, citext, a domain...) as Postgres prints it.
  return enumName === null ? call('customType', value(type)) : call('enumColumn', ref(enumName));
}

const INTEGER_TYPES = new Set(['smallint', 'integer']);
const STRING_TYPES = new Set(['text', 'character varying', 'character']);

/**
 * A column's default as a person writes it: `true`, `0`, `'draft'` when Postgres stores exactly
 * that literal for the column's type; otherwise the SQL Postgres prints (`now()`, `'{}'::text[]`).
 */
export function defaultCode(column: ColumnState, printed: string): Code {
  const baseType = column.type.replace(/\(.*\)$/, '');
  if ((printed === 'true' || printed === 'false') && column.type === 'boolean') return value(printed === 'true');
  if (/^\d{1,15}$/.test(printed) && INTEGER_TYPES.has(column.type)) return value(Number(printed));
  const literal = /^'((?:[^']|'')*)'::(text|character varying|bpchar|character)$/.exec(printed);
  if (literal !== null && STRING_TYPES.has(baseType) && (literal[2] === baseType || (literal[2] === 'bpchar' && baseType === 'character'))) {
    return value((literal[1] ?? '').replaceAll("''", "'"));
  }
  return sqlCode(printed);
}

/** `.identity('by default', { start: 100 })`. */
export function identityArgs(column: ColumnState): Code[] {
  const args: Code[] = [value(column.identity ?? 'by default')];
  const options = column.identityOptions;
  if (options !== undefined) {
    const keys: (keyof IdentityOptions)[] = ['start', 'increment', 'minValue', 'maxValue', 'cache'];
    const entries: [string, Code][] = [];
    for (const key of keys) {
      const text = options[key];
      if (typeof text === 'string') entries.push([key, Number.isSafeInteger(Number(text)) ? value(Number(text)) : value(text)]);
    }
    if (options.cycle === true) entries.push(['cycle', value(true)]);
    if (entries.length > 0) args.push(object(entries));
  }
  return args;
}

/** A collation as the model takes it: the name, unquoted when Postgres quoted a plain one. */
export function collationName(collation: string): string {
  const quoted = /^"((?:[^"]|"")*)"$/.exec(collation);
  return quoted === null ? collation : (quoted[1] ?? '').replaceAll('""', '"');
}
