// The diff built from a fix's edits: byte for byte what GNU `diff -u` prints for the same two
// texts (asked of the real tool), on hand-made edge cases and on every fixture; and on generated
// programs, a patch that rebuilds the fixed text exactly.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { applyPatch } from 'diff';
import fc from 'fast-check';

import { fixScript } from '../../src/index.js';
import { diffFromEdits, type TextEdit } from '../../src/report/edit-diff.js';
import { programArbitrary } from '../gen/programs.js';
import { useTempDir } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

/** Applies edits the plain way, to get the text they should give. */
function apply(before: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  // At one point, an insertion goes before a replacement (magic-string's appendLeft).
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += before.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + before.slice(pos);
}

const editsOf = (r: ReturnType<typeof fixScript>): TextEdit[] =>
  r.edits.map((e) => ({ start: e.start, end: e.end, text: e.after }));

describe('diffFromEdits', () => {
  const dir = useTempDir('nounset-editdiff-', { shared: true });
  /** What GNU diff -u says, with git's a/ b/ labels. */
  const gnu = (before: string, after: string): string => {
    writeFileSync(join(dir(), 'a'), before);
    writeFileSync(join(dir(), 'b'), after);
    const r = spawnSync('diff', ['-u', '--label', 'a/s.sh', '--label', 'b/s.sh', 'a', 'b'], {
      cwd: dir(),
      encoding: 'utf8',
    });
    assert.ok(r.status === 0 || r.status === 1, `diff failed: ${r.stderr}`);
    return r.stdout;
  };
  const lines = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');
  const at = (text: string, needle: string): number => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    return i;
  };

  const cases: { name: string; before: string; edits: (b: string) => TextEdit[] }[] = [
    {
      name: 'a block inserted at the top of a file without shebang',
      before: 'echo "$X"\n',
      edits: () => [{ start: 0, end: 0, text: '# block\nX="${X:-}"\n\n' }],
    },
    {
      name: 'a block inserted after a shebang, with a rewrite on the same line as its point',
      before: '#!/bin/sh\n$CMD x\n',
      edits: () => [
        { start: 10, end: 10, text: '# b\n\n' },
        { start: 10, end: 14, text: '${CMD:-}' },
      ],
    },
    {
      name: 'two edits on one line and one on the next',
      before: `${lines(3)}a $X $Y\nb $Z\n${lines(3, 6)}`,
      edits: (b) => [
        { start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' },
        { start: at(b, '$Y'), end: at(b, '$Y') + 2, text: '${Y:-}' },
        { start: at(b, '$Z'), end: at(b, '$Z') + 2, text: '${Z:-}' },
      ],
    },
    {
      name: 'changes 6 unchanged lines apart share a hunk',
      before: `a $X\n${lines(6)}b $Y\n${lines(4, 10)}`,
      edits: (b) => [
        { start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' },
        { start: at(b, '$Y'), end: at(b, '$Y') + 2, text: '${Y:-}' },
      ],
    },
    {
      name: 'changes 7 unchanged lines apart get two hunks',
      before: `a $X\n${lines(7)}b $Y\n${lines(4, 10)}`,
      edits: (b) => [
        { start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' },
        { start: at(b, '$Y'), end: at(b, '$Y') + 2, text: '${Y:-}' },
      ],
    },
    {
      name: 'an edit on a last line without newline',
      before: `${lines(5)}echo $X`,
      edits: (b) => [{ start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' }],
    },
    {
      name: 'an edit near a last line without newline',
      before: `echo $X\nlast`,
      edits: (b) => [{ start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' }],
    },
    {
      name: 'CRLF lines',
      before: 'a\r\necho $X\r\nb\r\n',
      edits: (b) => [{ start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}' }],
    },
    { name: 'an empty file that gets a block', before: '', edits: () => [{ start: 0, end: 0, text: '# b\n' }] },
    {
      name: 'a rewritten block that keeps some of its lines',
      before: '#!/bin/sh\n# begin\nB="${B:-}"\n# end\n\necho $B $C\n',
      edits: (b) => [
        {
          start: at(b, '# begin'),
          end: at(b, '\necho') + 1,
          text: '# begin\nA="${A:-}"\nB="${B:-}"\nC="${C:-}"\n# end\n\n',
        },
      ],
    },
    {
      name: 'an edit whose text ends the line',
      before: 'x=1\necho $X\ny=2\n',
      edits: (b) => [{ start: at(b, '$X'), end: at(b, '$X') + 2, text: '${X:-}\n# note' }],
    },
    {
      name: 'a nested edit inside one whose text already holds it',
      before: 'echo ${a[$i]}\n',
      edits: () => [
        { start: 5, end: 13, text: '${a[${i:-}]:-}' },
        { start: 9, end: 11, text: '${i:-}' },
      ],
    },
  ];
  for (const c of cases) {
    it(`is what diff -u prints: ${c.name}`, () => {
      const edits = c.edits(c.before);
      // As nestEdits: an insertion is never nested.
      const outer = edits.filter(
        (e) => e.start === e.end || !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end),
      );
      const after = apply(c.before, outer);
      assert.equal(diffFromEdits('s.sh', c.before, after, edits), gnu(c.before, after));
    });
  }

  it('returns null when the edits do not give the fixed text, and "" when nothing changes', () => {
    assert.equal(diffFromEdits('s.sh', 'echo $X\n', 'echo ${X:-}\n', [{ start: 5, end: 7, text: '${Y:-}' }]), null);
    assert.equal(diffFromEdits('s.sh', 'echo $X\n', 'echo $X\n', []), '');
  });

  it('is what diff -u prints for every fixture nounset changes', () => {
    let compared = 0;
    for (const group of readdirSync(FIXTURES)) {
      for (const name of readdirSync(join(FIXTURES, group)).filter((n) => n.endsWith('.input.sh'))) {
        const before = readFileSync(join(FIXTURES, group, name), 'utf8');
        const r = fixScript(before, { path: name });
        if (!r.changed) continue;
        assert.equal(diffFromEdits('s.sh', before, r.output, editsOf(r)), gnu(before, r.output), `${group}/${name}`);
        compared++;
      }
    }
    assert.ok(compared > 50, `only ${compared} fixtures changed`);
  });

  it('rebuilds the fixed text of 300 generated programs exactly when applied', () => {
    let changed = 0;
    for (const p of fc.sample(programArbitrary({ dialect: 'bash' }), { seed: 11, numRuns: 300 })) {
      for (const text of [p, p.replace(/\n/g, '\r\n')]) {
        const r = fixScript(text, { dialect: 'bash' });
        if (!r.changed) continue;
        changed++;
        const diff = diffFromEdits('s.sh', text, r.output, editsOf(r));
        assert.ok(diff, `no diff for:\n${text}`);
        assert.equal(applyPatch(text, diff), r.output, text);
      }
    }
    assert.ok(changed > 200, `only ${changed} programs changed`);
  });
});
