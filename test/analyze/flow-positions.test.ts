// The numbers the flow analysis keeps per variable (analyze/flow/positions.ts): each encoding
// decodes to what was put in, and the limits where a position stays a plain offset hold.

import assert from 'node:assert/strict';
import {
  assignedAt,
  fileOfPos,
  flowPos,
  isNumberedFile,
  offsetOfPos,
  originOf,
  renumberSetAt,
  SET_BY_SHELL,
  testedAt,
} from '../../src/analyze/flow/positions.js';

describe('flow positions', () => {
  it('a position names its file and offset; the script (file 0) keeps plain offsets', () => {
    for (const [file, offset] of [
      [0, 0],
      [0, 1234],
      [1, 0],
      [3, 99],
      [127, 4_000_000],
    ] as const) {
      const p = flowPos(file, offset);
      assert.deepEqual([fileOfPos(p), offsetOfPos(p)], [file, offset]);
    }
    assert.equal(flowPos(0, 77), 77);
  });

  it('past 127 files, or past 4 MiB into a file, a position is a plain offset (read as the script)', () => {
    assert.equal(isNumberedFile(127), true);
    assert.equal(isNumberedFile(128), false);
    assert.equal(isNumberedFile(0), false);
    assert.equal(fileOfPos(flowPos(128, 5)), 0);
    assert.equal(flowPos(2, 2 ** 22), 2 ** 22);
  });

  it('how a name was set decodes to a record: the shell, an assignment, a test', () => {
    const p = flowPos(2, 40);
    assert.deepEqual(originOf(SET_BY_SHELL), { kind: 'shell' });
    assert.deepEqual(originOf(assignedAt(p)), { kind: 'assignment', at: p });
    assert.deepEqual(originOf(testedAt(p)), { kind: 'test', at: p });
    assert.deepEqual(originOf(testedAt(flowPos(0, 0))), { kind: 'test', at: 0 });
  });

  it('renumbering moves a kept position to the file numbers of another analysis, by path', () => {
    const from = [null, 'lib/a.sh', 'lib/b.sh'];
    const paths = ['main.sh', 'lib/b.sh', 'lib/a.sh'];
    const at = flowPos(1, 10);
    assert.deepEqual(originOf(renumberSetAt(assignedAt(at), from, paths)), { kind: 'assignment', at: flowPos(2, 10) });
    assert.deepEqual(originOf(renumberSetAt(testedAt(flowPos(2, 7)), from, paths)), {
      kind: 'test',
      at: flowPos(1, 7),
    });
    assert.equal(renumberSetAt(SET_BY_SHELL, from, paths), SET_BY_SHELL);
    // A file the other analysis does not have keeps its number.
    assert.equal(renumberSetAt(assignedAt(flowPos(1, 3)), from, ['main.sh']), flowPos(1, 3));
  });
});
