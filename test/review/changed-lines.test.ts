// Reading `git diff --unified=0`: changed head lines per file, renames, new files, quoted paths,
// and the hunks GitHub shows around them (where inline comments may go).

import assert from 'node:assert/strict';

import {
  diffHunks,
  parseChangedLines,
  touchesChanged,
  unquoteGitPath,
  withinOneHunk,
} from '../../src/review/changed-lines.js';

const DIFF = `diff --git a/mod.sh b/mod.sh
index 1111111..2222222 100644
--- a/mod.sh
+++ b/mod.sh
@@ -3,0 +4,2 @@ x
+a
+b
@@ -10 +12 @@ y
-old
+new
@@ -20,2 +21,0 @@ z
-gone
-gone
diff --git a/new.sh b/new.sh
new file mode 100755
index 0000000..3333333
--- /dev/null
+++ b/new.sh
@@ -0,0 +1,3 @@
+#!/bin/sh
+echo "$X"
+echo
diff --git a/old name.sh b/dir/new name.sh
similarity 90%
rename from old name.sh
rename to dir/new name.sh
index 4444444..5555555 100644
--- a/old name.sh
+++ b/dir/new name.sh
@@ -1 +1 @@
-echo a
+echo b
diff --git a/moved.sh b/moved.sh
similarity 100%
rename from was.sh
rename to moved.sh
diff --git "a/caf\\303\\251.sh" "b/caf\\303\\251.sh"
--- "a/caf\\303\\251.sh"
+++ "b/caf\\303\\251.sh"
@@ -1 +1 @@
-x
+y
diff --git a/img.png b/img.png
index 6666666..7777777 100644
Binary files a/img.png and b/img.png differ
`;

describe('parseChangedLines', () => {
  const files = parseChangedLines(DIFF);

  it('reads changed head lines, removals, new files, renames and quoted paths; binary files have none', () => {
    assert.deepEqual(
      files.map((f) => [f.path, f.status, f.from ?? null, f.ranges, f.removals]),
      [
        [
          'mod.sh',
          'modified',
          null,
          [
            [4, 5],
            [12, 12],
          ],
          [21],
        ],
        ['new.sh', 'added', null, [[1, 3]], []],
        ['dir/new name.sh', 'renamed', 'old name.sh', [[1, 1]], []],
        ['moved.sh', 'renamed', 'was.sh', [], []],
        ['café.sh', 'modified', null, [[1, 1]], []],
      ],
    );
  });

  it('reads the base lines each file removes or replaces, where a comment on the base side may go', () => {
    assert.deepEqual(
      files.map((f) => f.deleted),
      [
        [
          [10, 10],
          [20, 21],
        ],
        [],
        [[1, 1]],
        [],
        [[1, 1]],
      ],
    );
  });

  it('unquotes C-style git paths, escapes and octal bytes', () => {
    assert.equal(unquoteGitPath('"a\\tb\\"c\\\\d"'), 'a\tb"c\\d');
    assert.equal(unquoteGitPath('"\\346\\227\\245.sh"'), '日.sh');
    assert.equal(unquoteGitPath('plain.sh'), 'plain.sh');
  });

  it('knows which lines were changed', () => {
    const mod = files[0]!;
    assert.ok(touchesChanged(mod.ranges, 5, 7));
    assert.ok(!touchesChanged(mod.ranges, 6, 11));
  });

  it('computes the hunks GitHub shows: 3 lines of context, merged when their context meets', () => {
    const mod = files[0]!;
    // 4-5 → 1-8; 12 → 9-15; removal after 21 → 19-24 (clamped to 23 lines): 1-8 and 9-15 touch, so merge.
    assert.deepEqual(diffHunks(mod, 23), [
      [1, 15],
      [19, 23],
    ]);
    assert.ok(withinOneHunk(diffHunks(mod, 23), 2, 15));
    assert.ok(!withinOneHunk(diffHunks(mod, 23), 15, 19));
    assert.deepEqual(diffHunks(files[3]!, 10), [], 'a pure rename shows no hunk');
  });
});
