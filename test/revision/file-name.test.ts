import { describe, expect, it } from 'vitest';
import {
  classifyFileName,
  compareMigrationNames,
  formatTimestamp,
  parseTimestamp,
  slugify,
} from '../../src/revision/file-name.js';

describe('migration file names', () => {
  it('parses well-named files', () => {
    expect(classifyFileName('20261126154200_create_countries.sql')).toEqual({
      name: '20261126154200_create_countries',
      timestamp: '20261126154200',
      slug: 'create_countries',
      extension: '.sql',
    });
    expect(classifyFileName('20261126154200_seed.ts')).toMatchObject({ extension: '.ts' });
    expect(classifyFileName('20261126154200_seed.js')).toMatchObject({ extension: '.js' });
  });

  it('ignores files that are not migrations', () => {
    for (const name of ['README.md', '.DS_Store', 'notes.txt', '_helpers.ts', 'types.d.ts', '.hidden.sql']) {
      expect(classifyFileName(name)).toBe('ignore');
    }
  });

  it('says what is wrong with a badly named migration', () => {
    expect(classifyFileName('create_countries.sql')).toMatch(/14-digit timestamp/);
    expect(classifyFileName('2026112615420_x.sql')).toMatch(/14-digit timestamp/);
    expect(classifyFileName('20261326154200_x.sql')).toMatch(/not a valid date/);
    expect(classifyFileName('20261126154200.sql')).toMatch(/14-digit timestamp/);
  });

  it('formats and parses UTC timestamps', () => {
    const date = new Date('2026-11-26T15:42:07.900Z');
    expect(formatTimestamp(date)).toBe('20261126154207');
    expect(parseTimestamp('20261126154207')?.toISOString()).toBe('2026-11-26T15:42:07.000Z');
    expect(parseTimestamp('20260230000000')).toBeNull();
  });

  it('sorts by timestamp, then name, by code units', () => {
    const names = ['20260102000000_b', '20260101000000_z', '20260102000000_B', '20260102000000_a'];
    expect([...names].sort(compareMigrationNames)).toEqual([
      '20260101000000_z',
      '20260102000000_B',
      '20260102000000_a',
      '20260102000000_b',
    ]);
  });

  it('slugifies messages', () => {
    expect(slugify('Add languages!')).toBe('add_languages');
    expect(slugify('  Länder & Städte  ')).toBe('länder_städte');
    expect(slugify('!!!')).toBe('');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });
});
