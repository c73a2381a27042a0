// Which `eval`s nounset reads the code of (analyze/eval-probes.ts, fix/eval-code.ts), which reads in
// that code it warns about, how each suggestion is written for the quotes it sits in, and that the
// code, read where it runs, changes nothing else the analysis finds.

import assert from 'node:assert/strict';
import { fixScript } from '../../src/fix/fix-script.js';

/** `line:before→after` for each eval-code warning. */
const warned = (text: string): string[] =>
  fixScript(text, { path: 'e.sh' })
    .diagnostics.filter((d) => d.code === 'eval-code-unset')
    .map((d) => `${d.line}:${d.suggestion?.before}→${d.suggestion?.after}`);

describe('code run through eval', () => {
  it('a deferred read gets the verdict a read written in place would get', () => {
    // X is assigned before the eval on one path only; Y on every path; Z never.
    const text = '#!/bin/bash\nset -u\nif [ -n "${1:-}" ]; then X=1; fi\nY=2\neval "echo \\$X \\$Y" \'$Z\'\n';
    assert.deepEqual(warned(text), ['5:\\$X→\\${X:-}', '5:$Z→${Z:-}']);
  });

  it('each way of quoting gets its own escapes', () => {
    assert.deepEqual(warned('#!/bin/bash\nset -u\neval echo \\$U\n'), ['3:\\$U→\\${U:-}']);
    assert.deepEqual(warned('#!/bin/bash\nset -u\neval "echo \\$U"\n'), ['3:\\$U→\\${U:-}']);
    assert.deepEqual(warned("#!/bin/bash\nset -u\neval 'echo $U'\n"), ['3:$U→${U:-}']);
  });

  it('a read whose name comes from a value of the script is not one nounset can name', () => {
    assert.deepEqual(warned('#!/bin/bash\nset -u\nv=HOME\neval "echo \\$$v \\${$v}"\n'), []);
  });

  it('an eval in a pipeline, a list, a condition, with a redirection or in the background: its code runs there', () => {
    const cases = [
      '#!/bin/bash\nset -u\neval "echo \\$U" | cat\n',
      '#!/bin/bash\nset -u\ntrue && eval "echo \\$U"\n',
      '#!/bin/bash\nset -u\nif eval "test -n \\$U"; then :; fi\n',
      '#!/bin/bash\nset -u\n! eval "echo \\$U" >/dev/null\n',
      '#!/bin/bash\nset -u\neval "echo \\$U" &\n',
    ];
    for (const text of cases) assert.deepEqual(warned(text), ['3:\\$U→\\${U:-}'], text);
    // Where the list's left side shows U is set, the code's read is safe.
    assert.deepEqual(warned('#!/bin/bash\nset -u\n[ -n "${U+x}" ] && eval "echo \\$U"\n'), []);
  });

  it("an eval nounset cannot read in place: in backquotes, $'…', lines, comments", () => {
    const cases = [
      '#!/bin/bash\nset -u\nx=`eval "echo \\\\$U"`\n',
      "#!/bin/bash\nset -u\neval $'echo $U'\n",
      '#!/bin/bash\nset -u\neval "echo \\$U\n echo"\n',
      '#!/bin/bash\nset -u\neval "echo \\$U # note"\n',
      '#!/bin/bash\nset -u\neval "cat <<E\n\\$U\nE"\n',
    ];
    for (const text of cases) assert.deepEqual(warned(text), [], text);
  });

  it("nothing deferred, nothing to read: every `$` was the script's own", () => {
    assert.deepEqual(warned('#!/bin/bash\nset -u\ncmd=true\neval "$cmd"\n'), []);
  });

  it('an eval in the arguments of another is part of the outer code', () => {
    const text = '#!/bin/bash\nset -u\neval "echo \\$U $(eval "echo \\$V")"\n';
    assert.deepEqual(warned(text), ['3:\\$U→\\${U:-}']);
  });

  it('the code sees what it sets itself before a read, and what the script set before the eval', () => {
    // $v makes the code one nounset cannot read whole (an opaque eval); x is the code's own.
    const text = '#!/bin/bash\nset -u\nf() {\n  eval "x=\\$1; echo \\$x \\$2 $v"\n}\nv=1\nf a\n';
    assert.deepEqual(warned(text), ['4:\\$2→\\${2:-}']);
  });

  it('what the code sets stays in it: a read past the eval, an input, the block and the calls are the same', () => {
    const withEval =
      '#!/bin/bash\nset -u\nv=1\ng() { echo "$1"; }\ng a\neval "Y=\\$v; g; echo \\$ONLY $v"\necho "$Y"\n';
    const without = '#!/bin/bash\nset -u\nv=1\ng() { echo "$1"; }\ng a\neval "Y=1 $v"\necho "$Y"\n';
    for (const style of ['block', 'inline'] as const) {
      const a = fixScript(withEval, { path: 'e.sh', style });
      const b = fixScript(without, { path: 'e.sh', style });
      // Y may be set by the eval (nounset cannot name what it assigns): defaulted where it is read,
      // in both; ONLY, read in the code alone, is no input; g's $1 is safe (`g a`), though the code
      // calls g with none.
      assert.deepEqual(
        a.edits.map((e) => `${e.line}:${e.after}`),
        b.edits.map((e) => `${e.line}:${e.after}`),
      );
      assert.deepEqual(
        a.edits.map((e) => e.after),
        ['${Y:-}'],
        style,
      );
      assert.deepEqual(a.inputs, b.inputs);
      assert.deepEqual(
        a.diagnostics.filter((d) => d.code === 'eval-code-unset').map((d) => d.suggestion?.before),
        ['\\$ONLY'],
      );
    }
  });

  it('a warning, never an edit: the eval code is left as it is', () => {
    const text = '#!/bin/bash\nset -u\neval "echo \\$U"\n';
    const r = fixScript(text, { path: 'e.sh' });
    assert.equal(r.output, text);
  });
});
