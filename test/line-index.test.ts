// The one line index (src/line-index.ts): what the parser, the plan and the renderers all ask of it.

import assert from 'node:assert/strict';
import { lineBounds, lineColumnAt, lineOfOffset, lineStarts, positionOf } from '../src/line-index.js';

describe('line index', () => {
  it('lineStarts: where each line starts; a final newline starts an empty last line', () => {
    assert.deepEqual(lineStarts(''), [0]);
    assert.deepEqual(lineStarts('a\nbc'), [0, 2]);
    assert.deepEqual(lineStarts('a\nbc\n'), [0, 2, 5]);
  });

  it('lineBounds: the starts with text.length as the end of an unterminated last line', () => {
    assert.deepEqual(lineBounds(''), [0]);
    assert.deepEqual(lineBounds('a\nbc'), [0, 2, 4]);
    assert.deepEqual(lineBounds('a\nbc\n'), [0, 2, 5]);
  });

  it('lineColumnAt: 1-based, columns in UTF-16 code units, the end of the text included', () => {
    const text = 'ab\n\u00e9\ud83d\ude00x\n';
    assert.deepEqual(positionOf(text, 0), { line: 1, column: 1 });
    assert.deepEqual(positionOf(text, 2), { line: 1, column: 3 });
    assert.deepEqual(positionOf(text, 6), { line: 2, column: 4 });
    assert.deepEqual(lineColumnAt(lineStarts(text), text.length), { line: 3, column: 1 });
  });

  it('positionOf answers for the text asked, whichever text was asked before (it keeps the last one)', () => {
    const a = 'x\ny\nz';
    const b = 'xy\nz';
    const c = 'x\ny\nz'.replace('z', 'w');
    assert.deepEqual(positionOf(a, 4), { line: 3, column: 1 });
    assert.deepEqual(positionOf(b, 4), { line: 2, column: 2 });
    assert.deepEqual(positionOf(a, 4), { line: 3, column: 1 });
    assert.deepEqual(positionOf(c, 2), { line: 2, column: 1 });
    assert.deepEqual(positionOf('', 0), { line: 1, column: 1 });
  });

  it('lineOfOffset: 0-based, and text.length is on the last line, not on the empty one after it', () => {
    assert.equal(lineOfOffset(lineBounds(''), 0), 0);
    assert.equal(lineOfOffset(lineBounds('a\nbc'), 1), 0);
    assert.equal(lineOfOffset(lineBounds('a\nbc'), 2), 1);
    assert.equal(lineOfOffset(lineBounds('a\nbc'), 4), 1);
    assert.equal(lineOfOffset(lineBounds('a\nbc\n'), 5), 1);
  });
});
