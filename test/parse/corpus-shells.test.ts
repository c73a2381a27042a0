// The corpus itself, checked by the real shells: bash -n / dash -n accept what should parse and
// reject what should not, and each mvdan-disagrees file still shows the disagreement it records.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/corpus.js';

for (const script of ['check-corpus.sh', 'check-cases.sh']) {
  describe(`test/corpus/${script}`, () => {
    it('passes', function () {
      this.timeout(120_000);
      const r = spawnSync('bash', [join(ROOT, 'test', 'corpus', script)], { cwd: ROOT, encoding: 'utf8' });
      const last = r.stdout.trim().split('\n').pop() ?? '';
      assert.equal(
        r.status,
        0,
        `${script} failed:\n${r.stdout
          .split('\n')
          .filter((l) => !l.startsWith('ok'))
          .join('\n')}\n${r.stderr}`,
      );
      assert.match(last, / 0 failed$/);
    });
  });
}
