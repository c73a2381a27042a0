// A few programs of each construct the differential fuzzes generate (assoc-elements.ts,
// function-calls.ts), from fixed seeds, against bash on every test run; `npm run fuzz` runs
// hundreds from a fresh seed.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAssocElements } from './assoc-elements.js';
import { checkFunctionCalls } from './function-calls.js';
import type { ProgramReport } from './program-check.js';

describe('programs of one construct against bash (fixed seeds)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nounset-construct-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const check = (run: (report: ProgramReport) => void): ProgramReport => {
    const report: ProgramReport = { programs: 0, stops: 0, failing: [] };
    run(report);
    assert.deepEqual(
      report.failing.map((f) => `${f.what}\n${f.program}`),
      [],
    );
    // The programs do stop: a generator whose reads never meet an unset name would check nothing.
    assert.ok(report.stops >= report.programs / 5, `${report.stops} stops in ${report.programs} programs`);
    return report;
  };

  it('functions calling each other by name and through computed names', () => {
    check((report) => checkFunctionCalls(20261207, 12, dir, report));
  });

  it('associative arrays', () => {
    check((report) => checkAssocElements(20261207, 30, dir, report));
  });
});
