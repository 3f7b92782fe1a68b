/**
 * Tables shared by the schemas of the world example, as the seed's `base.py`: abstract bases that
 * `asia.ts` and `europe.ts` extend. The reference `capitals.country → countries.name` resolves to
 * the `countries` table of whichever schema uses `capitals`.
 */
import { abstractTable, integer, varchar } from '../model/index.js';

export const countries = abstractTable({
  country_id: integer().identity('by default').primaryKey(),
  name: varchar(100).notNull().unique(),
  population: integer(),
});

export const capitals = abstractTable({
  capital_id: integer().identity('by default').primaryKey(),
  name: varchar(100).notNull(),
  country: varchar(100).notNull().references('countries', 'name'),
});
