// The closing line and the JSON summary count a file that makes the run exit 3 as an error, also
// when it was left alone ("skipped") because it does not parse: `errors` is nonzero exactly when
// hasFailures says the run failed, and the counts add up to the scripts.

import assert from 'node:assert/strict';
import { findSkipCause, fixScript, hasFailures } from '../../src/index.js';
import { renderRunJson } from '../../src/report/run-json.js';
import { countRun, renderRunSummary } from '../../src/report/run-summary.js';
import type { FileResult, RunResult } from '../../src/types/run.js';

const fixed = (path: string, text: string): FileResult => {
  const result = fixScript(text, { path });
  // The status runFile gives it.
  return { path, status: findSkipCause(result) ? 'skipped' : result.changed ? 'changed' : 'unchanged', result };
};

const FILES: Record<string, FileResult> = {
  changed: fixed('a.sh', 'echo "$A"\n'),
  unchanged: fixed('b.sh', 'echo hi\n'),
  parseError: fixed('c.sh', 'if true; then\n'),
  otherShell: fixed('d.sh', '#!/bin/zsh\necho $X\n'),
  disabled: fixed('e.sh', '# nounset disable-file\necho $X\n'),
  unreadable: { path: 'f.sh', status: 'error', error: 'cannot read: EACCES' },
};

const run = (...names: (keyof typeof FILES)[]): RunResult => ({
  wrote: false,
  files: names.map((n) => FILES[n] as FileResult),
});

describe('run summary counts', () => {
  it('a file that does not parse is skipped in its status and an error in the counts', () => {
    assert.equal(FILES.parseError?.status, 'skipped');
    const r = run('changed', 'parseError');
    assert.deepEqual(countRun(r), { scripts: 2, changed: 1, unchanged: 0, skipped: 0, errors: 1, edits: 1 });
    assert.equal(renderRunSummary(r), 'nounset: 2 scripts, 1 would change, 0 unchanged, 0 skipped, 1 error, 1 edit\n');
    const summary = (JSON.parse(renderRunJson(r, 0)) as { summary: Record<string, number> }).summary;
    assert.deepEqual([summary.skipped, summary.errors], [0, 1]);
  });

  it('files left alone on purpose (another shell, disable-file) are skipped, not errors', () => {
    assert.deepEqual(countRun(run('otherShell', 'disabled', 'unchanged')), {
      scripts: 3,
      changed: 0,
      unchanged: 1,
      skipped: 2,
      errors: 0,
      edits: 0,
    });
  });

  it('errors > 0 exactly when the run fails, and the counts add up', () => {
    const names = Object.keys(FILES) as (keyof typeof FILES)[];
    for (let mask = 1; mask < 1 << names.length; mask++) {
      const r = run(...names.filter((_, i) => mask & (1 << i)));
      const c = countRun(r);
      assert.equal(c.errors > 0, hasFailures(r), r.files.map((f) => f.path).join(' '));
      assert.equal(c.changed + c.unchanged + c.skipped + c.errors, c.scripts);
    }
  });
});
