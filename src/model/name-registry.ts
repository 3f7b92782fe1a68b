/**
 * The names a schema's objects take, to find duplicates and to give unnamed constraints and
 * indexes the name Postgres would give them.
 *
 * Postgres keeps two name spaces that matter here: relations (tables, and the indexes behind
 * primary keys, unique constraints and plain indexes) must be unique in the schema; constraint
 * names must be unique per table, and a DEFAULT constraint name also avoids every constraint
 * name of the schema. When a default name is taken, Postgres appends a number, so the result
 * depends on the order of creation. The registry mimics that only where the order is fixed (two
 * unnamed objects of the same kind on the same table, created in declaration order) and refuses
 * every other clash, asking for an explicit name.
 */
import { ModelError } from '../errors.js';
import { identifierProblem } from '../sql/quote.js';
import { chooseName } from './pg-naming.js';

export type NamedKind =
  | 'table'
  | 'primary key'
  | 'unique constraint'
  | 'foreign key'
  | 'check constraint'
  | 'exclusion constraint'
  | 'index';

interface Owner {
  readonly table: string;
  readonly kind: NamedKind;
  readonly generated: boolean;
  /** For messages: `primary key of asia.countries`. */
  readonly description: string;
}

/** Relations: objects that live in pg_class. */
const RELATION_KINDS: ReadonlySet<NamedKind> = new Set(['table', 'primary key', 'unique constraint', 'exclusion constraint', 'index']);
/** Constraints: objects that live in pg_constraint. */
const CONSTRAINT_KINDS: ReadonlySet<NamedKind> = new Set([
  'primary key',
  'unique constraint',
  'foreign key',
  'check constraint',
  'exclusion constraint',
]);

export class NameRegistry {
  private readonly relations = new Map<string, Owner>();
  private readonly constraints = new Map<string, Owner[]>();

  constructor(private readonly schema: string) {}

  private describe(table: string, kind: NamedKind): string {
    return kind === 'table' ? `table ${this.schema}.${table}` : `${kind} of ${this.schema}.${table}`;
  }

  private clash(name: string, table: string, kind: NamedKind): Owner | undefined {
    if (RELATION_KINDS.has(kind)) {
      const other = this.relations.get(name);
      if (other !== undefined) return other;
    }
    if (CONSTRAINT_KINDS.has(kind)) {
      const owners = this.constraints.get(name) ?? [];
      return owners.find((o) => o.table === table) ?? undefined;
    }
    return undefined;
  }

  private add(name: string, owner: Owner): void {
    if (RELATION_KINDS.has(owner.kind)) this.relations.set(name, owner);
    if (CONSTRAINT_KINDS.has(owner.kind)) this.constraints.set(name, [...(this.constraints.get(name) ?? []), owner]);
  }

  /** Registers a name written in the model; a duplicate is a ModelError. */
  explicit(name: string, table: string, kind: NamedKind): void {
    const description = this.describe(table, kind);
    const problem = typeof name === 'string' ? identifierProblem(name) : 'is not a string';
    if (problem !== null) {
      // Postgres would silently cut a long name, and the model would never match the catalog.
      throw new ModelError(`${this.schema}.${table}: name ${JSON.stringify(name)} of the ${description} ${problem}`, {
        hint: 'a name is 1 to 63 bytes without NUL characters',
      });
    }
    const other = this.clash(name, table, kind);
    if (other !== undefined) {
      throw new ModelError(`${this.schema}.${table}: name ${name} of the ${description} is already used by the ${other.description}`, {
        hint: 'give one of them another name',
      });
    }
    this.add(name, { table, kind, generated: false, description });
  }

  /**
   * Picks Postgres' default name (`makeObjectName(name1, name2, label)`, then `label1`, ... while
   * taken by an unnamed object of the same kind on the same table) and registers it.
   */
  generate(table: string, kind: NamedKind, name1: string, name2: string | null, label: string, what: string): string {
    const description = this.describe(table, kind);
    return this.registerGenerated(
      chooseName(name1, name2, label, (candidate) => {
        const other = this.defaultClash(candidate, table, kind);
        if (other === undefined) return false;
        if (other.generated && other.table === table && other.kind === kind) return true;
        throw new ModelError(
          `${this.schema}.${table}: the default name ${candidate} of the ${what === '' ? kind : `${kind} ${what}`} is already used by the ${other.description}`,
          { hint: `Postgres would pick another name depending on the order of creation; give the ${kind} an explicit name` },
        );
      }),
      { table, kind, generated: true, description },
    );
  }

  /** A default foreign key or check name also avoids every constraint name of the schema (ChooseConstraintName). */
  private defaultClash(name: string, table: string, kind: NamedKind): Owner | undefined {
    const local = this.clash(name, table, kind);
    if (local !== undefined) return local;
    if (kind === 'foreign key' || kind === 'check constraint') return this.constraints.get(name)?.[0];
    return undefined;
  }

  private registerGenerated(name: string, owner: Owner): string {
    this.add(name, owner);
    return name;
  }
}
