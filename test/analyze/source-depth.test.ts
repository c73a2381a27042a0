// Chains of `source` thousands of files deep (program.ts, walk.ts): the files are registered with
// a stack of their own, and the walk follows a chain 100 files deep, reading past that as a file
// not followed, so a deeper chain is a default where it is read, not an internal error.

import assert from 'node:assert/strict';
import { fixScript } from '../../src/fix/fix-script.js';

/** lib<i>.sh sets V<i> and sources lib<i+1>.sh, `depth` files in all. */
function chain(depth: number): (path: string) => string | null {
  return (path) => {
    const m = /lib(\d+)\.sh$/.exec(path);
    if (m === null) return null;
    const i = Number(m[1]);
    return `V${i}=1\n${i + 1 < depth ? `. ./lib${i + 1}.sh\n` : ''}`;
  };
}

describe('a chain of sourced files', () => {
  it('is followed 100 files deep, and a name set deeper is defaulted where it is read', () => {
    const r = fixScript('#!/bin/bash\nset -u\n. ./lib0.sh\necho "$V0" "$V99" "$V100" "$V249"\n', {
      path: 'main.sh',
      readSource: chain(250),
    });
    assert.match(r.output, /^echo "\$V0" "\$V99" "\$\{V100:-\}" "\$\{V249:-\}"$/m);
  });

  it('of 10,000 files is analysed, not an internal error', () => {
    const r = fixScript('#!/bin/bash\nset -u\n. ./lib0.sh\necho "$V0" "$V9999"\n', {
      path: 'main.sh',
      readSource: chain(10_000),
    });
    assert.match(r.output, /^echo "\$V0" "\$\{V9999:-\}"$/m);
  });
});
