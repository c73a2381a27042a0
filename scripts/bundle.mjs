// Bundles the built CLI (and its worker thread) into two files: Node then loads 2 modules
// instead of ~100, which takes about 100 ms off every run (a pre-commit hook on one file feels
// it). The library (dist/src) is not bundled: importers load what they use.

import { build } from 'esbuild';

await build({
  entryPoints: { main: 'dist/src/cli/main.js', 'run-worker': 'dist/src/run/run-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __nounsetRequire } from 'node:module'; const require = __nounsetRequire(import.meta.url);" },
  // string-width (yargs' help layout) builds Unicode regular expressions as it loads, ~30 ms of
  // every start; src/cli/string-width.ts measures the same way for what yargs gives it.
  alias: { 'string-width': './dist/src/cli/string-width.js' },
  logLevel: 'warning',
});
