import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModuleSyntaxError } from './module-load-failure.js';

/** The compiled module: ES module text, and every local file that went into it. */
export interface CompiledModule {
  readonly code: string;
  /** Absolute paths of the entry and of every relative import it bundled. */
  readonly inputs: readonly string[];
}

interface EsbuildMessage {
  readonly text: string;
  readonly location: { readonly file: string; readonly line: number; readonly column: number; readonly lineText: string } | null;
}

/**
 * Compiles a TypeScript entry (`.ts`, `.mts`, `.cts`) and the local files it imports into one ES
 * module, with esbuild (loaded only here, on a cache miss). Packages (`worlddb/model`, `pg`, ...)
 * stay imports, resolved by Node from the cache folder exactly as from the project; `require` is
 * given to CommonJS-style code (`.cts`, `require('worlddb/model')`), and `__dirname`,
 * `__filename` and `import.meta.url`/`dirname`/`filename` keep the entry's own values.
 *
 * @throws ModuleSyntaxError with file, line, column and the line's text when the source does not parse.
 */
export async function compileTypescript(file: string): Promise<CompiledModule> {
  const { build } = await import('esbuild');
  const url = pathToFileURL(file).href;
  const dir = dirname(file);
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      define: {
        __dirname: JSON.stringify(dir),
        __filename: JSON.stringify(file),
        'import.meta.url': JSON.stringify(url),
        'import.meta.dirname': JSON.stringify(dir),
        'import.meta.filename': JSON.stringify(file),
      },
      banner: { js: `import { createRequire as __worlddbCreateRequire } from 'node:module';\nconst require = __worlddbCreateRequire(${JSON.stringify(url)});` },
    });
    const code = result.outputFiles[0]?.text ?? '';
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(dir, input));
    return { code, inputs };
  } catch (error) {
    throw syntaxErrorOf(error, dir) ?? error;
  }
}

/**
 * Where a JavaScript file Node refused with a SyntaxError stops parsing (Node tells the place of
 * an ES module's syntax error only when the process dies of it); null when esbuild parses it.
 */
export async function locateSyntaxError(file: string): Promise<ModuleSyntaxError | null> {
  const { transform } = await import('esbuild');
  const source = await readFile(file, 'utf8');
  try {
    await transform(source, { loader: 'js', sourcefile: file, logLevel: 'silent' });
    return null;
  } catch (error) {
    return syntaxErrorOf(error, dirname(file));
  }
}

function syntaxErrorOf(error: unknown, dir: string): ModuleSyntaxError | null {
  const first = (error as { errors?: readonly EsbuildMessage[] }).errors?.[0];
  if (!first?.location) return null;
  const { location } = first;
  return new ModuleSyntaxError(first.text, {
    file: resolve(dir, location.file),
    line: location.line,
    // esbuild counts columns from 0.
    column: location.column + 1,
    lineText: location.lineText,
  });
}
