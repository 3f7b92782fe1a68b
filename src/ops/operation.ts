/**
 * The operations of autogenerate: plain, readonly data, one variant per kind of change.
 *
 * The comparison (src/diff) produces them, {@link reverseOperation} turns each into its inverse,
 * {@link orderOperations} decides their order and the renderer (src/render) turns them into SQL.
 * An operation never holds SQL built by the comparison; it holds the states and names involved.
 *
 * Names are unqualified: every operation applies to the one schema being migrated (migrations run
 * with `search_path` set to it). Table and column names are the names *at the time the operation
 * runs*; renames run first, so after a rename every other operation uses the new names.
 *
 * Drop operations keep the full pre-image of what they drop, so that their reverse rebuilds it.
 */
import type {
  CheckState,
  ColumnState,
  EnumState,
  ForeignKeyState,
  IndexState,
  PrimaryKeyState,
  TableState,
  UniqueState,
} from '../schema/types.js';
import type { ColumnDetailOperation } from './column-detail-operations.js';
import type { ConstraintDetailOperation } from './constraint-detail-operations.js';
import type { TableSettingOperation } from './table-setting-operations.js';
import type { TypeChangeSafety } from './type-change-safety.js';

export type {
  CreatePolicy,
  DropPolicy,
  RowSecurity,
  SetRowSecurity,
  SetTableLogging,
  SetTableStorage,
  TableSettingOperation,
} from './table-setting-operations.js';
export type {
  AddExclusion,
  ConstraintDetailOperation,
  DropExclusion,
  InvalidateConstraint,
  ValidatableConstraint,
  ValidateConstraint,
} from './constraint-detail-operations.js';
export type { AlterColumnCollation, AlterColumnGenerated, AlterIdentityOptions, ColumnDetailOperation } from './column-detail-operations.js';
import type { ObjectOperation } from './object-operations.js';

export type * from './object-operations.js';

/** Identity generation of a column, or `null` for a column that is not an identity. */
export type Identity = ColumnState['identity'];

/**
 * A column that uses an enum type (directly or as an array), recorded on the enum operations that
 * must rebuild the type (Postgres cannot remove or reorder enum labels in place).
 */
export interface EnumUsage {
  readonly table: string;
  readonly column: string;
  /** True when the column is an array of the enum (`continent[]`). */
  readonly array: boolean;
  /**
   * The column's default at the time of the rebuild, or null. The rebuild drops it before
   * changing the column's type and sets it again afterwards, because Postgres cannot cast a
   * default from the old type to the new one.
   */
  readonly default: string | null;
}

/** A check of a table, with the table it belongs to. */
export interface TableCheck {
  readonly table: string;
  readonly check: CheckState;
}

/** An index of a table, with the table it belongs to. */
export interface TableIndex {
  readonly table: string;
  readonly index: IndexState;
}

/**
 * The checks and indexes whose expression casts to an enum (`k <> 'Asia'::continent`), as they
 * are (full pre-images) when the enum's labels change. A rebuild of the type must drop them
 * before and create them again after: Postgres rebuilds them from their text, which then names
 * the old type. Recorded on the label additions of the enum (which leave them alone) for their
 * reverse, {@link DropEnumValue}, which rebuilds.
 */
export interface EnumDependents {
  readonly checks: readonly TableCheck[];
  readonly indexes: readonly TableIndex[];
}

/**
 * Creates a table with its columns, primary key, uniques, checks and foreign keys (those the
 * table holds), then its indexes and comments. The comparison leaves `foreignKeys` empty and
 * emits separate `addForeignKey` operations, so that referenced tables exist first.
 */
export interface CreateTable {
  readonly kind: 'createTable';
  readonly table: TableState;
}

/** Drops a table. `table` is the full pre-image, so the reverse re-creates it. */
export interface DropTable {
  readonly kind: 'dropTable';
  readonly table: TableState;
}

export interface RenameTable {
  readonly kind: 'renameTable';
  readonly from: string;
  readonly to: string;
}

/** Adds a column (with its default, identity, NOT NULL and comment). */
export interface AddColumn {
  readonly kind: 'addColumn';
  readonly table: string;
  readonly column: ColumnState;
}

/** Drops a column. `column` is the full pre-image (its data cannot be brought back). */
export interface DropColumn {
  readonly kind: 'dropColumn';
  readonly table: string;
  readonly column: ColumnState;
}

export interface RenameColumn {
  readonly kind: 'renameColumn';
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Changes a column's type. `using` is a custom `USING` expression (SQL text) for this direction
 * and `reverseUsing` the one for the reverse; `null` lets the renderer decide: it writes
 * `USING "column"::type` only when Postgres has no assignment cast between the two types.
 */
export interface AlterColumnType {
  readonly kind: 'alterColumnType';
  readonly table: string;
  readonly column: string;
  readonly from: string;
  readonly to: string;
  readonly using: string | null;
  readonly reverseUsing: string | null;
  /** What the catalog says about this change (the cast, the objects using the column), when looked up. */
  readonly safety?: TypeChangeSafety;
  /** The same for the reverse change. */
  readonly reverseSafety?: TypeChangeSafety;
}

/** Sets (`notNull: true`) or drops (`notNull: false`) a column's NOT NULL. */
export interface AlterColumnNullability {
  readonly kind: 'alterColumnNullability';
  readonly table: string;
  readonly column: string;
  readonly notNull: boolean;
}

/** Changes a column's default; `null` means no default. */
export interface AlterColumnDefault {
  readonly kind: 'alterColumnDefault';
  readonly table: string;
  readonly column: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Adds (`from: null`), drops (`to: null`) or changes the identity generation of a column. */
export interface AlterColumnIdentity {
  readonly kind: 'alterColumnIdentity';
  readonly table: string;
  readonly column: string;
  readonly from: Identity;
  readonly to: Identity;
}

export interface AddPrimaryKey {
  readonly kind: 'addPrimaryKey';
  readonly table: string;
  readonly primaryKey: PrimaryKeyState;
}

export interface DropPrimaryKey {
  readonly kind: 'dropPrimaryKey';
  readonly table: string;
  readonly primaryKey: PrimaryKeyState;
}

export interface AddUnique {
  readonly kind: 'addUnique';
  readonly table: string;
  readonly unique: UniqueState;
}

export interface DropUnique {
  readonly kind: 'dropUnique';
  readonly table: string;
  readonly unique: UniqueState;
}

export interface AddForeignKey {
  readonly kind: 'addForeignKey';
  readonly table: string;
  readonly foreignKey: ForeignKeyState;
}

export interface DropForeignKey {
  readonly kind: 'dropForeignKey';
  readonly table: string;
  readonly foreignKey: ForeignKeyState;
}

export interface AddCheck {
  readonly kind: 'addCheck';
  readonly table: string;
  readonly check: CheckState;
}

export interface DropCheck {
  readonly kind: 'dropCheck';
  readonly table: string;
  readonly check: CheckState;
}

/** Renames a constraint (primary key, unique, foreign key or check) whose definition is unchanged. */
export interface RenameConstraint {
  readonly kind: 'renameConstraint';
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

export interface CreateIndex {
  readonly kind: 'createIndex';
  readonly table: string;
  readonly index: IndexState;
}

export interface DropIndex {
  readonly kind: 'dropIndex';
  readonly table: string;
  readonly index: IndexState;
}

/** Renames an index whose definition is unchanged. */
export interface RenameIndex {
  readonly kind: 'renameIndex';
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

export interface CreateEnum {
  readonly kind: 'createEnum';
  readonly enum: EnumState;
}

/** Drops an enum type. `enum` is the full pre-image. */
export interface DropEnum {
  readonly kind: 'dropEnum';
  readonly enum: EnumState;
}

/** What {@link AddEnumValue} and its reverse {@link DropEnumValue} both hold. */
interface EnumValueChange {
  readonly enumName: string;
  readonly value: string;
  /** The label the added one goes before (`null`: at the end). */
  readonly before: string | null;
  /** The labels without `value`. */
  readonly values: readonly string[];
  /** Columns using the enum, re-cast when the type is rebuilt. */
  readonly usages: readonly EnumUsage[];
  /** Checks and indexes mentioning the enum, dropped and re-created around a rebuild. */
  readonly dependents: EnumDependents;
}

/**
 * Adds one label to an enum (`ALTER TYPE ... ADD VALUE`). `usages` and `dependents` are not
 * needed to add the label (adding one leaves columns, checks and indexes alone); they are there
 * for the reverse, {@link DropEnumValue}, which has to rebuild the type.
 */
export interface AddEnumValue extends EnumValueChange {
  readonly kind: 'addEnumValue';
}

/**
 * Removes one label from an enum. Postgres has no `DROP VALUE`, so this rebuilds the type: rename
 * the old type, create the new one with `values`, re-cast each column in `usages` through `text`,
 * drop the old type. The checks and indexes of `dependents` are dropped before the rebuild and
 * created again after it. Rows holding the removed label make the cast fail. Produced as the
 * reverse of {@link AddEnumValue}.
 */
export interface DropEnumValue extends EnumValueChange {
  readonly kind: 'dropEnumValue';
}

/**
 * Replaces the labels of an enum when they cannot be reached by adding labels alone (a label
 * removed, or the order changed). Rebuilds the type as {@link DropEnumValue} does.
 */
export interface ReplaceEnum {
  readonly kind: 'replaceEnum';
  readonly enumName: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly usages: readonly EnumUsage[];
}

/** Sets (or, with `to: null`, removes) a table's comment. */
export interface SetTableComment {
  readonly kind: 'setTableComment';
  readonly table: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Sets (or, with `to: null`, removes) a column's comment. */
export interface SetColumnComment {
  readonly kind: 'setColumnComment';
  readonly table: string;
  readonly column: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * One change of a schema, as plain data.
 *
 * @example
 * const op: Operation = {
 *   kind: 'addColumn',
 *   table: 'countries',
 *   column: { name: 'area', type: 'integer', notNull: false, default: null, identity: null, comment: null },
 * };
 */
export type Operation =
  | CreateTable
  | DropTable
  | RenameTable
  | AddColumn
  | DropColumn
  | RenameColumn
  | AlterColumnType
  | AlterColumnNullability
  | AlterColumnDefault
  | AlterColumnIdentity
  | AddPrimaryKey
  | DropPrimaryKey
  | AddUnique
  | DropUnique
  | AddForeignKey
  | DropForeignKey
  | AddCheck
  | DropCheck
  | RenameConstraint
  | CreateIndex
  | DropIndex
  | RenameIndex
  | CreateEnum
  | DropEnum
  | AddEnumValue
  | DropEnumValue
  | ReplaceEnum
  | SetTableComment
  | SetColumnComment
  | ColumnDetailOperation
  | ConstraintDetailOperation
  | ObjectOperation
  | TableSettingOperation;

/** The `kind` of an {@link Operation}. */
export type OperationKind = Operation['kind'];

/** Thrown by exhaustive switches; reaching it means an operation kind was added without handling. */
export function unknownOperation(op: never): never {
  throw new Error(`unknown operation kind: ${JSON.stringify((op as { kind?: unknown }).kind)}`);
}
