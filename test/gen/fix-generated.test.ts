// Generated programs (the grammar generator of test/gen), fixed in both styles: the output check
// must accept every fix, the shell must accept every output, and fixing again changes nothing.

import assert from 'node:assert/strict';

import fc from 'fast-check';
import { fixScript } from '../../src/index.js';
import { useTempDir } from '../support/cli.js';
import { rejectedBy } from './check-syntax.js';
import { programArbitrary } from './programs.js';

const SEED = 7;

describe('fixing generated programs', () => {
  const dir = useTempDir('nounset-genfix-', { shared: true });

  for (const [dialect, shells, numRuns] of [
    ['bash', ['bash'], 300],
    ['posix', ['dash', 'bash'], 100],
  ] as const) {
    for (const style of ['block', 'inline'] as const) {
      it(`${dialect}, ${style} style: ${numRuns} programs fix cleanly, pass ${shells.join(' and ')} -n, and are fixed points`, () => {
        const programs = fc.sample(programArbitrary({ dialect }), { seed: SEED, numRuns });
        const problems: string[] = [];
        const outputs: string[] = [];
        let edits = 0;
        for (const p of programs) {
          const r = fixScript(p, { dialect, style });
          edits += r.edits.length;
          for (const d of r.diagnostics.filter((x) => x.code === 'unsafe-edit' || x.code === 'parse-error'))
            problems.push(`${d.code}: ${d.message}\n${p}`);
          if (fixScript(r.output, { dialect, style }).edits.length > 0) problems.push(`not a fixed point:\n${p}`);
          if (r.changed) outputs.push(r.output);
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(rejectedBy({ shells, programs: outputs, dir: dir() }), []);
        assert.ok(edits > numRuns / 2, `the programs need edits (${edits})`);
      });
    }
  }
});
