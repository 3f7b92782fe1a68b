import * as v from 'valibot';
import { lintConfigSchema } from './lint-config.js';

const duration = v.union([v.pipe(v.number(), v.minValue(0)), v.string()]);
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'Expected a non-empty string'));

/** Shape of one schema's entry in the config. Unknown keys are errors. */
export const schemaEntrySchema = v.strictObject({
  model: v.optional(nonEmpty),
  migrations: v.optional(nonEmpty),
  versionTable: v.optional(nonEmpty),
  versionTableSchema: v.optional(nonEmpty),
});

/** Shape of the whole config file. Unknown keys are errors (a typo must not be ignored). */
export const configSchema = v.strictObject({
  $schema: v.optional(v.string()),
  root: v.optional(v.string()),
  database: v.optional(
    v.strictObject({
      url: v.optional(nonEmpty),
      dataDir: v.optional(nonEmpty),
    }),
  ),
  versionTableSchema: v.optional(nonEmpty),
  lockTimeout: v.optional(duration),
  pgLockTimeout: v.optional(duration),
  statementTimeout: v.optional(duration),
  searchPath: v.optional(v.array(nonEmpty)),
  schemas: v.record(v.string(), schemaEntrySchema),
  lint: v.optional(lintConfigSchema),
});

export type ParsedConfig = v.InferOutput<typeof configSchema>;
