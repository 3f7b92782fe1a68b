import { describe, expect, it } from 'vitest';
import { describeOperation } from '../../src/ops/describe.js';
import { transactionNote } from '../../src/ops/transaction.js';
import { allSamples, samples } from './support/samples.js';

describe('describeOperation', () => {
  it('gives one short line per operation', () => {
    expect(allSamples.map((op) => describeOperation(op, 'asia'))).toEqual([
      '+ table asia.countries',
      '- table asia.countries',
      '~ table asia.countries renamed to nations',
      '+ column asia.countries.area (integer)',
      '- column asia.countries.area (integer)',
      '~ column asia.countries.name renamed to title',
      '~ column asia.countries.area type integer -> bigint',
      '~ column asia.countries.area set not null',
      '~ column asia.countries.area default none -> 0',
      '~ column asia.countries.id identity none -> always',
      '+ primary key asia.countries.countries_pkey (id)',
      '- primary key asia.countries.countries_pkey (id)',
      '+ unique asia.countries.countries_name_key (name)',
      '- unique asia.countries.countries_name_key (name)',
      '+ foreign key asia.capitals.capitals_country_fkey (country) -> asia.countries (id)',
      '- foreign key asia.capitals.capitals_country_fkey (country) -> asia.countries (id)',
      '+ check asia.countries.countries_area_check ((area > 0))',
      '- check asia.countries.countries_area_check ((area > 0))',
      '~ constraint asia.nations.countries_pkey renamed to nations_pkey',
      '+ index asia.countries_area_idx on countries (area)',
      '- index asia.countries_area_idx on countries (area)',
      '~ index asia.countries_name_idx renamed to nations_name_idx',
      "+ enum asia.continent ('Asia', 'Europe')",
      '- enum asia.continent',
      "+ enum value asia.continent 'Africa'",
      "- enum value asia.continent 'Africa'",
      "~ enum asia.continent ('Asia', 'Europe') -> ('Europe', 'Asia')",
      '~ comment on table asia.countries',
      '~ comment on column asia.countries.area',
      '~ column asia.countries.area generated none -> ((id * 2))',
      '~ column asia.countries.id identity options default -> INCREMENT BY 10 START WITH 100',
      '+ exclusion asia.bookings.bookings_slot_excl EXCLUDE USING btree (slot WITH =)',
      '- exclusion asia.bookings.bookings_slot_excl EXCLUDE USING btree (slot WITH =)',
      '~ constraint asia.countries.countries_pop_check validated',
      '~ constraint asia.countries.countries_size_check made NOT VALID',
      '~ table asia.cache unlogged',
      '~ table asia.cache storage () -> (fillfactor=70)',
      '~ table asia.docs row level security disabled -> enabled',
      '+ policy asia.docs.own_rows for select to public',
      '- policy asia.docs.gone for all to public',
      '~ column asia.countries.name collation none -> "C"',
      '+ sequence asia.countries_id_seq',
      '- sequence asia.countries_id_seq',
      '~ sequence asia.countries_id_seq',
      '~ sequence asia.countries_id_seq owned by none -> countries.id',
      '+ domain asia.year (integer)',
      '- domain asia.year (integer)',
      '~ domain asia.year',
      '+ materialized view asia.titles',
      '- materialized view asia.titles',
      '+ function asia.touch()',
      '- function asia.touch()',
      '~ function asia.touch()',
      '+ trigger asia.touch on countries',
      '- trigger asia.touch on countries',
      '+ extension pg_trgm',
      '- extension pg_trgm',
    ]);
  });

  it('quotes names only when they need it', () => {
    expect(describeOperation({ ...samples.renameTable, from: 'Countries', to: 'my table' }, 'Asia')).toBe(
      '~ table "Asia"."Countries" renamed to "my table"',
    );
  });
});

describe('transactionNote', () => {
  it('notes that an added enum label cannot be used before commit', () => {
    expect(transactionNote(samples.addEnumValue)).toBe(
      "enum label 'Africa' of continent can only be used once this transaction has committed",
    );
    expect(transactionNote(samples.createEnum)).toBeNull();
  });
});
