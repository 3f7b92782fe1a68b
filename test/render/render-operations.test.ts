import { describe, expect, it } from 'vitest';
import { renderOperations, renderScript, renderTableDdl } from '../../src/render/render-operations.js';
import { check, col, fk, index, schema, table, unique } from '../diff/support/build.js';
import { samples } from '../ops/support/samples.js';

describe('renderOperations', () => {
  it('flattens the statements of each operation, in the given order', () => {
    expect(renderOperations('asia', [samples.createEnum, samples.addColumn, samples.dropIndex])).toEqual([
      `CREATE TYPE "continent" AS ENUM ('Asia', 'Europe')`,
      'ALTER TABLE "countries" ADD COLUMN "area" integer',
      `COMMENT ON COLUMN "countries"."area" IS 'km²'`,
      'DROP INDEX "countries_area_idx"',
    ]);
  });

  it('qualifies only references to other schemas', () => {
    const op = samples.addForeignKey;
    expect(renderOperations('asia', [op])[0]).toContain('REFERENCES "countries"');
    expect(renderOperations('europe', [op])[0]).toContain('REFERENCES "asia"."countries"');
  });
});

describe('renderScript', () => {
  it('ends statements with semicolons and puts a warning above destructive operations', () => {
    expect(renderScript('asia', [samples.dropColumn, samples.renameColumn, samples.alterColumnNullability])).toBe(
      '-- WARNING: drops column countries.area and its data\n' +
        'ALTER TABLE "countries" DROP COLUMN "area";\n' +
        'ALTER TABLE "countries" RENAME COLUMN "name" TO "title";\n' +
        '-- WARNING: sets NOT NULL on countries.area: fails if the column holds NULLs\n' +
        'ALTER TABLE "countries" ALTER COLUMN "area" SET NOT NULL;\n',
    );
  });

  it('keeps a warning on one line whatever the names hold', () => {
    const script = renderScript('asia', [{ kind: 'dropTable', table: { ...samples.dropTable.table, name: 'a\nb' } }]);
    expect(script.split('\n')[0]).toBe('-- WARNING: drops table a b and all its rows');
  });

  it('can leave warnings out, and is empty for no operations', () => {
    expect(renderScript('asia', [samples.dropColumn], { warnings: false })).toBe('ALTER TABLE "countries" DROP COLUMN "area";\n');
    expect(renderScript('asia', [])).toBe('');
  });
});

describe('renderTableDdl', () => {
  const asia = schema('asia', {
    tables: [
      table(
        'capitals',
        [
          col('id', 'integer', { notNull: true, identity: 'always' }),
          col('country', 'character(2)', { notNull: true, comment: 'ISO code' }),
          col('name', 'text', { notNull: true }),
          col('currency', 'character(3)'),
        ],
        {
          primaryKey: ['id'],
          uniques: [unique('capitals_name_key', ['name']), unique('capitals_country_key', ['country'])],
          checks: [check('capitals_name_check', "(name <> ''::text)")],
          foreignKeys: [
            fk('capitals_currency_fkey', ['currency'], 'currencies', ['code'], { refSchema: 'public' }),
            fk('capitals_country_fkey', ['country'], 'countries', ['code'], { onDelete: 'CASCADE' }),
          ],
          indexes: [index('capitals_name_idx', ['lower(name)']), index('capitals_currency_idx', ['currency DESC'])],
          comment: 'One capital per country',
        },
      ),
    ],
  });
  const capitals = asia.tables[0];

  it('writes the whole table, constraints and indexes sorted by name, foreign keys inline', () => {
    expect(capitals).toBeDefined();
    if (capitals === undefined) return;
    expect(renderTableDdl(capitals, 'asia')).toBe(
      [
        'CREATE TABLE "capitals" (',
        '  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,',
        '  "country" character(2) NOT NULL,',
        '  "name" text NOT NULL,',
        '  "currency" character(3),',
        '  CONSTRAINT "capitals_pkey" PRIMARY KEY ("id"),',
        '  CONSTRAINT "capitals_country_key" UNIQUE ("country"),',
        '  CONSTRAINT "capitals_name_key" UNIQUE ("name"),',
        `  CONSTRAINT "capitals_name_check" CHECK ((name <> ''::text)),`,
        '  CONSTRAINT "capitals_country_fkey" FOREIGN KEY ("country") REFERENCES "countries" ("code") ON DELETE CASCADE,',
        '  CONSTRAINT "capitals_currency_fkey" FOREIGN KEY ("currency") REFERENCES "public"."currencies" ("code")',
        ');',
        'CREATE INDEX "capitals_currency_idx" ON "capitals" (currency DESC);',
        'CREATE INDEX "capitals_name_idx" ON "capitals" (lower(name));',
        `COMMENT ON TABLE "capitals" IS 'One capital per country';`,
        `COMMENT ON COLUMN "capitals"."country" IS 'ISO code';`,
        '',
      ].join('\n'),
    );
  });

  it('is the same whatever the order of constraints and indexes in the state', () => {
    if (capitals === undefined) return;
    const shuffled = {
      ...capitals,
      uniques: [...capitals.uniques].reverse(),
      foreignKeys: [...capitals.foreignKeys].reverse(),
      indexes: [...capitals.indexes].reverse(),
    };
    expect(renderTableDdl(shuffled, 'asia')).toBe(renderTableDdl(capitals, 'asia'));
  });
});
