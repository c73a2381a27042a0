// Writes dist/bundle/nounset.cjs.cache, the V8 code cache the bin loads (scripts/bin-loader.cjs).
// The cache is taken after a real run (a dry run on the bundled example), so it holds the code of
// every function such a run calls, not only the top level.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const require = createRequire(import.meta.url);
const loader = require(join(process.cwd(), 'dist', 'bundle', 'main.cjs'));
const script = loader.compileBundle(undefined);
// The example makes few edits now, so a generated script (functions, loops, arithmetic, sourced
// files, destructive paths) runs too: a function the run never calls is left out of the cache and
// compiled on every start, which cost a one-file run 80 ms.
const { generateScript, mulberry32 } = await import(
  pathToFileURL(join(process.cwd(), 'dist', 'bench', 'corpus-gen.js')).href
);
const dir = mkdtempSync(join(tmpdir(), 'nounset-code-cache-'));
const sample = join(dir, 'sample.sh');
writeFileSync(sample, generateScript(mulberry32(1), { dialect: 'bash', lines: 400 }));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// A cache of its own (in the temp dir): the cache's code is compiled too, and the user's is left alone.
process.argv = [
  process.argv[0],
  'nounset',
  '--dry-run',
  '--quiet',
  '--jobs',
  '1',
  '--cache-dir',
  join(dir, 'cache'),
  '--style',
  'inline',
  'examples/kata-deploy.sh',
  sample,
];
// The run's diff is not wanted here; the cache is.
process.stdout.write = () => true;
loader.runBundle(script);
process.once('beforeExit', () => {
  // A run of two small files turns TurboFan off (src/cli/light-run.ts); V8 stamps a cache with its
  // flags and rejects it under others, so the default is put back before the cache is taken.
  setFlagsFromString('--turbofan');
  writeFileSync(`${loader.BUNDLE}.cache`, script.createCachedData());
  process.exitCode = 0;
});
