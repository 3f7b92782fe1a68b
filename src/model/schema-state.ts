/**
 * From declarations to the canonical {@link SchemaState}: resolves references in the using
 * schema, gives unnamed constraints and indexes Postgres' default names, prints types and
 * defaults as the catalog does, and refuses an invalid model with a ModelError that names the
 * schema, the table and the column.
 */
import { ModelError } from '../errors.js';
import type {
  CheckState,
  ColumnState,
  Deferrable,
  EnumState,
  ExclusionState,
  ForeignKeyState,
  IdentityOptions,
  IndexState,
  PolicyState,
  PrimaryKeyState,
  ReferentialAction,
  SchemaState,
  TableState,
  UniqueState,
} from '../schema/types.js';
import { identifierProblem } from '../sql/quote.js';
import type {
  Column,
  ColumnConfig,
  ColumnData,
  DeferrableSetting,
  IdentityOptionsInput,
  ReferentialActionName,
  TableTarget,
} from './column.js';
import { fullIdentityOptions, identityOptionsOf, type FullIdentityOptions } from '../schema/identity-options.js';
import { isIntegerType } from './column-type.js';
import type { ExclusionConstraint, IndexDefinition, TableConstraint } from './constraints.js';
import { printLiteralDefault } from './default-literal.js';
import type { EnumType } from './enum-type.js';
import { resolveEnums, type EnumUse } from './resolve-enums.js';
import { indexKeyName, printExpression, referencedColumns, unknownColumns, unknownIndexKeyColumns } from './expression.js';
import { NameRegistry } from './name-registry.js';
import { buildObjectStates, type ObjectDeclarations } from './object-states.js';
import type { DomainType } from './schema-objects.js';
import { printIdentifier } from '../sql/print-identifier.js';
import { columnNamesAddition, indexColumnNames } from './pg-naming.js';
import type { SqlExpression } from './sql-expression.js';
import type { Table } from './table.js';
import { printCastType, printColumnType } from './type-names.js';
import { compareNames } from '../schema/compare-names.js';
import { deepFreeze } from '../schema/deep-freeze.js';

/** What `defineSchema` hands over: the schema name, its tables by name, enums listed explicitly. */
export interface SchemaInput {
  readonly name: string;
  readonly tables: Readonly<Record<string, unknown>>;
  readonly enums: readonly EnumType[];
  /** Sequences, domains, views, functions, triggers and extensions. */
  readonly objects?: ObjectDeclarations;
}

export interface BuiltSchema {
  readonly state: SchemaState;
  /** The enums the schema owns (creates), sorted by name. */
  readonly enums: readonly EnumType[];
}

const POLICY_COMMANDS: Readonly<Record<string, PolicyState['command']>> = {
  all: 'ALL',
  select: 'SELECT',
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
};

const ACTIONS: Readonly<Record<ReferentialActionName, ReferentialAction>> = {
  'no action': 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** One constraint or index as declared, with where it came from (for names and messages). */
interface Declared<T> {
  readonly def: T;
  /** The column it was declared on, or null for a table-level declaration. */
  readonly column: string | null;
}

interface KeyDecl {
  readonly columns: readonly string[];
  readonly name: string | null;
  readonly deferrable: DeferrableSetting;
}

interface ForeignKeyDecl extends KeyDecl {
  readonly target: TableTarget;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialActionName;
  readonly onUpdate: ReferentialActionName;
  readonly match: 'simple' | 'full';
  readonly notValid: boolean;
}

interface CheckDecl {
  readonly expression: SqlExpression;
  readonly name: string | null;
  readonly notValid: boolean;
}

/** The optional `deferrable` field of a constraint state. */
function deferrableField(setting: DeferrableSetting): { readonly deferrable?: Deferrable } {
  return setting === null ? {} : { deferrable: setting };
}

/** A concrete table with its column- and table-level declarations gathered by kind. */
interface Gathered {
  readonly name: string;
  readonly table: Table;
  readonly columnNames: readonly string[];
  readonly primaryKeys: readonly Declared<KeyDecl>[];
  readonly uniques: readonly Declared<KeyDecl>[];
  readonly foreignKeys: readonly Declared<ForeignKeyDecl>[];
  readonly checks: readonly Declared<CheckDecl>[];
  readonly exclusions: readonly ExclusionConstraint[];
  readonly indexes: readonly IndexDefinition[];
}

class SchemaBuilder {
  private readonly schema: string;
  private readonly tables = new Map<string, Gathered>();
  private readonly names: NameRegistry;
  private readonly ownedEnums = new Map<string, EnumType>();

  constructor(private readonly input: SchemaInput) {
    this.schema = input.name;
    this.names = new NameRegistry(input.name);
  }

  private where(table: string, columns?: readonly string[] | string | null): string {
    const base = `${this.schema}.${table}`;
    if (columns === undefined || columns === null) return base;
    if (typeof columns === 'string') return `${base}.${columns}`;
    return columns.length === 1 ? `${base}.${columns[0]}` : `${base} (${list(columns)})`;
  }

  private checkIdentifier(name: unknown, what: string, hint: string): void {
    const problem = typeof name === 'string' ? identifierProblem(name) : 'is not a string';
    if (problem !== null) throw new ModelError(`${what} ${JSON.stringify(name)} ${problem}`, { hint });
  }

  build(): BuiltSchema {
    this.checkIdentifier(this.schema, 'schema name', 'a schema name is 1 to 63 bytes without NUL characters');
    if (!isObject(this.input.tables)) {
      throw new ModelError(`schema ${this.schema}: tables must be an object of tables by name`, {
        hint: `defineSchema('${this.schema}', { tables: { countries: table({...}) } })`,
      });
    }
    for (const [name, value] of Object.entries(this.input.tables)) this.gather(name, value);
    this.resolveEnums();
    const sorted = [...this.tables.values()].sort((a, b) => compareNames(a.name, b.name));
    for (const t of sorted) this.names.explicit(t.name, t.name, 'table');
    for (const t of sorted) this.registerExplicitNames(t);
    const tables = sorted.map((t) => this.tableState(t));
    const enums: EnumState[] = [...this.ownedEnums.values()]
      .sort((a, b) => compareNames(a.name, b.name))
      .map((e) => ({ name: e.name, values: [...e.values] }));
    const objects = buildObjectStates(this.schema, this.input.objects ?? {}, new Map(sorted.map((t) => [t.name, t.columnNames])), this.usedDomains(sorted));
    return {
      state: deepFreeze({ name: this.schema, tables, enums, ...objects }),
      enums: Object.freeze([...this.ownedEnums.values()].sort((a, b) => compareNames(a.name, b.name))),
    };
  }

  /** Checks a table's shape and collects its constraints from the columns and the options. */
  private gather(name: string, value: unknown): void {
    const where = `${this.schema}.${name}`;
    if (isObject(value) && value.kind === 'abstractTable') {
      throw new ModelError(`${where} is an abstract table, which cannot be placed in a schema by itself`, {
        hint: `make a concrete table of it: ${name}: base.extend({})`,
      });
    }
    if (!isObject(value) || value.kind !== 'table' || !isObject(value.columns)) {
      throw new ModelError(`${where} is not a table`, { hint: 'use table({...}) or an abstract table\'s extend({...})' });
    }
    const table = value as unknown as Table;
    this.checkIdentifier(name, `table name in schema ${this.schema}:`, 'a table name is 1 to 63 bytes without NUL characters');
    const columnNames = Object.keys(table.columns);
    const primaryKeys: Declared<KeyDecl>[] = [];
    const uniques: Declared<KeyDecl>[] = [];
    const foreignKeys: Declared<ForeignKeyDecl>[] = [];
    const checks: Declared<CheckDecl>[] = [];
    const exclusions: ExclusionConstraint[] = [];
    for (const columnName of columnNames) {
      const column: unknown = table.columns[columnName];
      if (!isObject(column) || column.kind !== 'column' || !isObject(column.data)) {
        throw new ModelError(`${where}.${columnName} is not a column`, { hint: 'start a column with a type function such as integer() or varchar(100)' });
      }
      this.checkIdentifier(columnName, `column name in ${where}:`, 'a column name is 1 to 63 bytes without NUL characters');
      const d = (column as unknown as Column<ColumnConfig>).data;
      const [misuse] = d.misuse;
      if (misuse !== undefined) throw new ModelError(`${where}.${columnName}: ${misuse}`, { hint: 'reorder the calls on the column' });
      if (d.primaryKey !== null) primaryKeys.push({ column: columnName, def: { columns: [columnName], ...d.primaryKey } });
      if (d.unique !== null) uniques.push({ column: columnName, def: { columns: [columnName], ...d.unique } });
      if (d.references !== null) {
        const r = d.references;
        foreignKeys.push({
          column: columnName,
          def: {
            columns: [columnName],
            name: r.name,
            target: r.target,
            refColumns: [r.column],
            onDelete: r.onDelete,
            onUpdate: r.onUpdate,
            match: r.match,
            deferrable: r.deferrable,
            notValid: r.notValid,
          },
        });
      }
      for (const c of d.checks) checks.push({ column: columnName, def: c });
    }
    for (const c of table.constraints as readonly TableConstraint[]) {
      switch (c.kind) {
        case 'primaryKey':
          primaryKeys.push({ column: null, def: c });
          break;
        case 'unique':
          uniques.push({ column: null, def: c });
          break;
        case 'foreignKey':
          foreignKeys.push({ column: null, def: c });
          break;
        case 'check':
          checks.push({ column: null, def: c });
          break;
        case 'exclude':
          exclusions.push(c);
          break;
        default: {
          const unknown: never = c;
          throw new ModelError(`${where}: unknown constraint ${JSON.stringify(unknown)}`, {
            hint: 'use primaryKey(), unique(), foreignKey() or check()',
          });
        }
      }
    }
    this.tables.set(name, { name, table, columnNames, primaryKeys, uniques, foreignKeys, checks, exclusions, indexes: table.indexes });
  }

  /** Enums the schema owns: those listed in `enums` and those its columns use without another owner. */
  private resolveEnums(): void {
    const uses: EnumUse[] = [];
    for (const t of [...this.tables.values()].sort((a, b) => compareNames(a.name, b.name))) {
      for (const columnName of t.columnNames) {
        const type = (t.table.columns[columnName] as Column<ColumnConfig>).data.type;
        if (type.kind === 'enum') uses.push({ type: type.enum, where: this.where(t.name, columnName) });
      }
    }
    for (const e of resolveEnums(this.schema, this.input.enums, uses, new Set(this.tables.keys()))) this.ownedEnums.set(e.name, e);
  }

  /** The domains the columns use, in table then column order. */
  private usedDomains(tables: readonly Gathered[]): DomainType[] {
    const used: DomainType[] = [];
    for (const t of tables) {
      for (const columnName of t.columnNames) {
        const type = (t.table.columns[columnName] as Column<ColumnConfig>).data.type;
        if (type.kind === 'builtin' && type.domain !== undefined) used.push(type.domain);
      }
    }
    return used;
  }

  private registerExplicitNames(t: Gathered): void {
    for (const { def } of t.primaryKeys) if (def.name !== null) this.names.explicit(def.name, t.name, 'primary key');
    for (const { def } of t.uniques) if (def.name !== null) this.names.explicit(def.name, t.name, 'unique constraint');
    for (const { def } of t.foreignKeys) if (def.name !== null) this.names.explicit(def.name, t.name, 'foreign key');
    for (const { def } of t.checks) if (def.name !== null) this.names.explicit(def.name, t.name, 'check constraint');
    for (const def of t.exclusions) if (def.name !== null) this.names.explicit(def.name, t.name, 'exclusion constraint');
    for (const def of t.indexes) if (def.name !== null) this.names.explicit(def.name, t.name, 'index');
  }

  /** Every name must be a column of the table, listed once, and the list not empty. */
  private checkColumns(t: Gathered, columns: readonly string[], what: string): void {
    if (columns.length === 0) throw new ModelError(`${this.where(t.name)}: the ${what} lists no column`, { hint: 'list at least one column' });
    const seen = new Set<string>();
    for (const c of columns) {
      if (!t.columnNames.includes(c)) {
        throw new ModelError(`${this.where(t.name, c)}: the ${what} names unknown column ${c}`, {
          hint: `columns of ${this.where(t.name)}: ${list(t.columnNames)}`,
        });
      }
      if (seen.has(c)) throw new ModelError(`${this.where(t.name, c)}: the ${what} lists column ${c} twice`, { hint: 'list each column once' });
      seen.add(c);
    }
  }

  /** An expression (check, index key or predicate) may only use columns of its table. */
  private checkExpressionColumns(t: Gathered, column: string | null, unknown: readonly string[], what: string): void {
    const [first] = unknown;
    if (first === undefined) return;
    throw new ModelError(`${this.where(t.name, column ?? first)}: the ${what} names unknown column ${first}`, {
      hint: `columns of ${this.where(t.name)}: ${list(t.columnNames)}`,
    });
  }

  private tableState(t: Gathered): TableState {
    const primaryKey = this.primaryKeyState(t);
    const pkColumns = new Set(primaryKey?.columns ?? []);
    const columns = t.columnNames.map((c) => this.columnState(t, c, pkColumns.has(c)));
    const uniques: UniqueState[] = t.uniques.map(({ def }) => {
      this.checkColumns(t, def.columns, 'unique constraint');
      const name =
        def.name ??
        this.names.generate(t.name, 'unique constraint', t.name, columnNamesAddition(indexColumnNames(def.columns)), 'key', `on (${list(def.columns)})`);
      return { name, columns: [...def.columns], ...deferrableField(def.deferrable) };
    });
    const checks: CheckState[] = t.checks.map(({ def, column }) => {
      const expression = def.expression.text;
      this.checkExpressionColumns(t, column, unknownColumns(expression, t.columnNames), `check constraint (${expression.trim()})`);
      const used = referencedColumns(expression, t.columnNames);
      const name =
        def.name ?? this.names.generate(t.name, 'check constraint', t.name, used.length === 1 ? (used[0] ?? null) : null, 'check', `(${expression.trim()})`);
      return { name, expression: printExpression(expression), ...(def.notValid ? { notValid: true as const } : {}) };
    });
    const foreignKeys = t.foreignKeys.map((fk) => this.foreignKeyState(t, fk));
    const exclusions = t.exclusions.map((x) => this.exclusionState(t, x));
    const indexes = t.indexes.map((ix) => this.indexState(t, ix));
    const byName = <T extends { readonly name: string }>(a: T, b: T): number => compareNames(a.name, b.name);
    return {
      name: t.name,
      columns,
      primaryKey,
      uniques: uniques.sort(byName),
      foreignKeys: foreignKeys.sort(byName),
      checks: checks.sort(byName),
      ...(exclusions.length === 0 ? {} : { exclusions: exclusions.sort(byName) }),
      indexes: indexes.sort(byName),
      comment: t.table.comment === null || t.table.comment === '' ? null : t.table.comment,
      ...this.tableSettings(t),
    };
  }

  /** The optional settings of a table state: UNLOGGED, storage parameters, row-level security, policies. */
  private tableSettings(t: Gathered): Partial<TableState> {
    const settings = t.table.settings;
    const storage = Object.entries(settings.with).map(([key, value]) => `${key}=${String(value)}`).sort();
    const seen = new Set<string>();
    const policies = settings.policies.map((p): PolicyState => {
      this.checkIdentifier(p.name, `${this.where(t.name)}: policy name`, 'a policy name is 1 to 63 bytes');
      if (seen.has(p.name)) throw new ModelError(`${this.where(t.name)} declares policy ${p.name} twice`, { hint: 'give each policy of a table its own name' });
      seen.add(p.name);
      const command = POLICY_COMMANDS[p.command] ?? this.badPolicyCommand(t, p.command);
      const state: PolicyState = {
        name: p.name,
        command,
        roles: p.roles.map((role) => (role.toLowerCase() === 'public' ? 'public' : printIdentifier(role))).sort(),
        using: p.using === null ? null : printExpression(p.using.text),
        withCheck: p.withCheck === null ? null : printExpression(p.withCheck.text),
      };
      return p.restrictive ? { ...state, restrictive: true } : state;
    });
    return {
      ...(settings.unlogged ? { unlogged: true as const } : {}),
      ...(storage.length === 0 ? {} : { with: storage }),
      ...(settings.rowSecurity === false ? {} : { rowSecurity: true as const }),
      ...(settings.rowSecurity === 'force' ? { forceRowSecurity: true as const } : {}),
      ...(policies.length === 0 ? {} : { policies: policies.sort((a, b) => compareNames(a.name, b.name)) }),
    };
  }

  private badPolicyCommand(t: Gathered, command: unknown): never {
    throw new ModelError(`${this.where(t.name)}: unknown policy command ${JSON.stringify(command)}`, {
      hint: `use one of ${list(Object.keys(POLICY_COMMANDS))}`,
    });
  }

  private primaryKeyState(t: Gathered): PrimaryKeyState | null {
    if (t.primaryKeys.length > 1) {
      const declared = t.primaryKeys.map(({ def }) => `(${list(def.columns)})`).join(' and ');
      throw new ModelError(`${this.where(t.name)} declares more than one primary key: ${declared}`, {
        hint: 'a table has one primary key; for a composite key write primaryKey([...]) once in the table options',
      });
    }
    const [pk] = t.primaryKeys;
    if (pk === undefined) return null;
    this.checkColumns(t, pk.def.columns, 'primary key');
    const name = pk.def.name ?? this.names.generate(t.name, 'primary key', t.name, null, 'pkey', '');
    return { name, columns: [...pk.def.columns], ...deferrableField(pk.def.deferrable) };
  }

  private columnState(t: Gathered, name: string, inPrimaryKey: boolean): ColumnState {
    const d = (t.table.columns[name] as Column<ColumnConfig>).data;
    const where = this.where(t.name, name);
    if (d.identity !== null) {
      if (!isIntegerType(d.type) || d.arrayDimensions > 0) {
        throw new ModelError(`${where}: an identity column must be smallint, integer or bigint`, { hint: 'use integer().identity(...) or bigint().identity(...)' });
      }
      if (d.default !== null) {
        throw new ModelError(`${where}: a column cannot have both a default and an identity`, { hint: 'remove default() or identity()' });
      }
    }
    let defaultText: string | null = null;
    if (d.default?.kind === 'sql') {
      defaultText = d.default.expression.text.trim();
    } else if (d.default?.kind === 'literal' && d.default.value !== null && d.default.value !== undefined) {
      const printed = printLiteralDefault(d.default.value, d.type, d.arrayDimensions, printCastType(d.type, this.schema));
      if ('problem' in printed) {
        throw new ModelError(`${where}: the default ${printed.problem}`, { hint: 'give a value of the column\'s type, or SQL with sql`...`' });
      }
      defaultText = printed.text;
    }
    const type = printColumnType(d.type, d.arrayDimensions, this.schema);
    const column: ColumnState = {
      name,
      type,
      notNull: d.notNull || d.identity !== null || inPrimaryKey,
      default: defaultText,
      identity: d.identity,
      comment: d.comment === null || d.comment === '' ? null : d.comment,
    };
    return { ...column, ...this.columnExtras(d, where, type) };
  }

  /** The optional parts of a column state: generation, identity options, collation. */
  private columnExtras(d: ColumnData, where: string, type: string): Partial<ColumnState> {
    const extra: { -readonly [K in 'generated' | 'identityOptions' | 'collation']?: ColumnState[K] } = {};
    if (d.generated !== null) {
      if (d.default !== null || d.identity !== null) {
        throw new ModelError(`${where}: a generated column cannot also have a default or an identity`, {
          hint: 'remove default() or identity(), or generatedAlwaysAs()',
        });
      }
      extra.generated = d.generated.text.trim();
    }
    if (d.identityOptions !== null && d.identity !== null) {
      const options = identityOptionsOf(type, this.fullIdentityOptions(d.identityOptions, where, type));
      if (options !== undefined) extra.identityOptions = options;
    }
    if (d.collation !== null) {
      this.checkIdentifier(d.collation, `${where}: collation`, 'a collation name such as C, POSIX or en-x-icu');
      extra.collation = printIdentifier(d.collation);
    }
    return extra;
  }

  private fullIdentityOptions(input: IdentityOptionsInput, where: string, type: string): FullIdentityOptions {
    const whole = (value: number | bigint | string | undefined, what: string): string | undefined => {
      if (value === undefined) return undefined;
      const text = String(value).trim();
      if (!/^-?\d+$/.test(text)) {
        throw new ModelError(`${where}: identity option ${what} must be a whole number, not ${JSON.stringify(value)}`, {
          hint: 'e.g. identity(\'always\', { start: 1000, increment: 1 })',
        });
      }
      return text;
    };
    const options: IdentityOptions = {
      ...(input.start === undefined ? {} : { start: whole(input.start, 'start') }),
      ...(input.increment === undefined ? {} : { increment: whole(input.increment, 'increment') }),
      ...(input.minValue === undefined ? {} : { minValue: whole(input.minValue, 'minValue') }),
      ...(input.maxValue === undefined ? {} : { maxValue: whole(input.maxValue, 'maxValue') }),
      ...(input.cache === undefined ? {} : { cache: whole(input.cache, 'cache') }),
      ...(input.cycle === true ? { cycle: true as const } : {}),
    };
    if (options.increment === '0') {
      throw new ModelError(`${where}: identity option increment cannot be 0`, { hint: 'use a positive or negative increment' });
    }
    return fullIdentityOptions(type, options);
  }

  private foreignKeyState(t: Gathered, { def, column }: Declared<ForeignKeyDecl>): ForeignKeyState {
    this.checkColumns(t, def.columns, 'foreign key');
    const where = this.where(t.name, column ?? def.columns);
    let refSchema: string;
    let refTable: string;
    if (typeof def.target === 'string') {
      refSchema = this.schema;
      refTable = def.target;
    } else {
      refSchema = def.target.schema;
      refTable = def.target.table;
      this.checkIdentifier(refSchema, `${where}: referenced schema`, 'a schema name is 1 to 63 bytes');
    }
    this.checkIdentifier(refTable, `${where}: referenced table`, 'a table name is 1 to 63 bytes');
    const refColumns = def.refColumns;
    if (refColumns.length !== def.columns.length) {
      throw new ModelError(`${where}: the foreign key has ${def.columns.length} column(s) but references ${refColumns.length}`, {
        hint: 'list as many referenced columns as referencing ones',
      });
    }
    if (refSchema === this.schema) {
      const target = this.tables.get(refTable);
      if (target === undefined) {
        throw new ModelError(`${where} references unknown table ${refSchema}.${refTable}`, {
          hint: `tables of schema ${this.schema}: ${list([...this.tables.keys()].sort(compareNames))}; for a table of another schema write { schema, table }`,
        });
      }
      for (const rc of refColumns) {
        if (!target.columnNames.includes(rc)) {
          throw new ModelError(`${where} references unknown column ${refSchema}.${refTable}.${rc}`, {
            hint: `columns of ${refSchema}.${refTable}: ${list(target.columnNames)}`,
          });
        }
      }
      if (!uniqueKeys(target).some((key) => sameSet(key, refColumns))) {
        throw new ModelError(`${where} references ${refSchema}.${refTable} (${list(refColumns)}), which is neither its primary key nor unique`, {
          hint: `Postgres requires a primary key or unique constraint on the referenced columns; add .unique() to ${refSchema}.${refTable}.${refColumns[0] ?? ''}`,
        });
      }
    }
    const name =
      def.name ?? this.names.generate(t.name, 'foreign key', t.name, columnNamesAddition(def.columns), 'fkey', `on (${list(def.columns)})`);
    return {
      name,
      columns: [...def.columns],
      refSchema,
      refTable,
      refColumns: [...refColumns],
      onDelete: ACTIONS[def.onDelete] ?? this.badAction(where, def.onDelete),
      onUpdate: ACTIONS[def.onUpdate] ?? this.badAction(where, def.onUpdate),
      ...(def.match === 'full' ? { match: 'FULL' as const } : {}),
      ...deferrableField(def.deferrable),
      ...(def.notValid ? { notValid: true as const } : {}),
    };
  }

  /**
   * An exclusion constraint, its definition written as `pg_get_constraintdef` would print it as
   * far as the model can (normalisation through Postgres does the rest). Named as Postgres names
   * it: `<table>_<element names>_excl`.
   */
  private exclusionState(t: Gathered, x: ExclusionConstraint): ExclusionState {
    if (x.elements.length === 0) throw new ModelError(`${this.where(t.name)}: an exclusion constraint lists no element`, { hint: 'exclude([sql`during WITH &&`])' });
    this.checkIdentifier(x.using, `${this.where(t.name)}: exclusion constraint method`, 'e.g. gist, btree, spgist');
    const elements = x.elements.map((e) => e.text.trim());
    const keys = elements.map((e) => e.replace(/\s+WITH\s+\S+$/i, ''));
    const names = indexColumnNames(keys.map(indexKeyName));
    const name =
      x.name ?? this.names.generate(t.name, 'exclusion constraint', t.name, columnNamesAddition(names), 'excl', `on (${list(names)})`);
    let definition = `EXCLUDE USING ${x.using} (${elements.join(', ')})`;
    if (x.where !== null) definition += ` WHERE (${x.where.text.trim()})`;
    if (x.deferrable !== null) definition += x.deferrable === 'deferred' ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
    return { name, definition };
  }

  private badAction(where: string, action: unknown): never {
    throw new ModelError(`${where}: unknown foreign key action ${JSON.stringify(action)}`, { hint: `use one of ${list(Object.keys(ACTIONS))}` });
  }

  private indexState(t: Gathered, ix: IndexDefinition): IndexState {
    const keyNames = ix.keys.map((k) => (typeof k === 'string' ? k : indexKeyName(k.text)));
    const columnKeys = ix.keys.filter((k): k is string => typeof k === 'string');
    if (ix.keys.length === 0) throw new ModelError(`${this.where(t.name)}: an index lists no key`, { hint: 'index([column, ...])' });
    if (columnKeys.length > 0) {
      for (const c of columnKeys) {
        if (!t.columnNames.includes(c)) {
          throw new ModelError(`${this.where(t.name, c)}: the index names unknown column ${c}`, { hint: `columns of ${this.where(t.name)}: ${list(t.columnNames)}` });
        }
      }
    }
    for (const k of ix.keys) {
      if (typeof k !== 'string') this.checkExpressionColumns(t, null, unknownIndexKeyColumns(k.text, t.columnNames), `index key ${k.text.trim()}`);
    }
    if (ix.where !== null) {
      this.checkExpressionColumns(t, null, unknownColumns(ix.where.text, t.columnNames), `index predicate (WHERE ${ix.where.text.trim()})`);
    }
    const method = ix.using;
    this.checkIdentifier(method, `${this.where(t.name)}: index method`, 'e.g. btree, gin, gist, hash, brin');
    if (ix.unique && method !== 'btree') {
      throw new ModelError(`${this.where(t.name, columnKeys)}: a unique index must use btree, not ${method}`, {
        hint: 'only btree supports unique indexes in Postgres',
      });
    }
    const names = indexColumnNames(keyNames);
    const name =
      ix.name ?? this.names.generate(t.name, 'index', t.name, columnNamesAddition(names), 'idx', `on (${list(names)})`);
    const state: IndexState = {
      name,
      unique: ix.unique,
      method,
      keys: ix.keys.map((k) => (typeof k === 'string' ? printIdentifier(k) : k.text.trim())),
      where: ix.where === null ? null : printExpression(ix.where.text),
    };
    const include = ix.include ?? [];
    if (include.length > 0) this.checkColumns(t, include, 'index INCLUDE list');
    const storage = Object.entries(ix.with ?? {}).map(([key, value]) => `${key}=${String(value)}`).sort();
    return {
      ...state,
      ...(include.length === 0 ? {} : { include: include.map(printIdentifier) }),
      ...(storage.length === 0 ? {} : { with: storage }),
      ...(ix.nullsNotDistinct === true ? { nullsNotDistinct: true as const } : {}),
    };
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Column sets a foreign key may reference: primary key, unique constraints, plain unique indexes. */
function uniqueKeys(t: Gathered): (readonly string[])[] {
  const keys: (readonly string[])[] = [];
  for (const { def } of [...t.primaryKeys, ...t.uniques]) keys.push(def.columns);
  for (const ix of t.indexes) {
    if (ix.unique && ix.where === null && ix.keys.every((k) => typeof k === 'string')) keys.push(ix.keys as readonly string[]);
  }
  return keys;
}

/**
 * Normalises a schema's declarations into its {@link SchemaState}, or throws a ModelError.
 * `defineSchema` calls it, so an invalid model fails when it is loaded.
 *
 * @example
 * const { state } = buildSchemaState({ name: 'asia', tables: { countries }, enums: [] });
 */
export function buildSchemaState(input: SchemaInput): BuiltSchema {
  return new SchemaBuilder(input).build();
}
