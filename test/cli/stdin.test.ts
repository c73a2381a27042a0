// `nounset -`: a script on stdin, fixed to stdout (the diff with --dry-run or --check), as the file
// --stdin-filename names would be fixed, and nothing in the working directory written.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, useTempDir } from '../support/cli.js';

const SCRIPT = '#!/bin/bash\nset -u\necho "deploying $TARGET to $1"\n';
const FIXED =
  '#!/bin/bash\nset -u\n\n# nounset:env-init begin: environment inputs of this script (edit the defaults here)\nTARGET="${TARGET:-}"\n# nounset:env-init end\n\necho "deploying $TARGET to ${1:-}"\n';

describe('nounset - (a script on stdin)', () => {
  const dir = useTempDir('nounset-stdin-');
  const write = (name: string, text: string): void => {
    mkdirSync(join(dir(), name, '..'), { recursive: true });
    writeFileSync(join(dir(), name), text);
  };
  const untouched = (): void => {
    assert.equal(readFileSync(join(dir(), 'other.sh'), 'utf8'), SCRIPT);
    assert.deepEqual(readdirSync(dir()).sort(), ['bin', 'other.sh']);
  };
  beforeEach(() => {
    write('other.sh', SCRIPT);
    write('bin/.nounsetrc.json', '{ "style": "inline" }\n');
    write('bin/lib.sh', 'TARGET=prod\n');
  });

  it('prints the fixed script on stdout and writes nothing, not the directory it runs in', () => {
    const r = runCli(['-'], dir(), {}, SCRIPT);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, FIXED);
    assert.equal(r.stderr, '');
    untouched();
  });

  it('--dry-run prints the diff, --check exits 1 with it, and 0 with nothing when nothing changes', () => {
    const dry = runCli(['--dry-run', '-'], dir(), {}, SCRIPT);
    assert.equal(dry.status, 0);
    assert.match(dry.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@ /);
    assert.match(dry.stdout, /^\+echo "deploying \$TARGET to \$\{1:-\}"$/m);
    assert.equal(runCli(['--check', '-'], dir(), {}, SCRIPT).status, 1);
    const clean = runCli(['--check', '-'], dir(), {}, FIXED);
    assert.deepEqual([clean.status, clean.stdout], [0, '']);
    // Unchanged, fix mode gives the script back as it is.
    assert.equal(runCli(['-'], dir(), {}, FIXED).stdout, FIXED);
    untouched();
  });

  it('--stdin-filename: fixed as that file, with its configuration and the files it sources', () => {
    const script = '#!/bin/bash\nset -u\n. "$(dirname "$0")/lib.sh"\necho "$TARGET $1"\n';
    const r = runCli(['--dry-run', '--stdin-filename', 'bin/deploy.sh', '-'], dir(), {}, script);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^--- a\/bin\/deploy\.sh$/m);
    // bin/.nounsetrc.json asks for inline style; lib.sh sets TARGET, so only $1 is edited.
    assert.match(r.stdout, /^\+echo "\$TARGET \$\{1:-\}"$/m);
    assert.doesNotMatch(r.stdout, /env-init/);
    assert.equal(readdirSync(join(dir(), 'bin')).includes('deploy.sh'), false);
  });

  it('a script that does not parse: nothing on stdout, the error on stderr, exit 3', () => {
    const r = runCli(['-'], dir(), {}, 'echo ok\nif true; then\n');
    assert.equal(r.status, 3);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^<stdin>:3:1: error: skipped: .*\[parse-error\]$/m);
  });

  it('keeps bytes that are not UTF-8 as they were', () => {
    const bytes = Buffer.concat([
      Buffer.from('#!/bin/bash\nset -u\n# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\necho "$1"\n'),
    ]);
    const r = runCli(['-'], dir(), {}, bytes);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      r.stdoutBytes,
      Buffer.concat([Buffer.from('#!/bin/bash\nset -u\n# caf'), Buffer.from([0xe9]), Buffer.from('\necho "${1:-}"\n')]),
    );
  });

  it('refuses `-` beside another path, and a format that is not the script or its diff (exit 2)', () => {
    const both = runCli(['-', 'other.sh'], dir(), {}, SCRIPT);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /`-` reads one script from stdin/);
    assert.equal(runCli(['--format', 'json', '-'], dir(), {}, SCRIPT).status, 2);
    for (const command of [
      ['inspect', '-'],
      ['contract', '-'],
      ['parse', '-'],
    ]) {
      const r = runCli(command, dir(), {}, SCRIPT);
      assert.equal(r.status, 2, command.join(' '));
      assert.match(r.stderr, /reads files?; `-` \(stdin\) is for fixing/);
    }
    untouched();
  });
});
