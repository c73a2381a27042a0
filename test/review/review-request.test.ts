// The review request body on its own: multi-line suggestions, the cap on inline comments per
// request, suggestions outside the diff, the summary's size limit, and fences that the suggested
// text cannot close.

import assert from 'node:assert/strict';

import { fixScript, inspectScript } from '../../src/index.js';
import { reviewFile } from '../../src/review/review-file.js';
import { markerOf, renderGithubReview, SUMMARY_MARKER } from '../../src/review/review-request.js';

function review(text: string, ranges: [number, number][]) {
  const result = fixScript(text, { path: 's.sh', style: 'inline' });
  return reviewFile({
    path: 's.sh',
    text,
    result,
    changed: { path: 's.sh', status: 'modified', ranges, removals: [] },
    allLines: false,
  });
}

/** A block-style review with the references, as `nounset pr` makes it. */
function blockReview(text: string, ranges: [number, number][], removals: number[] = []) {
  const result = fixScript(text, { path: 's.sh' });
  const references = inspectScript(text, { path: 's.sh' }).references;
  return reviewFile({
    path: 's.sh',
    text,
    result,
    changed: { path: 's.sh', status: 'modified', ranges, removals },
    allLines: false,
    references,
  });
}

/** Applies a review's inline suggestions (bottom up) to the text. */
function applySuggestions(
  text: string,
  comments: readonly { line: number; start_line?: number; body: string }[],
): string {
  const lines = text.split('\n');
  for (const c of [...comments].sort((a, b) => b.line - a.line)) {
    const m = /```suggestion\n([\s\S]*)\n```$/.exec(c.body);
    if (m)
      lines.splice(
        (c.start_line ?? c.line) - 1,
        c.line - (c.start_line ?? c.line) + 1,
        ...(m[1] as string).split('\n'),
      );
  }
  return lines.join('\n');
}

describe('renderGithubReview: findings anchored at the read', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `echo "step ${i}"`).join('\n');

  it("a new script: the block's place is in the hunk, so the comment on the first read spans from it and suggests it", () => {
    const text = `#!/bin/bash\nset -u\n${body(3)}\necho "$A"\necho "$1"\necho "$B"\n`;
    const r = renderGithubReview([blockReview(text, [[1, 8]])]);
    assert.deepEqual(
      r.comments.map((c) => [c.start_line ?? null, c.line]),
      [
        [3, 6],
        [null, 7],
        [null, 8],
      ],
    );
    const [carrier, edit, other] = r.comments;
    assert.match(carrier!.body, /`\$A` may be unset here under `set -u`: A is read on line 6/);
    assert.match(carrier!.body, /The suggestion adds the env-init block above line 3/);
    assert.match(other!.body, /The env-init block that the comment on line 6 suggests declares it\./);
    assert.doesNotMatch(other!.body, /```suggestion/);
    // The author applies all of them and gets what nounset fix writes.
    assert.equal(applySuggestions(text, [carrier!, edit!]), fixScript(text, { path: 's.sh' }).output);
  });

  it('an edit between the block and the read joins the comment that carries the block', () => {
    const text = `#!/bin/bash\nset -u\ncd "$1"\necho "$A"\n`;
    const r = renderGithubReview([blockReview(text, [[3, 4]])]);
    assert.equal(r.comments.length, 1);
    const [c] = r.comments;
    assert.deepEqual([c!.start_line, c!.line], [3, 4]);
    assert.match(c!.body, /This edit makes the other reads here safe:\n- `\$1` → `\$\{1:-\}`/);
    assert.equal(applySuggestions(text, [c!]), fixScript(text, { path: 's.sh' }).output);
  });

  it("the block's place in another hunk: a comment there carries it, the read's comment points to it", () => {
    const text = `#!/bin/bash\nset -u\n${body(20)}\necho "$FAR"\n`;
    // Line 3 (where the block goes) and line 23 (the read) changed: two hunks.
    const r = renderGithubReview([
      blockReview(text, [
        [3, 3],
        [23, 23],
      ]),
    ]);
    assert.deepEqual(
      r.comments.map((c) => [c.start_line ?? null, c.line]),
      [
        [null, 3],
        [null, 23],
      ],
    );
    assert.match(
      r.comments[0]!.body,
      /```suggestion\n\n# nounset:env-init begin[\s\S]*FAR="\$\{FAR:-\}"\n# nounset:env-init end\n\necho "step 0"\n```$/,
    );
    assert.match(
      r.comments[1]!.body,
      /`\$FAR` may be unset here[\s\S]*The env-init block that the comment on line 3 suggests declares it\./,
    );
  });

  it('reads on consecutive lines share one comment; a read outside the changed lines gets none', () => {
    const text = `#!/bin/bash\nset -u\n${body(10)}\necho "$A"\necho "$B"\necho "$C"\n`;
    const r = renderGithubReview([blockReview(text, [[13, 14]])]);
    assert.deepEqual(
      r.comments.map((c) => [c.start_line ?? null, c.line]),
      [[13, 14]],
    );
    assert.match(
      r.comments[0]!.body,
      /these reads may find their variables unset under `set -u`:\n- `\$A` \(line 13\): [^\n]*\n- `\$B` \(line 14\)/,
    );
    assert.doesNotMatch(r.comments[0]!.body, /\$C/);
    assert.match(r.comments[0]!.body, /goes above line 3, outside the lines this pull request shows/);
  });
});

describe('renderGithubReview', () => {
  it('a suggestion over several lines anchors start_line and line, both on the right side', () => {
    const one = review('#!/bin/bash\necho "$A"\necho "$B"\n', [[2, 3]]);
    const [a, b] = one.suggestions;
    // Two lines as one suggestion, as an edit spanning them would give.
    const joined = {
      ...a!,
      endLine: 3,
      replacement: `${a!.replacement}\n${b!.replacement}`,
      edits: [...a!.edits, ...b!.edits],
    };
    const r = renderGithubReview([{ ...one, suggestions: [joined] }]);
    const c = r.comments[0]!;
    assert.deepEqual([c.start_line, c.start_side, c.line, c.side], [2, 'RIGHT', 3, 'RIGHT']);
    assert.match(c.body, /```suggestion\necho "\$\{A:-\}"\necho "\$\{B:-\}"\n```$/);
    const single = renderGithubReview([one]).comments[0]!;
    assert.equal(single.start_line, undefined, 'one line: no start_line');
  });

  it('edits on adjacent lines stay separate suggestions; on one line, one suggestion', () => {
    const text = '#!/bin/bash\necho "$A" "$B"\necho "$C"\n';
    const r = renderGithubReview([review(text, [[2, 3]])]);
    assert.deepEqual(
      r.comments.map((c) => [c.line, c.start_line ?? null]),
      [
        [2, null],
        [3, null],
      ],
    );
    assert.match(r.comments[0]!.body, /```suggestion\necho "\$\{A:-\}" "\$\{B:-\}"\n```$/);
  });

  it('posts at most 30 inline comments; the rest, and those outside the diff, are listed in the summary', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `echo "$V${i}"`);
    const text = `#!/bin/bash\n${lines.join('\n')}\n`;
    // Lines 2-36 changed; 37-41 are more than 3 lines away from any change only for 41.
    const r = renderGithubReview([review(text, [[2, 36]])]);
    assert.equal(r.comments.length, 30);
    assert.match(r.body, /over 30 inline comments per review/);
    assert.equal((r.body.match(/^#### `s\.sh` lines/gm) ?? []).length, 5);
    assert.ok(r.body.startsWith(SUMMARY_MARKER));
  });

  it('skips suggestions already posted, recognised by their marker', () => {
    const text = '#!/bin/bash\necho "$A"\necho "$B"\n';
    const first = renderGithubReview([review(text, [[2, 3]])]);
    const posted = new Set(first.comments.map((c) => markerOf(c.body) ?? ''));
    assert.equal(posted.size, 2);
    assert.equal(renderGithubReview([review(text, [[2, 3]])], { posted }).comments.length, 0);
  });

  it('keeps the summary under its size limit, saying what was left out', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `echo "$LONG_VARIABLE_NAME_NUMBER_${i}"`);
    const text = `#!/bin/bash\n${lines.join('\n')}\n`;
    const r = renderGithubReview([review(text, [[2, 201]])], { maxBody: 5000 });
    assert.ok(r.body.length <= 5000, `${r.body.length}`);
    assert.match(r.body, /more section\(s\), left out to stay within GitHub's comment size/);
  });

  it('fences a suggestion with more backticks than it holds', () => {
    const text = '#!/bin/bash\necho "$A" \'```\'\n';
    const r = renderGithubReview([review(text, [[2, 2]])]);
    assert.match(r.comments[0]!.body, /````suggestion\necho "\$\{A:-\}" '```'\n````$/);
  });
});
