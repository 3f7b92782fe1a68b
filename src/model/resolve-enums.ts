/**
 * Which enum types a schema owns (creates and changes in its migrations): those it lists in
 * `defineSchema(..., { enums })`, and those its columns use that name no other schema.
 */
import { ModelError } from '../errors.js';
import { identifierProblem } from '../sql/quote.js';
import type { EnumType } from './enum-type.js';

/** An enum used by a column; `where` is `schema.table.column`, for messages. */
export interface EnumUse {
  readonly type: EnumType;
  readonly where: string;
}

function isEnumType(value: unknown): value is EnumType {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'enum';
}

function checkLabels(schema: string, e: EnumType): void {
  const seen = new Set<string>();
  for (const label of e.values) {
    const problem = typeof label !== 'string' ? 'is not a string' : label === '' ? 'is empty' : identifierProblem(label);
    if (problem !== null) {
      throw new ModelError(`enum ${schema}.${e.name}: label ${JSON.stringify(label)} ${problem}`, { hint: 'enum labels are 1 to 63 bytes' });
    }
    if (seen.has(label)) {
      throw new ModelError(`enum ${schema}.${e.name}: label ${JSON.stringify(label)} is listed twice`, { hint: 'list each label once' });
    }
    seen.add(label);
  }
}

/**
 * The enums schema `schema` owns, in first-seen order, checked: one definition per name, valid
 * labels, no name shared with a table (every table has a row type of its own name).
 *
 * @example
 * resolveEnums('asia', [], [{ type: continent, where: 'asia.countries.continent' }], new Set(['countries']))
 * // => [continent]
 */
export function resolveEnums(
  schema: string,
  listed: readonly EnumType[],
  uses: readonly EnumUse[],
  tableNames: ReadonlySet<string>,
): EnumType[] {
  const owned = new Map<string, EnumType>();
  const own = (e: EnumType, usedBy: string | null): void => {
    const what = usedBy ?? `schema ${schema}`;
    if (!isEnumType(e)) {
      throw new ModelError(`${what}: ${JSON.stringify(e)} is not an enum type`, { hint: 'declare enums with enumType(name, [labels])' });
    }
    if (e.schema !== null && e.schema !== schema) {
      if (usedBy !== null) return; // another schema's type: referenced, qualified
      throw new ModelError(`schema ${schema} lists enum ${e.schema}.${e.name}, which belongs to schema ${e.schema}`, {
        hint: `list it in the model of schema ${e.schema}, or drop its { schema } option`,
      });
    }
    const existing = owned.get(e.name);
    if (existing !== undefined) {
      if (existing === e || existing.values.join(', ') === e.values.join(', ')) return;
      throw new ModelError(
        `${what}: enum ${schema}.${e.name} is declared twice with different labels (${existing.values.join(', ')} / ${e.values.join(', ')})`,
        { hint: 'declare the enum once and import it where it is used' },
      );
    }
    const problem = identifierProblem(e.name);
    if (problem !== null) {
      throw new ModelError(`enum name in schema ${schema}: ${JSON.stringify(e.name)} ${problem}`, {
        hint: 'an enum name is 1 to 63 bytes without NUL characters',
      });
    }
    checkLabels(schema, e);
    if (tableNames.has(e.name)) {
      throw new ModelError(`enum ${schema}.${e.name} has the name of table ${schema}.${e.name}`, {
        hint: 'every table has a row type of its name; give the enum another name',
      });
    }
    owned.set(e.name, e);
  };
  for (const e of listed) own(e, null);
  for (const use of uses) own(use.type, use.where);
  return [...owned.values()];
}
