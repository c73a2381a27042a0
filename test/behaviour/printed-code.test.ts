// Shell code a script prints for the user's shell (fix/printed-code.ts): nounset warns on each read
// there that may stop that shell under set -u, with the text to print instead. This replays the
// fixture's printed code in bash: the original stops, the code printed with every suggestion
// applied runs through, and wherever the original ran through, the two behave the same.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixScript } from '../../src/index.js';
import { ROOT } from '../support/corpus.js';
import { runShell, type ShellRun } from '../support/shells.js';
import { withSuggestions } from '../support/suggestions.js';

const INPUT = readFileSync(join(ROOT, 'fixtures', 'default-unset-refs', 'printed-code.input.sh'), 'utf8');

const NAMES = ['TOOL_ENV', 'PS1', 'PROMPT_COMMAND'] as const;
const ENVS: Record<string, Record<string, string>> = {
  unset: {},
  empty: { TOOL_ENV: '', PS1: '', PROMPT_COMMAND: '' },
  set: { TOOL_ENV: '/envs/venv', PS1: '$ ', PROMPT_COMMAND: 'true' },
};

/** What the user's shell does with the printed code: evaluate it, run the hook and the function. */
function driver(nounset: boolean): string {
  return `code=$(cat)\n${nounset ? 'set -u\n' : ''}eval "$code"\n_tool_hook\necho "prompt=[\${PROMPT_COMMAND-}] ps1=[\${PS1-}]"\ntool\necho "no args: $?"\ntool list\necho "done: $?"\n`;
}

async function printed(generator: string): Promise<string> {
  const r = await runShell({ shell: 'bash', script: generator, env: { HOME: '/home/u', TOOL_ROOT: '/opt/tool' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const run = (code: string, nounset: boolean, env: Record<string, string>): Promise<ShellRun> =>
  runShell({ shell: 'bash', script: driver(nounset), env, stdin: code });

describe('behaviour: printed shell code (fixtures/default-unset-refs/printed-code)', function () {
  this.timeout(60_000);
  const fixed = withSuggestions(INPUT, 'printed-code-unset', 'tool-init');

  it('warns once for each read that stops the shell running the code, and edits none of it', () => {
    assert.equal(fixed.applied, 5);
    const result = fixScript(INPUT, { path: 'tool-init' });
    for (const e of result.edits) assert.ok(!NAMES.some((n) => e.before.includes(n)), e.before);
  });

  it('the original code stops under set -u with the names unset; with the suggestions it runs through', async () => {
    const before = await run(await printed(INPUT), true, ENVS.unset as Record<string, string>);
    assert.match(before.stderr, /unbound variable/, before.stderr);
    assert.doesNotMatch(before.stdout, /done/);
    const after = await run(await printed(fixed.text), true, ENVS.unset as Record<string, string>);
    assert.doesNotMatch(after.stderr, /unbound variable/, after.stderr);
    assert.match(after.stdout, /no args: 127\ndone: 127\n$/, after.stdout);
  });

  for (const [label, env] of Object.entries(ENVS))
    for (const nounset of [true, false])
      it(`behaves as the original wherever it ran through: names ${label}, set -u ${nounset ? 'on' : 'off'}`, async () => {
        const before = await run(await printed(INPUT), nounset, env);
        if (/unbound variable/.test(before.stderr)) return;
        const after = await run(await printed(fixed.text), nounset, env);
        // Each run has its own temp directory, which bash names in its messages.
        const seen = (r: ShellRun): object => ({
          status: r.status,
          stdout: r.stdout,
          stderr: r.stderr.replace(/\/tmp\/nounset-shell-[^/]+\//g, 'TMP/'),
        });
        assert.deepEqual(seen(after), seen(before));
      });
});
