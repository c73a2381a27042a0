// Every parser-corpus script, fixed in both styles: the output must pass the engine's own
// verification, parse for the real shell, and be a fixed point.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fixScript } from '../../src/index.js';
import { compareReadings, formatDisagreements } from '../oracle/compare.js';
import { unexcused } from '../oracle/divergences.js';
import { readWithMvdan } from '../oracle/mvdan-reading.js';
import { readWithNounset } from '../oracle/nounset-reading.js';
import { corpus } from '../support/corpus.js';

function shellAccepts(shell: string, text: string): Promise<string | null> {
  return new Promise((resolve) => {
    // extglob patterns are syntax only when the option is on, as the corpus checks assume.
    const child = spawn(shell, shell === 'bash' ? ['-O', 'extglob', '-n'] : ['-n'], { timeout: 10_000 });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve(code === 0 ? null : stderr || `exit ${code}`));
    child.stdin.end(text);
  });
}

describe('fixing the parser corpus', () => {
  const files = [...corpus('realistic'), ...corpus('constructs'), ...corpus('accepted')];
  for (const style of ['block', 'inline'] as const) {
    it(`${style} style: ${files.length} scripts verify, pass bash -n / dash -n, and are fixed points`, async () => {
      const problems: string[] = [];
      let edits = 0;
      const checks: Promise<void>[] = [];
      for (const f of files) {
        const r = fixScript(f.text, { path: f.name, dialect: f.dialect, style });
        edits += r.edits.length;
        const bad = r.diagnostics.filter((d) => d.code === 'unsafe-edit' || d.code === 'parse-error');
        for (const d of bad) problems.push(`${f.name}:${d.line}:${d.column}: ${d.code}: ${d.message}`);
        const again = fixScript(r.output, { path: f.name, dialect: f.dialect, style });
        if (again.edits.length > 0)
          problems.push(
            `${f.name}: not a fixed point: ${again.edits.map((e) => `${e.line}:${e.column} ${e.before} -> ${e.after}`).join('; ')}`,
          );
        if (r.changed) {
          checks.push(
            shellAccepts(f.dialect === 'posix' ? 'dash' : 'bash', r.output).then((err) => {
              if (err) problems.push(`${f.name}: the shell rejects the output: ${err}`);
            }),
          );
        }
      }
      await Promise.all(checks);
      assert.deepEqual(problems, []);
      assert.ok(edits > 0, 'the corpus needs edits somewhere');
    });
  }

  it('mvdan-sh reads every fixed construct script as nounset does (an independent parser checks the output)', function () {
    // mvdan-sh costs about 0.1 ms per byte: the small construct files only, in inline style
    // (the most edits).
    this.timeout(120_000);
    const problems: string[] = [];
    for (const f of corpus('constructs')) {
      const r = fixScript(f.text, { path: f.name, dialect: f.dialect, style: 'inline' });
      if (!r.changed) continue;
      const ds = unexcused(
        r.output,
        compareReadings(r.output, readWithNounset(r.output, f.dialect), readWithMvdan(r.output, f.dialect)),
      );
      if (ds.length > 0) problems.push(formatDisagreements(`${f.name} (fixed)`, ds));
    }
    assert.deepEqual(problems, []);
  });
});
