import { describe, expect, it } from 'vitest';
import { safeScript } from '../../src/autogenerate/safe-script.js';
import { loadParser } from '../../src/lint/load-parser.js';

describe('safeScript', () => {
  it('moves index builds on existing tables to a no-transaction part, with their drops', async () => {
    const parse = await loadParser();
    const safe = safeScript(
      parse,
      '-- WARNING: something\nCREATE TABLE "t" (x int);\nCREATE INDEX "t_x" ON "t" (x);\nCREATE UNIQUE INDEX "u_y" ON "u" (y);',
      'DROP INDEX "u_y";\nDROP INDEX "t_x";\nDROP TABLE "t";',
    );
    expect(safe.up).toBe('-- WARNING: something\nSET LOCAL lock_timeout = \'5s\';\nCREATE TABLE "t" (x int);\nCREATE INDEX "t_x" ON "t" (x);');
    expect(safe.down).toBe('DROP INDEX "t_x";\nDROP TABLE "t";');
    expect(safe.concurrent).toEqual({ up: 'CREATE UNIQUE INDEX CONCURRENTLY "u_y" ON "u" (y);', down: 'DROP INDEX CONCURRENTLY "u_y";' });
  });

  it('adds foreign keys and checks NOT VALID then validates them; SET NOT NULL goes through a check', async () => {
    const parse = await loadParser();
    const safe = safeScript(
      parse,
      'ALTER TABLE "c" ADD CONSTRAINT "c_fk" FOREIGN KEY ("k") REFERENCES "p" ("id");\nALTER TABLE "c" ADD CONSTRAINT "c_ck" CHECK (n > 0);\nALTER TABLE "c" ALTER COLUMN "n" SET NOT NULL;',
      'ALTER TABLE "c" ALTER COLUMN "n" DROP NOT NULL;',
    );
    expect(safe.up.split('\n')).toEqual([
      "SET LOCAL lock_timeout = '5s';",
      'ALTER TABLE "c" ADD CONSTRAINT "c_fk" FOREIGN KEY ("k") REFERENCES "p" ("id") NOT VALID;',
      'ALTER TABLE "c" VALIDATE CONSTRAINT "c_fk";',
      'ALTER TABLE "c" ADD CONSTRAINT "c_ck" CHECK (n > 0) NOT VALID;',
      'ALTER TABLE "c" VALIDATE CONSTRAINT "c_ck";',
      'ALTER TABLE "c" ADD CONSTRAINT "worlddb_n_not_null" CHECK ("n" IS NOT NULL) NOT VALID;',
      'ALTER TABLE "c" VALIDATE CONSTRAINT "worlddb_n_not_null";',
      'ALTER TABLE "c" ALTER COLUMN "n" SET NOT NULL;',
      'ALTER TABLE "c" DROP CONSTRAINT "worlddb_n_not_null";',
    ]);
    expect(safe.concurrent).toBeNull();
  });
});
