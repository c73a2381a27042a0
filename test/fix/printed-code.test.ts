// Which here-documents hold printed shell code (fix/printed-code.ts), and which reads in them are
// warned about: code, not prose, text for fish or another language, or a file of another kind.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixScript } from '../../src/fix/fix-script.js';
import { ROOT } from '../support/corpus.js';

const warned = (text: string): string[] =>
  fixScript(text, { path: 'gen.sh' })
    .diagnostics.filter((d) => d.code === 'printed-code-unset')
    .map((d) => `${d.line}:${d.message.split(':')[0]}`);

describe('printed shell code', () => {
  it('reads in code printed by cat are warned about, at their place in the script', () => {
    const text = '#!/bin/bash\ncat <<EOS\nexport PS1="(${venv}) \\${PS1}"\nEOS\n';
    assert.deepEqual(warned(text), ['3:PS1']);
  });

  it('a rewrite inside another is part of the outer one: one warning, with both', () => {
    const text = '#!/bin/bash\ncat <<EOS\nf() { local -i pid=\\${row[\\$pid_col]}; }\nEOS\n';
    const [d, ...more] = fixScript(text, { path: 'gen.sh' }).diagnostics.filter((x) => x.code === 'printed-code-unset');
    assert.deepEqual(more, []);
    assert.match(
      d?.message ?? '',
      /Printing `\\\$\{row\[\\\$\{pid_col:-\}\]:-\}` instead of `\\\$\{row\[\\\$pid_col\]\}`/,
    );
  });

  it('prose is not code, even with an escaped `$` in it', () => {
    const text = '#!/bin/bash\ncat <<EOF\nUsage: $0 [options]\n  Set \\$TOOL_HOME to move it.\nEOF\n';
    assert.deepEqual(warned(text), []);
  });

  it("fish's code, another language's, another kind of file, a quoted delimiter, another command: none", () => {
    const cases = [
      '#!/bin/bash\ncase $1 in\nfish) cat <<EOS\nexport X=\\$UNSET_A\nEOS\n;;\nesac\n',
      '#!/bin/bash\ncat > out.py <<EOS\nexport X=\\$UNSET_A\nEOS\n',
      "#!/bin/bash\ncat <<'EOS'\nexport X=$UNSET_A\nEOS\n",
      '#!/bin/bash\nperl <<EOS\nexport X=\\$UNSET_A\nEOS\n',
      '#!/bin/bash\ncat <<EOS\nexport X=$UNSET_A\nEOS\n',
    ];
    for (const text of cases) assert.deepEqual(warned(text), [], text);
  });

  it('each warning carries its suggestion: the script text at its offsets, and what to print instead', () => {
    const text = readFileSync(join(ROOT, 'fixtures/default-unset-refs/printed-code.input.sh'), 'utf8');
    const found = fixScript(text, { path: 'tool-init' }).diagnostics.filter((d) => d.code === 'printed-code-unset');
    assert.ok(found.length >= 3);
    let applied = text;
    for (const d of [...found].reverse()) {
      const s = d.suggestion;
      assert.ok(s, d.message);
      assert.equal(text.slice(s.start, s.end), s.before);
      assert.ok(d.message.includes(`Printing \`${s.after}\` instead of \`${s.before}\``), d.message);
      applied = applied.slice(0, s.start) + s.after + applied.slice(s.end);
    }
    // With every suggestion taken, the printed code has nothing left to warn of.
    const after = fixScript(applied, { path: 'tool-init' }).diagnostics;
    assert.deepEqual(
      after.filter((d) => d.code === 'printed-code-unset').map((d) => d.message),
      [],
    );
  });

  it('a shell script written to a file counts, as nounset would fix it there', () => {
    assert.deepEqual(warned('#!/bin/bash\ncat > run.sh <<EOS\nexport X=\\$UNSET_A\nEOS\n'), ['3:UNSET_A']);
    assert.deepEqual(warned('#!/bin/bash\ncat >> ~/.bashrc <<EOS\n#!/bin/sh\nexport X=\\$UNSET_A\nEOS\n'), [
      '4:UNSET_A',
    ]);
    assert.deepEqual(warned('#!/bin/bash\ncat > run.conf <<EOS\nexport X=\\$UNSET_A\nEOS\n'), []);
  });
});
