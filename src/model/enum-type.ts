/**
 * Enum types. An enum is a type of a schema (`asia.continent`): the schema whose tables use it
 * (or that lists it in `defineSchema(..., { enums })`) creates and changes it in its migrations.
 */

export interface EnumTypeOptions {
  /**
   * Schema that owns the type when it is not the schema using it, e.g. `'public'` for a shared
   * `public.currency`. Such an enum is referenced, never created, by the schemas using it.
   */
  readonly schema?: string;
}

/** An enum type declared in a model. */
export interface EnumType<V extends string = string> {
  readonly kind: 'enum';
  readonly name: string;
  /** Owning schema when given explicitly; null means "the schema that uses it". */
  readonly schema: string | null;
  /** Labels in their sort order. */
  readonly values: readonly V[];
}

/**
 * Declares an enum type. Use it in columns with `enumColumn(type)`.
 *
 * @example
 * export const continent = enumType('continent', ['Africa', 'Asia', 'Europe']);
 * // in a table: continent: enumColumn(continent).notNull()
 * // row type:   continent: 'Africa' | 'Asia' | 'Europe'
 *
 * // a type owned by another schema:
 * export const currency = enumType('currency', ['EUR', 'JPY'], { schema: 'public' });
 */
export function enumType<const V extends string>(
  name: string,
  values: readonly V[],
  options: EnumTypeOptions = {},
): EnumType<V> {
  return Object.freeze({
    kind: 'enum' as const,
    name,
    schema: options.schema ?? null,
    values: Object.freeze([...values]),
  });
}
