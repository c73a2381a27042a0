// The review request body on its own: multi-line suggestions, the cap on inline comments per
// request, suggestions outside the diff, the summary's size limit, and fences that the suggested
// text cannot close.

import assert from 'node:assert/strict';

import { fixScript } from '../../src/index.js';
import { markerOf, renderGithubReview, SUMMARY_MARKER } from '../../src/review/github-review.js';
import { reviewFile } from '../../src/review/review-file.js';

function review(text: string, ranges: [number, number][]) {
  const result = fixScript(text, { path: 's.sh', style: 'inline' });
  return reviewFile({ path: 's.sh', text, result, changed: { path: 's.sh', status: 'modified', ranges, removals: [] }, allLines: false });
}

describe('renderGithubReview', () => {
  it('a suggestion over several lines anchors start_line and line, both on the right side', () => {
    const one = review('#!/bin/bash\necho "$A"\necho "$B"\n', [[2, 3]]);
    const [a, b] = one.suggestions;
    // Two lines as one suggestion, as an edit spanning them would give.
    const joined = { ...a!, endLine: 3, replacement: `${a!.replacement}\n${b!.replacement}`, edits: [...a!.edits, ...b!.edits] };
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
    assert.deepEqual(r.comments.map((c) => [c.line, c.start_line ?? null]), [[2, null], [3, null]]);
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
    const text = "#!/bin/bash\necho \"$A\" '```'\n";
    const r = renderGithubReview([review(text, [[2, 2]])]);
    assert.match(r.comments[0]!.body, /````suggestion\necho "\$\{A:-\}" '```'\n````$/);
  });
});
