// sortEdits: the check that no two edits claim the same text or the same insertion point, and the
// order in which applyEdits makes edits whose constructs adjoin.

import assert from 'node:assert/strict';
import { applyEdits } from '../../src/edit/apply.js';
import { type Edit, sortEdits } from '../../src/edit/edit.js';
import { EditConflictError } from '../../src/errors.js';
import { fixScript } from '../../src/index.js';

const edit = (start: number, end: number, changes: Edit['changes'], variable: string): Edit => ({
  start,
  end,
  changes,
  kind: 'default-empty',
  variable,
  reason: 'test',
  transform: 'default-unset-refs',
});

describe('sortEdits', () => {
  const text = 'x=$i"$@"';
  // `$i` is [2, 4), `"$@"` is [4, 8): both insert at 4, where the one ends and the other begins.
  const i = edit(
    2,
    4,
    [
      { start: 3, end: 3, text: '{' },
      { start: 4, end: 4, text: ':-}' },
    ],
    'i',
  );
  const list = edit(
    4,
    8,
    [
      { start: 4, end: 4, text: '${@+' },
      { start: 8, end: 8, text: '}' },
    ],
    '@',
  );

  it('takes insertions at the point where one construct ends and the next begins, in the constructs order', () => {
    for (const given of [
      [i, list],
      [list, i],
    ])
      assert.equal(applyEdits(text, sortEdits(given, String)), 'x=${i:-}${@+"$@"}');
  });

  it('refuses two insertions at one point otherwise, and changes of the same text', () => {
    const block = edit(4, 4, [{ start: 4, end: 4, text: 'A=1\n' }], 'A');
    assert.throws(() => sortEdits([list, block], String), EditConflictError);
    const inside = edit(4, 8, [{ start: 4, end: 4, text: '[' }], 'x');
    assert.throws(() => sortEdits([list, inside], String), EditConflictError);
    const replace = edit(3, 5, [{ start: 3, end: 5, text: 'zz' }], 'z');
    assert.throws(() => sortEdits([i, replace], String), EditConflictError);
  });

  it('lets fixScript guard a list right after another rewritten reference (fuzz seed 20261213)', () => {
    const r = fixScript('set -u\nx=$i"$@"\necho "$x"\n', { path: 'x.sh', bashVersion: '3.2', style: 'inline' });
    assert.equal(r.output, 'set -u\nx=${i:-}${@+"$@"}\necho "$x"\n');
  });
});
