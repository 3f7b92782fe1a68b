import { describe, expect, it } from 'vitest';
import { enumTypeUse, leavesChangingEnum } from '../../src/ops/enum-type-use.js';

describe('leavesChangingEnum', () => {
  it('is true for a column going from a changing enum (or an array of it) to any other type', () => {
    expect(leavesChangingEnum('continent', 'text', ['continent'])).toBe(true);
    expect(leavesChangingEnum('continent[]', 'text[]', ['continent'])).toBe(true);
    expect(leavesChangingEnum('continent', 'zone', new Set(['continent']))).toBe(true);
    expect(leavesChangingEnum('"Odd E"', 'integer', ['Odd E'])).toBe(true);
  });

  it('is false for a column staying with changing enums, entering one, or using an enum that keeps its labels', () => {
    expect(leavesChangingEnum('continent', 'continent[]', ['continent'])).toBe(false);
    expect(leavesChangingEnum('continent', 'region', ['continent', 'region'])).toBe(false);
    expect(leavesChangingEnum('text', 'continent', ['continent'])).toBe(false);
    expect(leavesChangingEnum('continent', 'text', ['region'])).toBe(false);
    expect(leavesChangingEnum('continent', 'text', [])).toBe(false);
  });

  it('matches enums the way format_type prints them', () => {
    expect(enumTypeUse('"Odd E"[]', 'Odd E')).toEqual({ array: true });
    expect(enumTypeUse('public.continent', 'continent')).toBeNull();
  });
});
