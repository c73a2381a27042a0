// Issue 16: real projects' own test suites regressed after `nounset .` (asdf, nvm). This runs the
// suite of a small asdf-like project (test/projects/plugin-manager, see its README) before and
// after nounset, in each style; a test that passed before and fails after is a regression.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BatsRun, runBats } from '../support/bats.js';
import { type CliRan, runCli, useTempDir } from '../support/cli.js';
import { ROOT } from '../support/corpus.js';
import { readTree } from '../support/tree.js';

const PROJECT = join(ROOT, 'test', 'projects', 'plugin-manager');
/** The project's own scripts: what a user runs nounset on (its tests stay as they are). */
const SCRIPTS = ['bin', 'lib', 'shims'];
const STYLES = ['block', 'inline'] as const;
type Style = (typeof STYLES)[number];

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((path) => before.get(path) !== after.get(path));
}

/** A fresh copy of the project in `work/name`, and a TMPDIR for its bats run beside it. */
function copyProject(work: string, name: string): { dir: string; tmp: string } {
  const dir = join(work, name);
  const tmp = join(work, `${name}-tmp`);
  cpSync(PROJECT, dir, { recursive: true });
  mkdirSync(tmp);
  return { dir, tmp };
}

/** Tests that passed on the original and fail (or are gone) after nounset, each with what bats said. */
function regressions(original: BatsRun, fixed: BatsRun): string[] {
  const found: string[] = [];
  for (const test of original.tests.values()) {
    if (!test.ok) continue;
    const after = fixed.tests.get(test.name);
    if (after === undefined) found.push(`not run after nounset: ${test.name}`);
    else if (!after.ok) found.push(`not ok after nounset: ${test.name}\n${after.detail}`);
  }
  return found;
}

function describeRun(r: BatsRun): string {
  return `bats exited ${r.status}; stderr:\n${r.stderr}\nTAP:\n${r.tap}`;
}

interface Fixed {
  readonly first: CliRan;
  readonly second: CliRan;
  readonly changed: string[];
  readonly changedBySecond: string[];
  readonly suite: BatsRun;
}

describe("projects: plugin-manager's own bats suite before and after nounset (issue 16)", function () {
  this.timeout(120_000);
  const tmp = useTempDir('nounset-projects-', { shared: true });
  let original: BatsRun | null = null;
  const fixed = new Map<Style, Fixed>();

  before(async () => {
    const work = tmp();
    // The whole project, byte for byte: a file nounset should not touch that changes counts too.
    const pristine = readTree(PROJECT);
    const runs: Promise<unknown>[] = [];
    const orig = copyProject(work, 'original');
    runs.push(runBats(orig.dir, orig.tmp).then((r) => (original = r)));
    for (const style of STYLES) {
      const copy = copyProject(work, style);
      // --no-config: no .nounsetrc.json above the temp dir may change the run
      const args = ['--style', style, '--no-config', ...SCRIPTS];
      const first = runCli(args, copy.dir);
      const afterFirst = readTree(copy.dir);
      const second = runCli(args, copy.dir);
      const changedBySecond = changedFiles(afterFirst, readTree(copy.dir));
      runs.push(
        runBats(copy.dir, copy.tmp).then((suite) =>
          fixed.set(style, { first, second, changed: changedFiles(pristine, afterFirst), changedBySecond, suite }),
        ),
      );
    }
    // the three suites run at once: each spends most of its time starting processes
    await Promise.all(runs);
  });

  it('every test of the suite passes on the original project', () => {
    const r = original;
    assert.ok(r !== null);
    assert.ok(r.planned >= 25, describeRun(r));
    assert.equal(r.tests.size, r.planned, describeRun(r));
    const failing = [...r.tests.values()].filter((t) => !t.ok).map((t) => `${t.name}\n${t.detail}`);
    assert.deepEqual(failing, [], describeRun(r));
    assert.equal(r.status, 0, describeRun(r));
  });

  for (const style of STYLES) {
    describe(`nounset --style ${style} ${SCRIPTS.join(' ')}`, () => {
      const get = (): Fixed => {
        const f = fixed.get(style);
        assert.ok(f !== undefined);
        return f;
      };

      it('exits 0 (fix mode, docs/configuration.md "Exit codes") and changes at least one script', () => {
        const { first, changed } = get();
        const shown = `stdout:\n${first.stdout}\nstderr:\n${first.stderr}`;
        assert.equal(first.status, 0, shown);
        assert.match(first.summary, / 0 errors, /, shown);
        assert.notDeepEqual(changed, [], shown);
        for (const path of changed) assert.match(first.stdout, new RegExp(`^${path}: changed, `, 'm'), shown);
      });

      it('a second run changes nothing', () => {
        const { second, changedBySecond } = get();
        assert.equal(second.status, 0, second.stderr);
        assert.equal(second.stdout, '');
        assert.match(second.summary, / 0 changed, /);
        assert.deepEqual(changedBySecond, []);
      });

      it('no test of the suite regresses', () => {
        const o = original;
        assert.ok(o !== null);
        const { suite } = get();
        assert.equal(suite.planned, o.planned, describeRun(suite));
        const found = regressions(o, suite);
        if (found.length > 0) {
          assert.fail(
            `${found.length} of ${o.tests.size} tests regress after nounset --style ${style}:\n\n${found.join('\n\n')}`,
          );
        }
      });
    });
  }
});
