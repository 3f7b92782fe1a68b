/**
 * The CommonJS entries of the package (`require('worlddb')`, `require('worlddb/model')`), for
 * CommonJS projects on Node versions that cannot `require` an ES module. Bundled from the same
 * sources as dist/ with esbuild; packages stay `require`s. A model made by the CommonJS copy of
 * the model API is recognised by the CLI through its global-symbol brand, not `instanceof`.
 * Run by `npm run build` after tsc.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';

const entries = { index: 'src/index.ts', model: 'src/model/index.ts' };
await build({
  entryPoints: entries,
  outdir: 'dist/cjs',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  packages: 'external',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// Types for `require`: the same declarations as the ES entries.
for (const [name, source] of Object.entries(entries)) {
  const declarations = source.replace(/^src\//, '../').replace(/\.ts$/, '.js');
  await writeFile(`dist/cjs/${name}.d.cts`, `export * from '${declarations}';\n`);
}
