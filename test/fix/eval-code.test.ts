// Which `eval`s nounset reads the code of (fix/eval-code.ts), which reads in that code it warns
// about, and how each suggestion is written for the quotes it sits in.

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

  it("an eval nounset cannot read in place: in a pipeline or a list, in backquotes, $'…', lines, comments", () => {
    const cases = [
      '#!/bin/bash\nset -u\neval "echo \\$U" | cat\n',
      '#!/bin/bash\nset -u\ntrue && eval "echo \\$U"\n',
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

  it('a warning, never an edit: the eval code is left as it is', () => {
    const text = '#!/bin/bash\nset -u\neval "echo \\$U"\n';
    const r = fixScript(text, { path: 'e.sh' });
    assert.equal(r.output, text);
  });
});
