// The output guard's fast path (verify-local.ts): it parses only the statements that hold edits.
// It may decline, never accept what the whole check refuses; and it must be taken where it can.

import assert from 'node:assert/strict';
import { applyEdits, type Change, type Edit, nestEdits } from '../../src/edit/index.js';
import { analyseScript } from '../../src/fix/analyse-script.js';
import { runTransforms } from '../../src/fix/transform-run.js';
import { verifyFast, verifyOutput, verifyWhole } from '../../src/fix/verify-output.js';
import { parse, parseStmtAt } from '../../src/parse/index.js';
import { transforms } from '../../transforms/index.js';
import { corpus } from '../support/corpus.js';
import { edit, refEdit } from '../support/edits.js';
import { fixtureCases, transformDirs } from '../support/fixtures.js';

type Verify = Parameters<typeof verifyOutput>[0];

/** What the fix of `text` verifies: the input, the edits the transforms make, the output. */
function fixOf(text: string, path: string, options: object = {}): Verify | null {
  const parsed = analyseScript(text, { path, ...options });
  if (parsed.kind === 'skip' || parsed.plan.site.kind === 'malformed') return null;
  const { edits } = runTransforms(parsed.plan, transforms, { defaults: parsed.plan.options.defaults }, () => path);
  if (edits.length === 0) return null;
  return {
    input: parsed.file,
    inputText: text,
    handlers: parsed.plan.trapHandlerStarts,
    output: applyEdits(text, edits),
    edits,
    dialect: parsed.dialect,
    bats: parsed.variant === 'bats',
    path,
  };
}

function fastAnswer(v: Verify): boolean {
  return verifyFast(v, nestEdits(v.edits));
}

function verifyOf(input: string, edits: Edit[], output = applyEdits(input, edits)): Verify {
  return { input: parse(input), inputText: input, output, edits, dialect: 'bash', path: 'a.sh' };
}

describe('verifyEditedStmts (the output guard reads only the edited statements)', () => {
  describe('is taken', () => {
    const cases: [string, string][] = [
      ['in a function', 'f() {\n  echo a\n  echo "$X" b\n}\nf\n'],
      ['in a here-document body at the top level', 'cat <<EOF >out\nhello $X\nEOF\necho done\n'],
      ['in two here-documents of one line', 'cat <<A - <<B\n$X\nA\n$X\nB\necho done\n'],
      ['in backquotes (the statement around them is read)', 'a=`echo $X`\necho "$a"\n'],
      ['in `$( (…) )` read first as arithmetic (the statement around it is read)', 'a=$((echo $X) )\n'],
      ['in a case subject and an item', 'case $X in\n  a) echo $X ;;\nesac\n'],
    ];
    for (const [what, input] of cases)
      it(what, () => {
        const n = input.split('$X').length - 1;
        const v = verifyOf(
          input,
          Array.from({ length: n }, (_, i) => refEdit(input, '$X', { nth: i })),
        );
        assert.equal(fastAnswer(v), true);
        assert.equal(verifyWhole(v, nestEdits(v.edits)), null);
      });

    it('for a fixed script with an env-init block and a trap handler', () => {
      const text =
        '#!/bin/bash\nset -u\ntmp=$(mktemp)\ntrap \'rm -f "$tmp" "$LOG"\' EXIT\ncat <<EOF\n$NAME\nEOF\necho "$1"\n';
      const v = fixOf(text, 'a.sh');
      assert.ok(v);
      assert.ok(v.edits.some((e) => e.kind === 'env-init-block'));
      assert.equal(fastAnswer(v), true);
      assert.equal(verifyOutput(v), null);
    });
  });

  it('reads a chain of thousands of && links without a recursion per link', () => {
    // Each link nests one level to the left: 6,000 of them overflowed the stack in innerLists.
    const input = `${Array.from({ length: 6000 }, (_, i) => `test -n "$V${i}"`).join(' && ')}\n`;
    const v = verifyOf(input, [refEdit(input, '$V5999'), refEdit(input, '$V0')]);
    assert.equal(fastAnswer(v), true);
    assert.equal(verifyWhole(v, nestEdits(v.edits)), null);
  });

  describe('declines (the whole check decides)', () => {
    it('where a here-document of an earlier statement is pending', () => {
      // `echo $X` alone reads no body; in the script the body follows its line.
      const input = 'cat <<E; echo $X\nbody\nE\n';
      const v = verifyOf(input, [refEdit(input, '$X')]);
      assert.equal(fastAnswer(v), false);
      assert.equal(verifyOutput(v), null);
    });

    it('where an insertion lies inside a statement, not between two', () => {
      const input = 'echo a \\\n  $X\n';
      const at = input.indexOf('  $X');
      const v = verifyOf(input, [edit(at, at, [{ start: at, end: at, text: ': x\n' }], 'env-init-block')]);
      assert.equal(fastAnswer(v), false);
      assert.match(verifyOutput(v) ?? 'accepted', /read differently|would not parse/);
    });

    it('where a statement becomes a closing word of its list', () => {
      // The whole parse would end the group at `}`; read alone it is no statement at all.
      const input = '{\n$X\n}\n';
      const at = input.indexOf('$X');
      const v = verifyOf(input, [edit(at, at + 2, [{ start: at, end: at + 2, text: '}' }])]);
      assert.equal(fastAnswer(v), false);
      assert.match(verifyOutput(v) ?? 'accepted', /read differently|would not parse/);
    });
  });

  it('never accepts what the whole check refuses: a broken edit in every fixture and corpus script', function () {
    this.timeout(60_000);
    // Text an edit must never add: each ends a quote, a word, a statement, a list or a line, or
    // starts something that reads on.
    const breakers = [
      ';',
      '"',
      "'",
      '}',
      ')',
      '\n',
      '#',
      '`',
      ' x',
      '\\',
      '$(',
      '<<E\n',
      '&',
      '|',
      '{',
      '((',
      '\nfi',
      ';;',
      ' #',
      '\ndone\n',
      '\n}',
      '\\\n',
      '<<',
      '))',
      ' esac',
      '\nthen ',
      '\n)',
      '$((',
      '[',
      '=(',
    ];
    const scripts = [
      ...transformDirs().flatMap((d) =>
        fixtureCases(d).cases.map((c) => ({ text: c.input, path: c.path, options: c.options })),
      ),
      ...[...corpus('realistic'), ...corpus('constructs')].map((f) => ({
        text: f.text,
        path: f.name,
        options: { dialect: f.dialect },
      })),
    ];
    let refused = 0;
    let fastAccepted = 0;
    const wrong: string[] = [];
    for (const [n, s] of scripts.entries()) {
      const v = fixOf(s.text, s.path, s.options);
      if (v === null) continue;
      for (const [b, breaker] of breakers.entries()) {
        // One edit per breaker, spread over the script's edits.
        const k = (n * 7 + b * 13) % v.edits.length;
        const e = v.edits[k] as Edit;
        const last = e.changes[e.changes.length - 1] as Change;
        const broken: Edit = { ...e, changes: [...e.changes.slice(0, -1), { ...last, text: last.text + breaker }] };
        const edits = v.edits.map((x, i) => (i === k ? broken : x));
        let output: string;
        try {
          output = applyEdits(s.text, edits);
        } catch {
          continue;
        }
        const m = { ...v, edits, output };
        const whole = verifyWhole(m, nestEdits(edits));
        if (whole !== null) refused++;
        const fast = fastAnswer(m);
        if (fast === true) fastAccepted++;
        if (fast === true && whole !== null) wrong.push(`${s.path} + ${JSON.stringify(breaker)}: ${whole}`);
      }
    }
    assert.deepEqual(wrong, []);
    // The property is not vacuous: most breakers break, and harmless ones (` x`) pass fast.
    assert.ok(refused > 2000, `${refused} refused`);
    assert.ok(fastAccepted > 1000, `${fastAccepted} accepted by the fast path`);
  });
});

describe('parseStmtAt', () => {
  it('reads one statement of a list, with its terminator, and stops', () => {
    const text = 'if a; then echo x & echo y; fi\n';
    const read = parseStmtAt(text, text.indexOf('echo x'), { depth: 2 });
    assert.ok(read);
    assert.equal(text.slice(read.stmt.start, read.end), 'echo x &');
    assert.equal(read.stmt.background, true);
  });

  it('reads the bodies its here-documents leave pending, after a comment', () => {
    const text = 'cat <<A # c\nbody\nA\necho next\n';
    const read = parseStmtAt(text, 0, { depth: 0 });
    assert.ok(read);
    assert.equal(read.end, text.indexOf('echo next'));
    assert.equal(read.comments.length, 1);
  });

  it('answers null where a list ends, or a statement follows one with bodies pending', () => {
    assert.equal(parseStmtAt('{ a; }\n', 5, { depth: 0 }), null);
    assert.equal(parseStmtAt('(a)\n', 2, { depth: 0 }), null);
    assert.equal(parseStmtAt('cat <<A; b\nA\n', 0, { depth: 0 }), null);
  });
});
