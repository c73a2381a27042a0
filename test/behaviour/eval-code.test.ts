// Code a script runs through `eval` (fix/eval-code.ts): nounset warns on each read there that may
// stop bash under set -u, with the text to write instead. This runs the fixture in bash: the
// original stops (as bash-completion's did, scop/bash-completion#44), the script with every
// suggestion applied runs through, and wherever the original ran through, the two behave the same.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/corpus.js';
import { runShell, type ShellRun } from '../support/shells.js';
import { withSuggestions } from '../support/suggestions.js';

const INPUT = readFileSync(join(ROOT, 'fixtures', 'default-unset-refs', 'eval-code.input.sh'), 'utf8');

const ENVS: Record<string, Record<string, string>> = {
  unset: {},
  empty: { GREETING_SUFFIX: '' },
  set: { GREETING_SUFFIX: '!' },
};

const run = (script: string, nounset: boolean, env: Record<string, string>): Promise<ShellRun> =>
  runShell({ shell: 'bash', script: nounset ? script : script.replace(/^set -u$/m, ''), env });

/** What a run shows, with the temp directory bash names in its messages made the same. */
const seen = (r: ShellRun): object => ({
  status: r.status,
  stdout: r.stdout,
  stderr: r.stderr.replace(/\/tmp\/nounset-shell-[^/]+\//g, 'TMP/'),
});

describe('behaviour: code run through eval (fixtures/default-unset-refs/eval-code)', function () {
  this.timeout(60_000);
  const fixed = withSuggestions(INPUT, 'eval-code-unset', 'eval-code.sh');

  it('the original stops under set -u inside the eval; with the suggestions it runs through', async () => {
    assert.equal(fixed.applied, 3);
    const before = await run(INPUT, true, {});
    assert.match(before.stderr, /!ref: unbound variable/, before.stderr);
    const after = await run(fixed.text, true, {});
    assert.equal(after.stderr, '');
    assert.equal(after.stdout, 'words: a bx y\nfirst: words\nhello world \nhey world \n');
  });

  for (const [label, env] of Object.entries(ENVS))
    for (const nounset of [true, false])
      it(`behaves as the original wherever it ran through: GREETING_SUFFIX ${label}, set -u ${nounset ? 'on' : 'off'}`, async () => {
        const before = await run(INPUT, nounset, env);
        if (/unbound variable/.test(before.stderr)) return;
        assert.deepEqual(seen(await run(fixed.text, nounset, env)), seen(before));
      });
});
