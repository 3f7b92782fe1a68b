/**
 * The config's input types are derived from the valibot schema that validates it: what the schema
 * accepts, the types accept (readonly), and what it refuses, the compiler refuses.
 */
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { defineConfig } from '../../src/config/define-config.js';
import { configSchema } from '../../src/config/config-schema.js';
import type { DurationInput, SchemaConfigInput, WorlddbConfigInput } from '../../src/config/types.js';

describe('config input types', () => {
  it('follow the schema', () => {
    expectTypeOf<DurationInput>().toEqualTypeOf<number | string>();
    expectTypeOf<SchemaConfigInput>().toEqualTypeOf<{
      readonly model?: string;
      readonly migrations?: string;
      readonly versionTable?: string;
      readonly versionTableSchema?: string;
    }>();
    expectTypeOf<WorlddbConfigInput['searchPath']>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<v.InferInput<typeof configSchema>>().toExtend<WorlddbConfigInput>();
  });

  it('take readonly values and refuse unknown keys and wrong types', () => {
    const searchPath = ['public'] as const;
    defineConfig({ schemas: { asia: { model: 'src/db/asia.ts' } }, searchPath, lockTimeout: '10s' });
    // @ts-expect-error unknown key
    defineConfig({ schemas: {}, schemaz: {} });
    // @ts-expect-error a duration is a number or a string
    defineConfig({ schemas: {}, lockTimeout: true });
    // @ts-expect-error schemas is required
    defineConfig({});
  });
});
