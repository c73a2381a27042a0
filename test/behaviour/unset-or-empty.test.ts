// Reads that tell an unset variable from an empty one, next to a plain read of the same name that
// may stop: the env-init block's `NAME="${NAME:-}"` would make them give something else where set
// -u is off (docs/how-it-works.md#unset-or-empty). Each script is fixed in block style, then run by
// bash with its set -u taken out, the name unset, empty and set: the output prints what the input
// printed. And with set -u on, the output never stops at the plain read.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { fixScript } from '../../src/index.js';
import { runCli, useTempDir } from '../support/cli.js';
import { NOUNSET_MESSAGE, runShell, withoutNounset } from '../support/shells.js';

const COUNT = 'count() { echo "words: $#"; }\n';

const CASES: readonly { readonly what: string; readonly body: string }[] = [
  { what: '"${a[@]}"', body: `${COUNT}echo "[$a]"\ncount "\${a[@]}"\n` },
  { what: '"${a[@]#./}" before the plain read', body: `${COUNT}count "\${a[@]#./}"\necho "[$a]"\n` },
  { what: '${a[@]/#/-I} unquoted', body: `${COUNT}echo "[$a]"\ncount \${a[@]/#/-I}\n` },
  { what: '${!a[@]}', body: 'echo "[$a]"\nfor k in "${!a[@]}"; do echo "key $k"; done\n' },
  { what: '${#a[@]}', body: 'echo "[$a]"\necho "length ${#a[@]}"\n' },
  { what: 'a+=(x)', body: `${COUNT}echo "[$a]"\na+=(x)\ncount "\${a[@]}"\n` },
  { what: 'a[3]=x', body: `${COUNT}echo "[$a]"\na[3]=x\ncount "\${a[@]}"\n` },
  { what: '${a@Q}', body: 'echo "[$a]"\necho "quoted [${a@Q}]"\n' },
  { what: '${a@A}', body: 'echo "[$a]"\necho "assignment [${a@A}]"\n' },
  { what: '${a/#/pre-}', body: 'echo "[$a]"\necho "prefixed [${a/#/pre-}]"\n' },
  { what: '${a//*/all}', body: 'echo "[$a]"\necho "replaced [${a//*/all}]"\n' },
  { what: '`declare` alone', body: 'echo "[$a]"\ndeclare | grep -c "^a="\n' },
  { what: '`typeset` alone', body: 'echo "[$a]"\ntypeset | grep -c "^a="\n' },
  { what: '`eval` of literal code', body: 'echo "[$a]"\neval \'echo "set? ${a+yes}"\'\n' },
  {
    what: '[[ -v $n ]] over a list of names',
    body: 'echo "[$a]"\nfor n in a b; do [[ -v $n ]] && echo "$n set"; done\n',
  },
  { what: 'test -v "$1" in a helper', body: 'echo "[$a]"\nisset() { test -v "$1"; }\nisset a && echo set\n' },
  { what: '${!n+x}', body: 'echo "[$a]"\nn=a\n[ -z "${!n+x}" ] && echo "required: $n"\n' },
  { what: 'a nameref', body: 'echo "[$a]"\ndeclare -n ref=a\n[[ -v ref ]] && echo set\n' },
];

const ENVS: readonly Readonly<Record<string, string>>[] = [{}, { a: '' }, { a: 'v' }];

describe('behaviour: reads that tell unset from empty keep the name out of the env-init block', () => {
  for (const c of CASES) {
    it(c.what, async () => {
      const input = `#!/bin/bash\nset -u\n${c.body}`;
      const fix = fixScript(input, { style: 'block' });
      assert.notEqual(fix.output, input, 'nounset changed the script');
      assert.ok(!fix.output.includes('a="${a:-}"'), `a is not in the block:\n${fix.output}`);
      for (const env of ENVS) {
        const where = `a ${env.a === undefined ? 'unset' : JSON.stringify(env.a)}\n${fix.output}`;
        const before = await runShell({ shell: 'bash', script: withoutNounset(input), env });
        const after = await runShell({ shell: 'bash', script: withoutNounset(fix.output), env });
        assert.equal(after.stdout, before.stdout, `set -u off, ${where}`);
        assert.equal(after.status, before.status, `set -u off, ${where}`);
        const on = await runShell({ shell: 'bash', script: fix.output, env });
        const plainLine = fix.output.split('\n').findIndex((l) => l.startsWith('echo "[')) + 1;
        assert.ok(!on.stderr.includes(`line ${plainLine}: a: ${NOUNSET_MESSAGE.bash}`), `set -u on: ${where}`);
      }
    });
  }
});

// A library's code runs in the shell that sources it: an env-init block there would set its
// inputs in the caller's shell, where the caller's own set-ness tests would see them.
describe('behaviour: a sourced library gets no env-init block', () => {
  const dir = useTempDir('nounset-library-');
  const LIB = 'set -u\nlog() { [ "$DEBUG" = 1 ] && echo log; return 0; }\necho "lib: $VERBOSE"\n';
  const MAIN =
    '#!/bin/bash\n. ./lib.sh\ncount() { echo "words: $#"; }\necho "debug ${DEBUG-unset}"\n[[ -v VERBOSE ]] && echo verbose\ncount "${EXTRA[@]}"\n';

  it('the scripts that source it run as before, set -u on or off', async () => {
    writeFileSync(join(dir(), 'lib.sh'), LIB);
    writeFileSync(join(dir(), 'main.sh'), MAIN);
    const r = runCli(['--quiet', '.'], dir());
    assert.equal(r.status, 0, r.stderr);
    const lib = readFileSync(join(dir(), 'lib.sh'), 'utf8');
    assert.ok(!lib.includes('env-init'), lib);
    assert.ok(lib.includes('${VERBOSE:-}'), lib);
    const envs: Readonly<Record<string, string>>[] = [{}, { VERBOSE: '1', DEBUG: '' }];
    for (const env of envs) {
      const before = await runShell({ shell: 'bash', script: MAIN.replace('. ./lib.sh', withoutNounset(LIB)), env });
      const after = await runShell({ shell: 'bash', script: MAIN.replace('. ./lib.sh', withoutNounset(lib)), env });
      assert.equal(after.stdout, before.stdout, `${JSON.stringify(env)}\n${lib}`);
    }
  });
});
