// The closing table of diagnostic counts: every code found, shown or not, by severity then code.

import assert from 'node:assert/strict';
import { renderDiagnosticCounts } from '../../src/report/diagnostic-counts.js';
import { renderFileDiagnostics } from '../../src/report/diagnostics.js';
import type { RunResult } from '../../src/types/run.js';
import type { Diagnostic, FixResult } from '../../src/types/script.js';

const d = (severity: Diagnostic['severity'], code: string): Diagnostic => ({
  line: 1,
  column: 1,
  severity,
  code,
  message: `${code} here`,
});
const result = (diagnostics: Diagnostic[]): FixResult => ({
  output: '',
  changed: false,
  dialect: 'bash',
  edits: [],
  inputs: [],
  diagnostics,
});

const RUN: RunResult = {
  wrote: false,
  files: [
    {
      path: 'a.sh',
      status: 'unchanged',
      result: result([d('info', 'source-followed'), d('warning', 'needs-review'), d('info', 'source-followed')]),
    },
    { path: 'b.sh', status: 'skipped', result: result([d('error', 'parse-error')]) },
    { path: 'c.sh', status: 'unchanged', result: result([d('info', 'computed-call'), d('info', 'source-followed')]) },
    { path: 'd.sh', status: 'error', error: 'cannot read: EACCES' },
  ],
};

describe('diagnostic counts', () => {
  it('counts every code by severity, says which severities were not shown', () => {
    assert.equal(
      renderDiagnosticCounts(RUN, 'warning'),
      'nounset: diagnostics by code (info not shown; --verbose shows them):\n  error    parse-error      1\n  warning  needs-review     1\n  info     computed-call    1\n  info     source-followed  3\n',
    );
    assert.match(
      renderDiagnosticCounts(RUN, 'error'),
      /^nounset: diagnostics by code \(warning and info not shown; --verbose shows them\):\n/,
    );
    assert.match(renderDiagnosticCounts(RUN, 'info'), /^nounset: diagnostics by code:\n/);
  });

  it('is empty for a run without diagnostics', () => {
    assert.equal(
      renderDiagnosticCounts(
        { wrote: false, files: [{ path: 'x.sh', status: 'unchanged', result: result([]) }] },
        'warning',
      ),
      '',
    );
  });

  it('file lines follow the level', () => {
    const [a] = RUN.files;
    assert.ok(a);
    assert.equal(
      renderFileDiagnostics(a, undefined, { level: 'warning' }),
      'a.sh:1:1: warning: needs-review here [needs-review]\n',
    );
    assert.equal(renderFileDiagnostics(a, undefined, { level: 'info' }).split('\n').length, 4);
    assert.equal(renderFileDiagnostics(a, undefined, { level: 'error' }), '');
  });
});
