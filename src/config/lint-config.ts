/**
 * The `lint` key of the config: rule severities, the migrate gate, autogenerate's safe output,
 * and the table sizes above which lock findings are errors.
 */
import * as v from 'valibot';

const ruleSetting = v.picklist(['error', 'warning', 'off']);
const positive = v.pipe(v.number(), v.minValue(0));

/** Shape of `lint` in the config file. */
export const lintConfigSchema = v.strictObject({
  /** Severity per rule id (`"error"`, `"warning"` or `"off"`), overriding the rule's default. */
  rules: v.optional(v.record(v.string(), ruleSetting)),
  /** `migrate` lints pending migrations first and refuses errors (default true; `--allow-unsafe` overrides). */
  migrate: v.optional(v.boolean()),
  /** `revision --autogenerate` writes the safe forms (as with `--safe`). Default false. */
  safe: v.optional(v.boolean()),
  /**
   * With a database, a lock finding on a table below both sizes is a warning; at or above either, it
   * keeps its rule's severity. Defaults: 100000 rows, 104857600 bytes (100 MiB).
   */
  largeTable: v.optional(v.strictObject({ rows: v.optional(positive), bytes: v.optional(positive) })),
});

/** `lint` as written by the user. */
export type LintConfigInput = v.InferInput<typeof lintConfigSchema>;

/** `lint` as the rest of worlddb uses it. */
export interface LintSettings {
  readonly rules: Readonly<Record<string, 'error' | 'warning' | 'off'>>;
  readonly migrate: boolean;
  readonly safe: boolean;
  readonly largeTableRows: number;
  readonly largeTableBytes: number;
}

/** Defaults filled in. */
export function resolveLintConfig(input: v.InferOutput<typeof lintConfigSchema> | undefined): LintSettings {
  return {
    rules: input?.rules ?? {},
    migrate: input?.migrate ?? true,
    safe: input?.safe ?? false,
    largeTableRows: input?.largeTable?.rows ?? 100_000,
    largeTableBytes: input?.largeTable?.bytes ?? 100 * 1024 * 1024,
  };
}
