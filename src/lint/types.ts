/**
 * The data of `worlddb lint`: statements read from migration files, the rules that look at them,
 * and the findings they give. Plain data; the parser and the database come in from outside.
 */
import type { Node } from 'libpg-query';
import type { SimpleType } from './ast.js';

/** How much a finding matters. `off` turns a rule off. */
export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

/** One statement of a migration's up part, parsed. */
export interface LintStatement {
  /** The statement's text, as written. */
  readonly text: string;
  /** The parsed statement (one `Node`, e.g. `{ AlterTableStmt: ... }`). */
  readonly node: Node;
  /** 1-based line and column in the file where the statement starts. */
  readonly line: number;
  readonly column: number;
  /** Maps a parser location (a byte offset inside {@link text}) to a file line and column. */
  readonly position: (location: number | undefined) => { readonly line: number; readonly column: number };
  /** Rule ids ignored for this statement by `-- worlddb:lint-ignore RULE reason` comments. */
  readonly ignored: ReadonlySet<string>;
}

/** What the database says about a table, when one is reachable. */
export interface TableStats {
  /** Estimated rows (`pg_class.reltuples`), or null when never analysed. */
  readonly rows: number | null;
  /** `pg_total_relation_size`, in bytes. */
  readonly bytes: number;
  /** True when the table has no data page at all (`pg_relation_size` is 0). */
  readonly empty: boolean;
}

/** What the live database knows, for the tables and columns of the linted schemas. */
export interface LiveCatalog {
  /** The schemas read; for tables of other schemas lint knows nothing and works from the SQL alone. */
  readonly schemas: ReadonlySet<string>;
  /** Stats of a table, by `schema.table` (unquoted names); undefined when it does not exist. */
  readonly table: (schema: string, table: string) => TableStats | undefined;
  /** The type of a column, or undefined when unknown. */
  readonly columnType: (schema: string, table: string, column: string) => SimpleType | undefined;
}

/** A table a statement works on, as written (schema null when unqualified). */
export interface TableRef {
  readonly schema: string | null;
  readonly name: string;
}

/** What a rule reports about one statement. */
export interface RuleHit {
  readonly message: string;
  /** Parser location (byte offset in the statement) of the thing at fault; the statement start when absent. */
  readonly location?: number;
  /**
   * The existing table the statement locks or rewrites. Findings naming a table created earlier in
   * the same migration (or an empty one) are dropped, and live sizes decide their severity.
   */
  readonly table?: TableRef;
}

/** Facts gathered from the statements before the current one, in the same migration file. */
export interface MigrationState {
  /** Tables created earlier in the migration, as `schema.table` keys (see {@link tableKey}). */
  readonly createdTables: Set<string>;
  /** Column types declared in the statements read so far (created tables, added columns), by `schema.table.column`. */
  readonly columnTypes: Map<string, SimpleType>;
  /** Enum labels added earlier in the migration. */
  readonly addedEnumLabels: Set<string>;
  /** Check constraints of the form `col IS NOT NULL`, by constraint name: their `schema.table.column`. */
  readonly notNullChecks: Map<string, string>;
  /** Columns (`schema.table.column`) that have a validated `IS NOT NULL` check. */
  readonly validatedNotNull: Set<string>;
  /** True once the migration sets `lock_timeout`. */
  lockTimeoutSet: boolean;
}

/** What a rule sees besides the statement. */
export interface RuleContext {
  /** The schema unqualified names resolve to (the migrated schema). */
  readonly schema: string;
  /** True when the migration runs in a transaction (no `-- worlddb:no-transaction`). */
  readonly transactional: boolean;
  readonly state: MigrationState;
  /** True when the runner sets a `lock_timeout` itself (config `pgLockTimeout`). */
  readonly runnerLockTimeout: boolean;
  /** The live catalog, or null when linting from the SQL alone. */
  readonly live: LiveCatalog | null;
}

/**
 * A lint rule: one file in src/lint/rules/ with its id, explanation, safe rewrite and check.
 */
export interface LintRule {
  /** Kebab-case id, used in the config and in `-- worlddb:lint-ignore`. */
  readonly id: string;
  /** Severity when the config says nothing. */
  readonly defaultSeverity: RuleSetting;
  /** One line: what is wrong. */
  readonly title: string;
  /** One paragraph: why it hurts in production. */
  readonly explanation: string;
  /** The safe way to write it, shown under each finding. */
  readonly fix: string;
  /**
   * True for rules about locks and rewrites: their findings on a table created earlier in the
   * migration or found empty are dropped, and the table's live size raises or lowers the severity.
   * (Other rules only spare tables created earlier in the migration.)
   */
  readonly locks: boolean;
  /** Report only the first finding of a migration file. */
  readonly once?: boolean;
  /**
   * SQL that the rule flags and SQL it leaves alone (the safe rewrite among them). Each entry is a
   * migration's up part (or a whole file when it holds `-- worlddb:up`), linted in schema `app`
   * with no database.
   * The test suite checks both.
   */
  readonly examples: { readonly bad: readonly string[]; readonly good: readonly string[] };
  /** Looks at one statement. */
  readonly check: (statement: LintStatement, context: RuleContext) => readonly RuleHit[];
}

/** One finding, placed in its file. */
export interface Finding {
  /** The file as shown to the user. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
}
