// The coloured diff and when the CLI colours: flags over FORCE_COLOR over NO_COLOR over the terminal.

import assert from 'node:assert/strict';
import { colorDiff, wantColor } from '../../src/report/color-diff.js';
import { unifiedDiff } from '../../src/report/diff.js';

const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('colorDiff', () => {
  it('colours headers, hunks, removals and additions, and nothing else; stripping the colour gives the diff back', () => {
    // A removed line that starts with `--` and an added one with `++` are body lines, not headers.
    const diff = unifiedDiff('a.sh', 'keep\n-- x\nold\n', 'keep\n++ y\nnew\n');
    const colored = colorDiff(diff);
    assert.equal(strip(colored), diff);
    const lines = colored.split('\n');
    assert.equal(lines[0], '\u001b[1m--- a/a.sh\u001b[0m');
    assert.equal(lines[1], '\u001b[1m+++ b/a.sh\u001b[0m');
    assert.match(lines[2] ?? '', /^\u001b\[36m@@ /);
    assert.equal(lines[3], ' keep');
    assert.equal(lines[4], '\u001b[31m--- x\u001b[0m');
    assert.ok(lines.includes('\u001b[32m+++ y\u001b[0m'));
  });

  it("keeps a CRLF line's \\r after the colour, and handles several files", () => {
    const diff = unifiedDiff('a.sh', 'x\r\n', 'y\r\n') + unifiedDiff('b.sh', 'p\n', 'q\n');
    const colored = colorDiff(diff);
    assert.equal(strip(colored), diff);
    assert.ok(colored.includes('\u001b[31m-x\u001b[0m\r\n'));
    assert.ok(colored.includes('\u001b[1m--- a/b.sh\u001b[0m'));
  });
});

describe('wantColor', () => {
  const cases: [boolean | undefined, Record<string, string>, boolean, boolean][] = [
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [true, { NO_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
  ];
  for (const [flag, env, tty, want] of cases) {
    it(`flag ${String(flag)}, env ${JSON.stringify(env)}, tty ${String(tty)} → ${String(want)}`, () => {
      assert.equal(wantColor(flag, env, tty), want);
    });
  }
});
