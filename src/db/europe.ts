/** The `europe` schema of the world example (the seed's `europe.py`). */
import { boolean, defineSchema } from '../model/index.js';
import { capitals, countries } from './base.js';

export default defineSchema('europe', {
  tables: {
    countries: countries.extend({ eu_member: boolean() }),
    capitals: capitals.extend({}),
  },
});
