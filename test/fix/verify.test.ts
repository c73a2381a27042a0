// The output guard: a deliberately wrong edit, or output that differs from the edits outside
// them, must be refused; every right fix (fixtures, corpus) must pass.

import assert from 'node:assert/strict';
import { applyEdits } from '../../src/edit/apply.js';
import type { Edit } from '../../src/edit/edit.js';
import { verifyOutput } from '../../src/fix/verify-output.js';
import { fixScript, parse } from '../../src/index.js';
import { corpus } from '../support/corpus.js';
import { edit, refEdit } from '../support/edits.js';
import { fixtureCases, transformDirs } from '../support/fixtures.js';

const REFUSED = /read differently outside the edits|would not parse|changes text outside the construct/;

function verdict(input: string, edits: Edit[], output = applyEdits(input, edits)): string | null {
  return verifyOutput({ input: parse(input), inputText: input, output, edits, dialect: 'bash', path: 'a.sh' });
}

function assertRefused(input: string, edits: Edit[], output?: string, why: RegExp = REFUSED): void {
  const out = output ?? applyEdits(input, edits);
  assert.match(verdict(input, edits, out) ?? 'accepted', why, JSON.stringify(out));
}

describe('verifyOutput', () => {
  describe('accepts the right edit (so each refusal below is the wrong part)', () => {
    const cases = [
      'echo $X a "b c" d "e"\n',
      'echo $X a # "quoted\n',
      'echo ${A:-$X c}\n',
      'cat <<EOF\nhello $X more\nEOF\necho done\n',
      'echo $(cat <<E) $Y\nbody $X more\nE\necho done\n',
      'echo `echo a\\\\$Z` $X\n',
      'echo a${X}b c  d # note\n',
    ];
    for (const input of cases) {
      it(JSON.stringify(input), () => {
        const ref = input.includes('${X}') ? '${X}' : '$X';
        assert.equal(verdict(input, [refEdit(input, ref)]), null);
      });
    }
  });

  describe('refuses a wrong edit', () => {
    it('that inserts a double quote (a comment becomes quoted text)', () => {
      const input = 'echo $X a # "quoted\n';
      assertRefused(input, [refEdit(input, '$X', { after: '"' })]);
    });

    it('that inserts a double quote that regroups the words after it (or breaks the parse)', () => {
      const input = 'echo $X a "b c" d "e"\n';
      assertRefused(input, [refEdit(input, '$X', { after: '"' })]);
    });

    it('that inserts a single quote (a comment becomes quoted text)', () => {
      assertRefused("echo $X a # it's\n", [refEdit("echo $X a # it's\n", '$X', { after: "'" })]);
    });

    it('that inserts `}` inside `${A:-…`, closing the outer expansion early', () => {
      const input = 'echo ${A:-$X c}\n';
      assertRefused(input, [refEdit(input, '$X', { after: '}' })]);
    });

    it('that inserts `#` where a word starts (the rest of the line becomes a comment)', () => {
      const input = 'echo $X a b\n';
      assertRefused(input, [refEdit(input, '$X', { before: '#' })]);
    });

    it('that inserts `#` mid-word (the literal before it changes)', () => {
      const input = 'echo a${X}b c\n';
      assertRefused(input, [refEdit(input, '${X}', { before: '#' })]);
    });

    it('that inserts the delimiter line into a here-document body', () => {
      const input = 'cat <<EOF\nhello $X more\nEOF\necho done\n';
      assertRefused(input, [refEdit(input, '$X', { after: '\nEOF' })]);
    });

    it('that quotes a here-document delimiter (the body stops expanding)', () => {
      const input = 'cat <<EOF\nhello $Y\nEOF\n';
      const start = input.indexOf('EOF');
      assertRefused(input, [edit(start, start + 3, [{ start, end: start + 3, text: "'EOF'" }])]);
    });

    it('that escapes `<<` (the body becomes commands)', () => {
      const input = 'cat $X<<EOF\nhello\nEOF\n';
      assertRefused(input, [refEdit(input, '$X', { after: '\\' })]);
    });

    it('that inserts a double quote in a here-document body begun inside `$( )`', () => {
      // The body lies outside the word `$(cat <<E)`: only walking into that word finds it.
      const input = 'echo $(cat <<E) $Y\nbody $X more\nE\necho done\n';
      assertRefused(input, [refEdit(input, '$X', { after: '"' })]);
    });

    it('that starts a here-document whose body a later, untouched statement holds', () => {
      // `echo a${X:-}<<E; if …` reads the body at the if's first newline: its line `E` is no
      // command any more, though the if starts and ends where it did and nothing before it moved.
      // Untouched statements are skipped only when no edit's text touches a `<<`.
      const input = 'echo a$X; if true; then\nE\necho y\nfi\n';
      assertRefused(input, [refEdit(input, '$X', { after: '<<E' })]);
    });

    it('that inserts a newline in an unquoted word', () => {
      const input = 'echo a${X}b c\n';
      assertRefused(input, [refEdit(input, '${X}', { before: '\n' })]);
    });

    it('that sends the command to the background', () => {
      const input = 'a $X\nb\n';
      assertRefused(input, [refEdit(input, '$X', { after: ' &' })]);
    });

    it('that turns `$( )` into backquotes (backslashes inside read differently)', () => {
      const input = 'echo $(echo \\\\$y)\n';
      const close = input.indexOf(')');
      assertRefused(input, [
        edit(5, 7, [{ start: 5, end: 7, text: '`' }]),
        edit(close, close + 1, [{ start: close, end: close + 1, text: '`' }]),
      ]);
    });
  });

  describe("inside a trap's single-quoted handler (bash parses it when the trap fires)", () => {
    // An edit before the string moves it: its code is compared where it lands.
    const input = 'echo $Y\ntrap \'rm -rf "$T"; echo "$X" # done\' EXIT\necho $Z\n';
    const right = (): Edit[] => [
      refEdit(input, '$Y'),
      refEdit(input, '$T'),
      refEdit(input, '$X'),
      refEdit(input, '$Z'),
    ];

    it('accepts the right edits, with edits before and after the string', () => {
      assert.equal(verdict(input, right()), null);
    });

    it('refuses an edit that ends the quotes', () => {
      // `rm -rf "${T:-}' '"; …`: still a script that parses, with the handler cut in two words.
      assertRefused(input, [refEdit(input, '$T', { after: "' '" })], undefined, /ends the quotes of a trap's handler/);
    });

    it('refuses an edit that changes how the code reads (a comment becomes quoted text)', () => {
      assertRefused(
        input,
        [refEdit(input, '$X', { after: '"' })],
        undefined,
        /trap's handler would (read differently|not parse)/,
      );
      // `rm -rf "${T:-}"; #"; echo …`: the echo becomes a comment.
      assertRefused(
        input,
        [refEdit(input, '$T', { after: '"; #' })],
        undefined,
        /trap's handler would read differently/,
      );
    });

    it('refuses an edit in a handler inside backquotes, whose text is not the source (`\\\\$` is `\\$` there)', () => {
      const text = "x=`trap 'echo \\\\$T' EXIT`\n";
      assertRefused(text, [refEdit(text, '$T')], undefined, /not the script's own/);
    });

    it('refuses an edit in a single-quoted string that is no trap handler', () => {
      const text = "echo 'rm $T' EXIT\n";
      assertRefused(text, [refEdit(text, '$T')]);
    });

    it('fixes a handler of `trap` however its name is spelled, the handlers the plan read told', () => {
      // The plan says where the handlers it read start (Plan.trapHandlerStarts); `tr""ap` is trap.
      const text = '#!/bin/bash\nset -u\nf() { tr""ap \'echo "$X"\' EXIT; }\nf\nX=1\n';
      const r = fixScript(text, { path: 'a.sh' });
      assert.deepEqual(
        r.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.match(r.output, /tr""ap 'echo "\$\{X:-\}"' EXIT/);
      // Told no handler, the same edit is compared as a plain string, and refused.
      const edits = [refEdit(text, '$X')];
      const told = {
        input: parse(text),
        inputText: text,
        output: applyEdits(text, edits),
        edits,
        dialect: 'bash' as const,
      };
      assert.match(verifyOutput({ ...told, path: 'a.sh', handlers: [] }) ?? 'accepted', REFUSED);
      assert.equal(verifyOutput({ ...told, path: 'a.sh' }), null);
    });
  });

  describe("inside a trap's double-quoted handler whose `$` are escaped", () => {
    // `\$T` is `$T` when the trap fires: the edit writes `\${T:-}`, its `$` still escaped.
    const input = 'echo $Y\ntrap "rm -rf \\"\\$T\\"; echo \\${X} # done" EXIT\necho $Z\n';
    const right = (): Edit[] => [
      refEdit(input, '$Y'),
      refEdit(input, '$T'),
      refEdit(input, '${X}'),
      refEdit(input, '$Z'),
    ];

    it('accepts the right edits, with edits before and after the string', () => {
      assert.equal(verdict(input, right()), null);
    });

    it('refuses an edit that ends the quotes', () => {
      assertRefused(input, [refEdit(input, '$T', { after: '" "' })], undefined, /ends the quotes of a trap's handler/);
    });

    it('refuses an edit that makes the string expand a value when the trap is set', () => {
      assertRefused(input, [refEdit(input, '$T', { after: '$Q' })], undefined, /expand a value when it is set/);
      assertRefused(input, [refEdit(input, '${X}', { after: '`true`' })], undefined, /expand a value when it is set/);
    });

    it('refuses an edit that changes how the code reads (the echo becomes a comment)', () => {
      // `\;` is an escape the double quotes keep, so the code reads `rm -rf "${T:-}"; #\"; echo …`.
      assertRefused(
        input,
        [refEdit(input, '$T', { after: '\\"; #' })],
        undefined,
        /trap's handler would (read differently|not parse)/,
      );
    });

    it('reads the code as bash does: an escaped backslash before `\\$` leaves the `$` literal', () => {
      // `"echo \\\\\\$T"` is `echo \$T` when the trap fires: no read of T.
      const text = 'trap "echo \\\\\\$T" EXIT\n';
      assert.equal(fixScript(text).output, text);
    });
  });

  describe('refuses output that differs outside the edits', () => {
    const input = 'echo $X abc  d # note\necho "$Y"\n';
    const edits = [refEdit(input, '$X')];
    const right = applyEdits(input, edits);
    const without = (text: string, at: number): string => text.slice(0, at) + text.slice(at + 1);

    it('unless it is exactly the edits applied', () => {
      assert.equal(verdict(input, edits, right), null);
    });

    it('by one byte removed from a later word', () => {
      assertRefused(input, edits, without(right, right.indexOf('abc') + 1));
    });

    it('by one blank removed between words (the same tree, moved)', () => {
      assertRefused(input, edits, without(right, right.indexOf('  ')));
    });

    it('by one byte removed from a comment', () => {
      assertRefused(input, edits, without(right, right.indexOf('note')));
    });

    it('by one byte removed before the edit', () => {
      assertRefused(input, edits, without(right, 1));
    });

    it('by one byte removed at the end', () => {
      assertRefused(input, edits, right.slice(0, -1));
    });

    it('by an edit whose change lies outside the construct it names', () => {
      const [x] = edits;
      assert.ok(x);
      const at = input.indexOf('abc') + 2;
      assertRefused(input, [{ ...x, changes: [...x.changes, { start: at, end: at + 1, text: 'd' }] }]);
    });
  });

  describe('passes every right fix', () => {
    it('of the fixtures', () => {
      const problems: string[] = [];
      for (const dir of transformDirs()) {
        for (const c of fixtureCases(dir).cases) {
          const r = fixScript(c.input, { ...c.options, path: c.path });
          for (const d of r.diagnostics) if (d.code === 'unsafe-edit') problems.push(`${c.path}: ${d.message}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('of the parser corpus, in both styles', () => {
      const problems: string[] = [];
      for (const f of [...corpus('realistic'), ...corpus('constructs')]) {
        for (const style of ['block', 'inline'] as const) {
          const r = fixScript(f.text, { path: f.name, dialect: f.dialect, style });
          for (const d of r.diagnostics)
            if (d.code === 'unsafe-edit') problems.push(`${f.name} (${style}): ${d.message}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  });
});
