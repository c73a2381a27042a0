// The built binary, run in a temp dir(): stdout, stderr and exit code, each asserted on its own.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, useTempDir } from '../support/cli.js';

const run = runCli;

describe('nounset parse', () => {
  const dir = useTempDir('nounset-cli-');

  it('lists each parameter expansion with its line and column', () => {
    writeFileSync(join(dir(), 'a.sh'), '#!/bin/sh\necho "$HOME" ${X:-d}\n');
    const r = run(['parse', 'a.sh'], dir());
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout,
      'a.sh: posix, 1 statements, 2 parameter expansions, 0 substitutions\n' +
        '  2:7      HOME                     $HOME\n' +
        '  2:14     X                        ${X:-d}\n',
    );
  });

  it('reports a parse error as path:line:col on stderr and exits 3', () => {
    writeFileSync(join(dir(), 'bad.sh'), 'echo ok\nif true; then\n');
    const r = run(['parse', 'bad.sh'], dir());
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^bad\.sh:3:1: .+\n$/);
    assert.equal(r.status, 3);
  });

  it('goes on after a failing file and still exits 3', () => {
    writeFileSync(join(dir(), 'bad.sh'), 'fi\n');
    writeFileSync(join(dir(), 'good.sh'), 'echo $1\n');
    const r = run(['parse', 'bad.sh', 'good.sh'], dir());
    assert.match(r.stdout, /^good\.sh: bash, 1 statements, 1 parameter expansions/);
    assert.match(r.stderr, /^bad\.sh:1:1: /);
    assert.equal(r.status, 3);
  });

  it('prints the tree as JSON', () => {
    writeFileSync(join(dir(), 'a.sh'), 'echo $x\n');
    const r = run(['parse', '--json', 'a.sh'], dir());
    assert.equal(r.status, 0);
    const tree = JSON.parse(r.stdout) as { type: string; stmts: unknown[] };
    assert.equal(tree.type, 'File');
    assert.equal(tree.stmts.length, 1);
  });

  it('exits 2 on a usage error', () => {
    const r = run(['parse'], dir());
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /nounset: /);
    assert.equal(r.status, 2);
  });

  it('exits 3 on a missing file', () => {
    const r = run(['parse', 'nope.sh'], dir());
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'nope.sh: cannot read: ENOENT\n');
    assert.equal(r.status, 3);
  });
});
