// Parser mistakes the safety suites found (test/safety, npm run fuzz), one case each, with what
// the shells do.

import assert from 'node:assert/strict';

import { fixScript } from '../../src/index.js';
import { forEachNode, parse } from '../../src/parse/index.js';

describe('parser mistakes found by the safety suites', () => {
  // dash -c 'f() { local l=$1; echo "[$l]"; }; f "a b"' prints [a b]: an assignment, not split.
  it('[parser] POSIX sh: `local l="$1"` is a declaration that assigns l', () => {
    const kinds: string[] = [];
    forEachNode(parse('f() { local l="$1"; echo "$l"; }\n', { dialect: 'posix' }), (n) => {
      if (n.type === 'DeclClause' || n.type === 'Assign') kinds.push(n.type);
    });
    assert.deepEqual(kinds, ['DeclClause', 'Assign']);
  });

  it('[parser] POSIX sh: a function local is not an environment input of the script', () => {
    const r = fixScript('f() {\n  local l="$1"\n  echo "$l"\n}\nf x\n', { dialect: 'posix' });
    assert.deepEqual(
      r.inputs.map((i) => i.name),
      [],
    );
    // `f x` passes one argument, so $1 is safe ([flow]); called with none it would not be.
    assert.equal(r.output, 'f() {\n  local l="$1"\n  echo "$l"\n}\nf x\n');
    assert.equal(
      fixScript('f() {\n  local l="$1"\n  echo "$l"\n}\nf\n', { dialect: 'posix' }).output,
      'f() {\n  local l="${1:-}"\n  echo "$l"\n}\nf\n',
    );
  });
});
