/** The `asia` schema of the world example (the seed's `asia.py`). */
import { defineSchema, integer, table, varchar } from '../model/index.js';
import { capitals, countries } from './base.js';

export default defineSchema('asia', {
  tables: {
    countries: countries.extend({ signature_dish: varchar(100) }),
    capitals: capitals.extend({}),
    languages: table({
      language_id: integer().identity('by default').primaryKey(),
      country: varchar(100).references('countries', 'name'),
    }),
  },
});
