/**
 * Every autogenerate fixture case again, with the safe output of `revision --autogenerate --safe`:
 * it lints clean of the rules the safe form answers and still round-trips (see fixture.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { collectFixtureCases, runFixture, skipOnPglite, withSession } from './support/fixture.js';

const files = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => f.endsWith('.test.ts') && f !== 'world.test.ts' && f !== 'safe.test.ts');
const cases = await collectFixtureCases(async () => {
  for (const file of files) await import(`./${file}`);
});

it('collects the fixture cases', () => {
  expect(cases.length).toBeGreaterThan(100);
});

describeEachDatabase('autogenerate --safe: every fixture case', (database) => {
  for (const c of cases) it(c.name, async (context) => {
    skipOnPglite(context, database(), c);
    await withSession(database(), (session) => runFixture(session, c, undefined, 'safe'));
  });
});
