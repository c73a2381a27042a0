// The Kata Containers install incidents, replayed against bash with nounset's output: the install
// on a node whose os-release sets no VERSION_ID (`VERSION_ID: unbound variable`), and the half fix
// of that one, whose unquoted `${VERSION_ID:-}` vanished and left the callee's `$2` unset. The
// third, the cleanup DaemonSet that set only NODE_NAME (`SHIMS: unbound variable`), is in kata.test.ts.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixScript } from '../../src/index.js';
import { fixtureCases } from '../support/fixtures.js';
import { runShell, type ShellRun } from '../support/shells.js';

const OS_RELEASE = fixtureCases('default-unset-refs').cases.find((c) => c.name === 'kata-install-os-release');
const show = (r: ShellRun): string =>
  `status ${r.status}\nstdout: ${JSON.stringify(r.stdout)}\nstderr: ${JSON.stringify(r.stderr)}`;

describe('behaviour: the Kata Containers install incidents run through after nounset', () => {
  let host = '';
  before(() => {
    // An Arch node: its os-release sets ID but no VERSION_ID.
    host = mkdtempSync(join(tmpdir(), 'nounset-kata-host-'));
    mkdirSync(join(host, 'etc'));
    writeFileSync(join(host, 'etc', 'os-release'), 'NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n');
  });
  after(() => rmSync(host, { recursive: true, force: true }));
  const install = (script: string): Promise<ShellRun> =>
    runShell({ shell: 'bash', script, env: { HOST_ROOT: host }, args: ['install'], fileName: 'kata-deploy.sh' });

  it('install on Arch: VERSION_ID (from os-release, which nounset cannot read) stopped the original; the fixed script runs through', async () => {
    assert.ok(OS_RELEASE, 'fixtures/default-unset-refs/kata-install-os-release');
    const input = OS_RELEASE.input;
    const before = await install(input);
    assert.notEqual(before.status, 0);
    assert.match(before.stderr, /line 19: VERSION_ID: unbound variable/, show(before));
    const fixed = fixScript(input, { path: 'kata-deploy.sh' }).output;
    assert.equal(fixed, OS_RELEASE.output);
    const after = await install(fixed);
    assert.equal(after.status, 0, show(after));
    assert.equal(after.stdout, 'installing on arch \nconfiguring the snapshotter for arch \n');
  });

  it("the human half fix (only VERSION_ID defaulted, unquoted) still stopped on the callee's $2; nounset also defaults $2", async () => {
    assert.ok(OS_RELEASE, 'fixtures/default-unset-refs/kata-install-os-release');
    const half = OS_RELEASE.input
      .replace('${ID} ${VERSION_ID}"', '${ID} ${VERSION_ID:-}"')
      .replace('"$ID" $VERSION_ID', '"$ID" ${VERSION_ID:-}');
    const before = await install(half);
    assert.match(before.stderr, /line 12: \$?2: unbound variable/, show(before));
    const after = await install(fixScript(half, { path: 'kata-deploy.sh' }).output);
    assert.equal(after.status, 0, show(after));
  });
});
