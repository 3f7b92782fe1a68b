import { expectTypeOf } from 'vitest';
import asia from '../../src/db/asia.js';
import europe from '../../src/db/europe.js';
import type { InsertOf, RowOf, SchemaModel, TableNameOf } from '../../src/model/index.js';

type RowFor<S, T> = S extends SchemaModel ? (T extends TableNameOf<S> ? RowOf<S, T> : never) : never;
type InsertFor<S, T> = S extends SchemaModel ? (T extends TableNameOf<S> ? InsertOf<S, T> : never) : never;
type TablesFor<S> = S extends SchemaModel ? TableNameOf<S> : never;
type CommonTables<S extends SchemaModel> = TableNameOf<S>;

interface TableAccess<S extends SchemaModel, T extends TableNameOf<S>> {
  insert(row: InsertOf<S, T>): Promise<RowOf<S, T>>;
  select(o: {where?: Partial<RowOf<S,T>>; orderBy?: keyof RowOf<S,T>}): Promise<RowOf<S, T>[]>;
}
interface SchemaAccess<S extends SchemaModel> {
  table<T extends CommonTables<S>>(name: T): TableAccess<S, T>;
  table<const N extends string>(name: string extends N ? N : never): TableAccess<S, TableNameOf<S>>;
}
type Models = { readonly [k: string]: SchemaModel };
interface World<M extends Models> {
  schema<K extends keyof M & string>(name: K): SchemaAccess<M[K]>;
  schema<const N extends string>(name: string extends N ? N : never): SchemaAccess<M[keyof M]>;
}
const models = { asia, europe };
type W = World<typeof models>;
declare const w: W;
type Continent = keyof typeof models;

export async function addCountry<S extends Continent>(world: W, schema: S, fields: InsertOf<(typeof models)[S], 'countries'>) {
  return world.schema(schema).table('countries').insert(fields);
}
async function t() {
  const r = await w.schema('asia').table('countries').insert({ name: 'Japan', signature_dish: 'x' });
  expectTypeOf(r.signature_dish).toEqualTypeOf<string | null>();
  // @ts-expect-error
  await w.schema('europe').table('countries').insert({ name: 'Japan', signature_dish: 'x' });
  // @ts-expect-error
  w.schema('afrika');
  // @ts-expect-error
  w.schema('europe').table('languages');
  const name: string = 'europe';
  const rr = await w.schema(name).table('countries').insert({ name: 'Japan', signature_dish: 'x' });
  const c = 'europe' as Continent;
  await addCountry(w, c, { name: 'Switzerland', signature_dish: 'Fondue' });
  // @ts-expect-error
  await addCountry(w, 'europe', { name: 'Switzerland', signature_dish: 'Fondue' });
  const j = await addCountry(w, 'asia', { name: 'Japan', signature_dish: 'Ramen' });
  expectTypeOf(j.signature_dish).toEqualTypeOf<string | null>();
  const tn: string = 'countries';
  await w.schema('asia').table(tn).insert({ name: 'x' } as never);
  void rr;
}
void t;

async function u() {
  const rows = await w.schema('europe').table('countries').select({ where: { eu_member: true }, orderBy: 'eu_member' });
  expectTypeOf(rows[0]!.eu_member).toEqualTypeOf<boolean | null>();
  // @ts-expect-error
  await w.schema('europe').table('countries').select({ where: { signature_dish: 'x' } });
  const name: string = 'europe';
  const r2 = await w.schema(name).table('countries').select({ where: { signature_dish: 'x' }, orderBy: 'name' });
  // @ts-expect-error
  await w.schema(name).table('countries').select({ orderBy: 'eu_member' });
  return r2;
}
void u;
export async function addCountry2<S extends Continent>(world: W, schema: S, fields: InsertOf<(typeof models)[S], 'countries'>) {
  const r = await world.schema(schema).table('countries').select({ where: { name: fields.name } });
  return r;
}
