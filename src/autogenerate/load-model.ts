import type { SchemaTarget } from '../config/types.js';
import { ModelError, UsageError } from '../errors.js';
import { loadModule, ModuleNotFoundError } from '../module-loader/load-module.js';
import { describeModuleFailure, isSyntaxFailure } from '../module-loader/module-load-failure.js';
import { isSchemaModel, type SchemaModel } from '../model/index.js';
import { displayPath } from '../revision/display-path.js';

/**
 * Loads the model module of a schema (through the one module loader: TypeScript with no build
 * step, compiled once and cached) and returns its default export, checked to be a schema made by `defineSchema`.
 *
 * @throws UsageError when the config names no model; ModelError when the module fails to load,
 *   its model is invalid, it exports no schema model, or its model declares another schema.
 * @example
 * const model = await loadModel(config.targets[0]); // the schema model of src/db/asia.ts
 */
export async function loadModel(target: SchemaTarget, cwd: string = process.cwd()): Promise<SchemaModel> {
  const path = target.source.model;
  const key = target.group === undefined ? `schemas.${target.schema}` : `groups.${target.group}`;
  if (path === null) {
    throw new UsageError(`${target.group === undefined ? 'schema' : 'group'} "${target.group ?? target.schema}" has no model`, {
      hint: `set "model" in config key "${key}" to the module that declares it (e.g. src/db/${target.group ?? target.schema}.ts)`,
    });
  }
  const shown = displayPath(path, cwd);
  let module: Record<string, unknown>;
  try {
    module = await loadModule(path);
  } catch (cause) {
    if (cause instanceof ModelError) throw cause;
    if (cause instanceof ModuleNotFoundError) {
      throw new ModelError(`model ${shown} of schema "${target.schema}" does not exist`, { hint: `check "model" in config key "${key}"`, cause });
    }
    throw new ModelError(describeModuleFailure('model', path, cause, cwd), {
      hint: isSyntaxFailure(cause) ? 'fix the syntax error at that line and column' : 'fix the model module (run with --verbose for the stack)',
      cause,
    });
  }
  // A CommonJS model (`module.exports = defineSchema(...)`) arrives as `default`, possibly wrapped once more.
  const model = unwrapDefault(module['default']);
  if (!isSchemaModel(model)) {
    throw new ModelError(`model ${shown} of schema "${target.schema}" has no schema model as its default export`, {
      hint: "write `export default defineSchema('" + target.schema + "', { tables: { ... } })`",
    });
  }
  // A model pointed at the wrong schema would make autogenerate drop that schema's own tables. A
  // group's model declares the tables of every member: its name is a placeholder.
  if (target.group === undefined && model.name !== target.schema) {
    throw new ModelError(`model ${shown} declares schema "${model.name}", but config key "schemas.${target.schema}.model" uses it for schema "${target.schema}"`, {
      hint: `point "schemas.${target.schema}.model" at the module that declares defineSchema('${target.schema}', ...)`,
    });
  }
  return model;
}

function unwrapDefault(value: unknown): unknown {
  if (!isSchemaModel(value) && typeof value === 'object' && value !== null && 'default' in value) return (value as { default: unknown }).default;
  return value;
}
