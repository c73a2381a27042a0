// Writes dist/bundle/nounset.cjs.cache, the V8 code cache the bin loads (scripts/bin-loader.cjs).
// The cache is taken after a real run (a dry run on the bundled example), so it holds the code of
// every function such a run calls, not only the top level.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const loader = require(join(process.cwd(), 'dist', 'bundle', 'main.cjs'));
const script = loader.compileBundle(undefined);
process.argv = [process.argv[0], 'nounset', '--dry-run', '--quiet', '--jobs', '1', 'examples/kata-deploy.sh'];
// The run's diff is not wanted here; the cache is.
process.stdout.write = () => true;
loader.runBundle(script);
process.once('beforeExit', () => {
  writeFileSync(`${loader.BUNDLE}.cache`, script.createCachedData());
  process.exitCode = 0;
});
