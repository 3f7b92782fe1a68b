/** Operations → SQL. */
export {
  renderOperation,
  renderCreateTable,
  renderColumnDefinition,
  oldEnumName,
  type RenderContext,
} from './render-operation.js';
export { renderOperations, renderScript, renderTableDdl, type RenderScriptOptions } from './render-operations.js';
