// nounset's parser against mvdan/sh (shfmt's parser, the oracle) on every corpus file: the same
// parameter expansions, substitutions, statements and arithmetic names, and the same verdict on
// whether the file parses. Where bash itself reads a spot differently from mvdan/sh, nounset
// follows bash and test/oracle/divergences.ts records the case.

import assert from 'node:assert/strict';
import { compareReadings, formatDisagreements } from '../oracle/compare.js';
import { unexcused } from '../oracle/divergences.js';
import { readWithMvdan } from '../oracle/mvdan-reading.js';
import { readWithNounset } from '../oracle/nounset-reading.js';
import { corpus } from '../support/corpus.js';

describe('parser agrees with mvdan/sh', () => {
  for (const sub of ['constructs', 'realistic', 'accepted']) {
    for (const f of corpus(sub)) {
      it(f.name, () => {
        const ours = readWithNounset(f.text, f.dialect);
        const theirs = readWithMvdan(f.text, f.dialect);
        const ds = unexcused(f.text, compareReadings(f.text, ours, theirs), f.dialect);
        if (ds.length > 0) assert.fail(formatDisagreements(f.name, ds));
        assert.ok(ours.ok, `${f.name}: both parsers reject a file of the corpus`);
      });
    }
  }

  for (const f of corpus('errors')) {
    it(`${f.name} is a syntax error for both`, () => {
      const ours = readWithNounset(f.text, f.dialect);
      assert.ok(!ours.ok, `${f.name}: bash -n rejects it, nounset parsed it`);
      const theirs = readWithMvdan(f.text, f.dialect);
      assert.ok(!theirs.ok, `${f.name}: mvdan-sh parsed it`);
    });
  }
});

// Files where bash and mvdan/sh disagree: nounset must give bash's verdict (`# expect: bash=ok`,
// `bash=err`; `bash=warn` parses with a warning), unless a `# nounset: err (...)` line records
// where nounset is knowingly stricter than `bash -n`, with the reason.
describe('parser follows bash where mvdan/sh does not', () => {
  for (const f of corpus('mvdan-disagrees')) {
    const bash = /bash=(ok|err|warn)/.exec(f.text)?.[1];
    const override = /^# nounset: (ok|err)\b/m.exec(f.text)?.[1];
    const expected = override ?? (bash === 'err' ? 'err' : 'ok');
    it(`${f.name}: nounset says ${expected}${override ? ' (stricter than bash -n)' : ''}`, () => {
      assert.ok(bash !== undefined, `${f.name} has no "# expect: bash=..." header`);
      const ours = readWithNounset(f.text, f.dialect);
      const verdict = ours.ok ? 'ok' : 'err';
      assert.equal(
        verdict,
        expected,
        ours.ok ? 'parsed' : `${ours.error.line}:${ours.error.column}: ${ours.error.message}`,
      );
    });
  }
});

// Syntax errors that `bash -n` reports but exits 0 on (it stops reading there): nounset rejects them.
describe('parser rejects what bash -n reports with status 0', () => {
  for (const f of corpus('errors-status-zero')) {
    it(f.name, () => {
      const ours = readWithNounset(f.text, f.dialect);
      assert.ok(!ours.ok, `${f.name}: bash reports a syntax error here, nounset parsed it`);
    });
  }
});
