import assert from 'node:assert/strict';

import fc from 'fast-check';
import { compareReadings, formatDisagreements } from '../oracle/compare.js';
import { unexcused } from '../oracle/divergences.js';
import { readWithMvdan } from '../oracle/mvdan-reading.js';
import { readWithNounset } from '../oracle/nounset-reading.js';
import { useTempDir } from '../support/cli.js';
import { rejectedBy } from './check-syntax.js';
import { type Dialect, programArbitrary } from './programs.js';

const SEED = 42;

/** The disagreements between nounset and mvdan-sh that no known bash divergence excuses. */
function oracleDisagreements(text: string, dialect: Dialect): string {
  const ds = unexcused(text, compareReadings(text, readWithNounset(text, dialect), readWithMvdan(text, dialect)));
  return ds.length === 0 ? '' : formatDisagreements('generated.sh', ds);
}

describe('program generator', () => {
  const dir = useTempDir('nounset-gen-', { shared: true });

  // One shell process checks the whole batch; fast-check then shrinks only if one is rejected.
  for (const [dialect, shells, numRuns] of [
    ['bash', ['bash'], 300],
    ['posix', ['dash', 'bash'], 100],
  ] as const) {
    it(`writes ${dialect} programs that pass ${shells.map((s) => `${s} -n`).join(' and ')}`, () => {
      const arb = programArbitrary({ dialect });
      const programs = fc.sample(arb, { seed: SEED, numRuns });
      const bad = rejectedBy({ shells, programs, dir: dir() });
      if (bad.length === 0) return;
      fc.assert(
        fc.property(arb, (p) => rejectedBy({ shells, programs: [p], dir: dir() }).length === 0),
        { seed: SEED, numRuns },
      );
      assert.fail(`${bad.length} programs rejected, first:\n${bad[0]}`);
    });
  }

  for (const [dialect, numRuns] of [
    ['bash', 300],
    ['posix', 100],
  ] as const) {
    it(`writes ${dialect} programs that nounset and mvdan-sh read alike`, function () {
      // Small programs: mvdan-sh's reading costs about 0.1 ms per byte. Shrinking a
      // counterexample re-reads it many times, hence the longer timeout on failure.
      this.timeout(120_000);
      fc.assert(
        fc.property(programArbitrary({ dialect, maxDepth: 2, maxStatements: 2 }), (p) => {
          const found = oracleDisagreements(p, dialect);
          if (found !== '') throw new Error(found);
        }),
        { seed: SEED, numRuns },
      );
    });
  }
});
