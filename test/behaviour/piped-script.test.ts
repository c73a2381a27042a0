// An installer run the way its README says, `curl -fsSL …/install.sh | bash`: bash reads the
// script from stdin, where BASH_SOURCE is unset at the top level (fixtures/default-unset-refs/
// bash-source-piped). The input stops there under set -u; the fixed script runs through, and run
// as a file both do the same.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixScript } from '../../src/index.js';
import { ROOT } from '../support/corpus.js';
import { findShell } from '../support/shells.js';

const DIR = join(ROOT, 'fixtures', 'default-unset-refs');
const input = readFileSync(join(DIR, 'bash-source-piped.input.sh'), 'utf8');
const output = readFileSync(join(DIR, 'bash-source-piped.output.sh'), 'utf8');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` with bash in a temp directory: from stdin (a file, not a pipe from node, which is
 * a socket that bash takes for a remote shell), with `bash -c`, or as a file. */
function run(script: string, how: 'stdin' | '-c' | 'file'): Run {
  const bash = findShell('bash');
  assert.ok(bash, 'bash is installed');
  const dir = mkdtempSync(join(tmpdir(), 'nounset-piped-'));
  const file = join(dir, 'install.sh');
  writeFileSync(file, script);
  const stdin = openSync(how === 'stdin' ? file : '/dev/null', 'r');
  try {
    const args = how === 'stdin' ? ['-s'] : how === '-c' ? ['-c', script] : [file];
    const r = spawnSync(bash, args, {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 10_000,
    });
    return { status: r.status, stdout: r.stdout.replaceAll(dir, '<dir>'), stderr: r.stderr.replaceAll(dir, '<dir>') };
  } finally {
    closeSync(stdin);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('behaviour: a script bash reads from stdin (`curl … | bash`)', () => {
  it('the fixture is what nounset makes of the input', () => {
    assert.equal(fixScript(input, { path: 'install.sh' }).output, output);
  });

  for (const how of ['stdin', '-c'] as const) {
    it(`${how}: the input stops on BASH_SOURCE; the output installs`, () => {
      const before = run(input, how);
      assert.notEqual(before.status, 0, JSON.stringify(before));
      assert.match(before.stderr, /BASH_SOURCE\[0\]: unbound variable/);
      assert.equal(before.stdout, '');
      const after = run(output, how);
      // In a function bash names the script `main` (stdin) or `environment` (-c).
      const name = how === 'stdin' ? 'main' : 'environment';
      assert.deepEqual(after, { status: 0, stdout: `installing /usr/local (from ${name})\ndone\n`, stderr: '' });
    });
  }

  it('as a file, input and output do the same', () => {
    const before = run(input, 'file');
    assert.equal(before.status, 0, JSON.stringify(before));
    assert.deepEqual(run(output, 'file'), before);
  });
});
