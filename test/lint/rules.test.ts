import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { lintSql, rulesOf } from './support.js';

describe('every rule', () => {
  it('has a unique kebab-case id, an explanation, a fix and examples both ways', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.explanation.length).toBeGreaterThan(80);
      expect(rule.fix.length).toBeGreaterThan(5);
      expect(rule.examples.bad.length).toBeGreaterThan(0);
      expect(rule.examples.good.length).toBeGreaterThan(0);
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const sql of rule.examples.bad) {
        it(`flags ${JSON.stringify(sql)}`, async () => {
          expect(rulesOf(await lintSql(sql))).toContain(rule.id);
        });
      }
      for (const sql of rule.examples.good) {
        it(`leaves alone (the safe form) ${JSON.stringify(sql)}`, async () => {
          expect(rulesOf(await lintSql(sql))).not.toContain(rule.id);
        });
      }
      it('is silenced by an ignore comment with a reason, and by "off" in the config', async () => {
        const [bad] = rule.examples.bad;
        if (bad === undefined || /worlddb:/.test(bad) || rule.id === 'syntax-error') return;
        // The comment goes on the line before the statement the finding is on (the up part starts on line 2).
        const finding = (await lintSql(bad)).find((f) => f.rule === rule.id);
        const lines = bad.split('\n');
        lines.splice((finding?.line ?? 2) - 2, 0, `-- worlddb:lint-ignore ${rule.id} reviewed: the table is tiny`);
        const ignored = lines.join('\n');
        expect(rulesOf(await lintSql(ignored))).not.toContain(rule.id);
        expect(rulesOf(await lintSql(bad, { lint: { rules: { [rule.id]: 'off' } } }))).not.toContain(rule.id);
      });
    });
  }
});
