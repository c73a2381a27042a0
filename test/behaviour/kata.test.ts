// The incident nounset exists for: a kata-deploy.sh style script crashed its cleanup DaemonSet with
// `kata-deploy.sh: line 19: SHIMS: unbound variable`, because the cleanup manifest set only
// NODE_NAME. The fixture reproduces it; this test replays it against bash.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixScript } from '../../src/index.js';
import { ROOT } from '../support/corpus.js';
import { runShell, type ShellRun } from '../support/shells.js';
import { parseRunSpec } from './runnable-fixtures.js';

const DIR = join(ROOT, 'fixtures', 'env-init-block');
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');

const show = (r: ShellRun): string =>
  `status ${r.status}\nstdout: ${JSON.stringify(r.stdout)}\nstderr: ${JSON.stringify(r.stderr)}`;

describe('behaviour: the kata-deploy.sh cleanup incident (fixtures/env-init-block/kata-reproduction)', () => {
  const input = read('kata-reproduction.input.sh');
  const output = read('kata-reproduction.output.sh');
  const spec = parseRunSpec(read('kata-reproduction.env.json'), 'kata-reproduction.env.json');
  const NODE_NAME = spec.vars.NODE_NAME ?? '';
  const run = (script: string, env: Record<string, string>, action = 'reset'): Promise<ShellRun> =>
    runShell({ shell: 'bash', script, env, args: [action], fileName: 'kata-deploy.sh' });

  it('the env file sets NODE_NAME and SHIMS, runs bash with `reset`', () => {
    assert.equal(spec.shell, 'bash');
    assert.deepEqual(spec.args, ['reset']);
    assert.notEqual(NODE_NAME, '');
    assert.equal(spec.vars.SHIMS, 'qemu fc');
  });

  describe('the cleanup manifest: only NODE_NAME set, argument `reset`', () => {
    it('the original script crashes on line 19 with "SHIMS: unbound variable" before doing anything', async () => {
      const r = await run(input, { NODE_NAME });
      assert.notEqual(r.status, 0, show(r));
      assert.match(r.stderr, /kata-deploy\.sh: line 19: SHIMS: unbound variable\n$/, show(r));
      assert.equal(r.stdout, '', show(r));
    });

    it('the fixed script exits 0 and runs the reset path', async () => {
      // The fixed script is what nounset writes for this file under its deployed name.
      assert.equal(fixScript(input, { path: 'kata-deploy.sh' }).output, output);
      const r = await run(output, { NODE_NAME });
      assert.equal(r.stderr, '', show(r));
      assert.equal(r.status, 0, show(r));
      assert.equal(
        r.stdout,
        [
          'Environment variables passed to this script',
          `* NODE_NAME: ${NODE_NAME}`,
          '* DEBUG: ',
          '* SHIMS: ',
          '* DEFAULT_SHIM: ',
          '* CREATE_RUNTIMECLASSES: ',
          '* CREATE_DEFAULT_RUNTIMECLASS: ',
          '* ALLOWED_HYPERVISOR_ANNOTATIONS: ',
          `would restart containerd on ${NODE_NAME}`,
          `would remove the katacontainers.io/kata-runtime label from ${NODE_NAME}`,
          '',
        ].join('\n'),
      );
    });
  });

  describe('every input set: original and fixed script print the same', () => {
    for (const action of ['install', 'cleanup', 'reset']) {
      it(action, async () => {
        const [before, after] = await Promise.all([
          run(input, { ...spec.vars }, action),
          run(output, { ...spec.vars }, action),
        ]);
        assert.equal(before.status, 0, show(before));
        assert.equal(before.stderr, '', show(before));
        assert.deepEqual(after, before);
        assert.match(after.stdout, /\* SHIMS: qemu fc\n/);
      });
    }
  });
});
