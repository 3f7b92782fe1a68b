import { names, simpleType, walk } from '../ast.js';
import { columnConstraints, columnDefinitions, SERIAL_TYPES } from './support.js';
import type { LintRule } from '../types.js';

/** Functions whose result changes on every call: as a default of a new column, Postgres must compute it per row. */
const VOLATILE = new Set([
  'random', 'gen_random_uuid', 'uuidv4', 'uuidv7', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4',
  'clock_timestamp', 'timeofday', 'nextval', 'txid_current', 'random_normal',
]);

/** `ADD COLUMN` with a volatile default (or a serial type, or a stored generated value): a table rewrite. */
export const addColumnVolatileDefault: LintRule = {
  id: 'add-column-volatile-default',
  defaultSeverity: 'error',
  locks: true,
  title: 'ADD COLUMN with a volatile default',
  explanation:
    'Since Postgres 11, ADD COLUMN with a constant (or stable, like now()) default is instant: the value is ' +
    'stored once in the catalog. A volatile default (random(), gen_random_uuid(), clock_timestamp(), ' +
    'nextval(), so also serial types) or a stored generated column must be computed for every row, so the ' +
    'table is rewritten under an ACCESS EXCLUSIVE lock.',
  fix: 'ADD COLUMN without the default; SET DEFAULT for new rows; fill existing rows in batches (UPDATE ... WHERE id BETWEEN ...)',
  examples: {
    bad: ['ALTER TABLE cities ADD COLUMN token uuid DEFAULT gen_random_uuid();', 'ALTER TABLE cities ADD COLUMN seq bigserial;'],
    good: [
      "SET lock_timeout = '5s';\nALTER TABLE cities ADD COLUMN token uuid;\nALTER TABLE cities ALTER COLUMN token SET DEFAULT gen_random_uuid();",
      "SET lock_timeout = '5s';\nALTER TABLE cities ADD COLUMN added_at timestamptz DEFAULT now();",
    ],
  },
  check(statement) {
    const definitions = columnDefinitions(statement);
    if (definitions === undefined || definitions.created) return [];
    return definitions.columns.flatMap((column) => {
      const type = simpleType(column.typeName);
      let volatile: string | null = type !== undefined && SERIAL_TYPES.has(type.name) ? `type ${type.name}` : null;
      for (const constraint of columnConstraints(column)) {
        if (constraint.contype === 'CONSTR_GENERATED' && constraint.generated_kind !== 'v') volatile ??= 'a stored generated value';
        if (constraint.contype !== 'CONSTR_DEFAULT') continue;
        walk(constraint.raw_expr, (kind, body) => {
          if (kind !== 'FuncCall') return;
          const name = names(body['funcname'] as never).at(-1);
          if (name !== undefined && VOLATILE.has(name)) volatile ??= `the volatile default ${name}()`;
        });
      }
      if (volatile === null) return [];
      return [{
        message: `column ${column.colname ?? ''} added with ${volatile} rewrites ${definitions.table.name} under an ACCESS EXCLUSIVE lock`,
        ...(column.location === undefined ? {} : { location: column.location }),
        table: definitions.table,
      }];
    });
  },
};
