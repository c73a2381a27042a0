// Bundles the built CLI (and its worker thread) into two files: Node then loads 2 modules
// instead of ~100, which takes about 100 ms off every run (a pre-commit hook on one file feels
// it). The bin is dist/bundle/main.cjs (scripts/bin-loader.cjs), which runs the bundle with the
// code cache scripts/code-cache.mjs writes. The library (dist/src) is not bundled: importers load
// what they use.

import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // string-width (yargs' help layout) builds Unicode regular expressions as it loads, ~30 ms of
  // every start; src/cli/string-width.ts measures the same way for what yargs gives it.
  alias: { 'string-width': './dist/src/cli/string-width.js' },
  logLevel: 'warning',
};

rmSync('dist/bundle', { recursive: true, force: true });
// The CLI as one CommonJS script, so that the bin can compile it with a code cache (V8 takes one
// for scripts, not for ES modules). import.meta.url (the worker's and package.json's location)
// becomes the bundle's own URL.
await build({
  ...common,
  entryPoints: ['dist/src/cli/main.js'],
  outfile: 'dist/bundle/nounset.cjs',
  format: 'cjs',
  // Required only when posting a review, or reading YAML for `contract`: they stay in node_modules.
  external: ['@octokit/rest', 'yaml'],
  define: { 'import.meta.url': '__nounsetUrl' },
  banner: { js: "const __nounsetUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The worker threads stay ES modules: each starts once per run, not once per file.
await build({
  ...common,
  entryPoints: { 'run-worker': 'dist/src/run/run-worker.js', 'cache-writer': 'dist/src/run/cache-writer.js' },
  outdir: 'dist/bundle',
  format: 'esm',
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __nounsetRequire } from 'node:module'; const require = __nounsetRequire(import.meta.url);",
  },
});
// main.ts's #! line came along; inside the loader's function wrapper it would be a syntax error.
const cli = readFileSync('dist/bundle/nounset.cjs', 'utf8');
writeFileSync('dist/bundle/nounset.cjs', cli.replace(/^#!.*\n/, ''));
copyFileSync('scripts/bin-loader.cjs', 'dist/bundle/main.cjs');
// The build id keys the result cache (src/run/result-cache.ts): a digest of the code that fixes,
// so a rebuilt nounset never takes the results of another build for its own.
const id = createHash('sha256')
  .update(readFileSync('dist/bundle/nounset.cjs'))
  .update(readFileSync('dist/bundle/run-worker.js'))
  .digest('hex')
  .slice(0, 32);
writeFileSync('dist/bundle/build-id', `${id}\n`);
chmodSync('dist/bundle/main.cjs', 0o755);
