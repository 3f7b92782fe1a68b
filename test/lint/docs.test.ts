import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesDocument } from '../../src/lint/rules-doc.js';
import { RULES } from '../../src/lint/rules/index.js';

describe('lint documentation', () => {
  it('docs/lint/rules.md is generated from the rules (run npm run docs:lint after changing a rule)', () => {
    expect(readFileSync(new URL('../../docs/lint/rules.md', import.meta.url), 'utf8')).toBe(rulesDocument());
  });

  it('the README lists every rule id', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const rule of RULES) expect(readme).toContain(`\`${rule.id}\``);
  });
});
