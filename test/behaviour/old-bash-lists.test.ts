// For a script that must run under bash before 4.4, nounset guards a list expansion of an array
// that may be empty: `"${a[@]OP}"` → `${a[@]+"${a[@]OP}"}`, with an operator applied to each
// element too. The guard gives no word for an empty or unset array; bash 5.2 is asked here that
// the unguarded form gives none either, with set -u off, for every operator nounset guards, and
// the same words for a non-empty array. (bash 3.2 to 4.3, which stop on the unguarded form under
// set -u, are not installed: that fact is judged from bash's CHANGES, as the recall bench does.)
// `@A` prints a declaration of an empty array and `[*]` is one word even when empty: those stay
// for review, as do operator forms the guard cannot go around.

import assert from 'node:assert/strict';
import { fixScript } from '../../src/index.js';
import { runShell } from '../support/shells.js';

const GUARDED = [
  '"${a[@]}"',
  '"${a[@]#./}"',
  '"${a[@]##*/}"',
  '"${a[@]%.c}"',
  '"${a[@]%%.*}"',
  '"${a[@]/#/-I}"',
  '"${a[@]/%/.o}"',
  '"${a[@]//x/y}"',
  '"${a[@]^^}"',
  '"${a[@],}"',
  '"${a[@]:1}"',
  '"${a[@]:0:2}"',
  '"${a[@]@Q}"',
  '"${a[@]@E}"',
  '"${a[@]@K}"',
  '"${a[@]@U}"',
  '"${@:2}"',
  '"${@#-}"',
];
// Left for review, and left as they are: a `:-` inside would change the operator's own word
// (`${a[@]/x/}` → `${a[@]/x/:-}`), and the guard goes only around a double-quoted list alone.
const LEFT = ['"${a[@]@A}"', '"${a[*]#x}"', '${a[@]/x/}', '${a[@]#x}', '"p${a[@]%x}q"'];

const SETUPS = ['unset a', 'a=()', "a=(x.c 'y z.c' '' ./w)", 'a=(one)'];

/** The script around one expansion: an array that may be empty, and the words it gives. */
function script(form: string): string {
  return `#!/bin/bash\nset -u\n[ "\${SETUP:-}" != "" ] && eval "$SETUP"\nshow() { echo "$#:$*"; }\nshow ${form}\n`;
}

describe('behaviour: old bash list guards keep every word bash 5.2 gives', () => {
  for (const form of GUARDED) {
    it(`${form} is guarded, and gives what it gave`, async () => {
      const input = script(form);
      const fixed = fixScript(input, { path: 'l.sh', bashVersion: '3.2' });
      const inner = form.startsWith('"${@') ? '@' : 'a[@]';
      assert.ok(fixed.output.includes(`\${${inner}+${form}}`), fixed.output);
      for (const setup of SETUPS)
        for (const args of [[], ['one'], ['one', '-two', 'three']]) {
          // set -u taken out: the unguarded form runs through in bash 5.2 whatever a is.
          const run = (text: string) =>
            runShell({ shell: 'bash', script: text.replace('set -u\n', ''), env: { SETUP: setup }, args });
          const [before, after] = await Promise.all([run(input), run(fixed.output)]);
          assert.equal(after.stdout, before.stdout, `${setup}, ${args.length} arguments`);
          assert.equal(after.status, before.status);
        }
    });
  }

  for (const form of LEFT) {
    it(`${form} is left for review`, () => {
      const fixed = fixScript(script(form), { path: 'l.sh', bashVersion: '3.2' });
      assert.ok(fixed.output.endsWith(`\nshow ${form}\n`), fixed.output);
      assert.ok(fixed.diagnostics.some((d) => d.code === 'needs-review' && d.line === 5));
    });
  }
});
