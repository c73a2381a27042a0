// Preloaded into the CLI under test with `node --import`: when the process exits, writes its peak
// resident set size (KiB, process.resourceUsage().maxRSS) to the file $NOUNSET_BENCH_RSS_FILE.
// Worker threads share the process, so their memory is counted too.

import { writeFileSync } from 'node:fs';

const out = process.env.NOUNSET_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
