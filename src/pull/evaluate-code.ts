import * as api from '../model/index.js';
import type { Code } from './code.js';

/**
 * Runs code with the real model API, `refs` giving the values of the names the file declares
 * (enum types, abstract bases). Used to learn the names the model gives its constraints.
 */
export function evaluateCode(code: Code, refs: ReadonlyMap<string, unknown>): unknown {
  const functions = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  switch (code.kind) {
    case 'value':
      return code.value;
    case 'sql':
      return api.sql(Object.assign([code.text], { raw: [code.text] }) as TemplateStringsArray);
    case 'ref':
      return refs.get(code.name);
    case 'call': {
      const fn = functions[code.fn];
      if (fn === undefined) throw new Error(`pull: no model function ${code.fn}`);
      return fn(...code.args.map((arg) => evaluateCode(arg, refs)));
    }
    case 'method': {
      const target = evaluateCode(code.target, refs) as Record<string, (...args: unknown[]) => unknown>;
      const fn = target[code.name];
      if (typeof fn !== 'function') throw new Error(`pull: no method ${code.name}`);
      return fn.apply(target, code.args.map((arg) => evaluateCode(arg, refs)));
    }
    case 'array':
      return code.items.map((item) => evaluateCode(item, refs));
    case 'object':
      return Object.fromEntries(code.entries.map(([key, entry]) => [key, evaluateCode(entry, refs)]));
  }
}
