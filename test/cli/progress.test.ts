// Progress on a terminal: only on a TTY, only for runs of 50 files or more, erased at the end.

import assert from 'node:assert/strict';
import { progressLine } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressLine', () => {
  it('is off when stderr is not a terminal', () => {
    assert.equal(progressLine(fakeStream(false).stream), null);
  });

  it('says nothing for a short run', () => {
    const { stream, written } = fakeStream(true);
    const p = progressLine(stream);
    for (let i = 1; i <= 49; i++) p?.update(i, 49);
    p?.clear();
    assert.deepEqual(written, []);
  });

  it('redraws one line in place for a long run, always shows the last count, and erases it', () => {
    const { stream, written } = fakeStream(true);
    const p = progressLine(stream);
    for (let i = 1; i <= 500; i++) p?.update(i, 500);
    p?.clear();
    assert.ok(written.length >= 2 && written.length < 100, `redrawn ${written.length} times, not once per file`);
    assert.match(written.at(-2) ?? '', /^\r\u001b\[Knounset: 500\/500 files, \d+ files\/s$/);
    assert.equal(written.at(-1), '\r\u001b[K');
    assert.ok(
      written.every((w) => !w.includes('\n')),
      'never a new line',
    );
  });
});
