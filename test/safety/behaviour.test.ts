// The behaviour property: runnable generated programs, fixed in both styles, run by bash (and by
// dash and bash for POSIX programs) before and after, with every input set, some unset and none
// set (behaviour-check.ts says what must hold). First, the judge must catch bad fixes.

import assert from 'node:assert/strict';

import { fixScript } from '../../src/index.js';
import type { FixResult, FixStyle } from '../../src/types/script.js';
import type { Environment } from '../gen/runnable.js';
import { useTempDir } from '../support/cli.js';
import { judge, type Verdicts } from './behaviour-check.js';
import { checkBehaviour, checkPlainBehaviour, emptyReport } from './behaviour-property.js';
import { runJobs } from './run-batch.js';
import { SAFETY_SEED, SHORT_RUNS } from './settings.js';

const ENVS: Environment[] = [
  { label: 'all set', vars: { E1: '', N1: '3' }, args: ['a'] },
  { label: 'none set', vars: {}, args: [] },
];

/** Judges `output` as the fix of `program`, each run in `envs` (default ENVS). */
async function problemsOf(
  dir: string,
  program: string,
  output: string,
  style: FixStyle = 'block',
  envs: Environment[] = ENVS,
): Promise<string[]> {
  const jobs = [program, output].flatMap((script) =>
    envs.map((env) => ({
      shell: 'bash' as const,
      script,
      vars: env.vars,
      args: env.args,
      ...(env.nounset === false ? { nounset: false } : {}),
    })),
  );
  const results = await runJobs(jobs, dir);
  const fix: FixResult = { ...fixScript(program, { style }), output, changed: true };
  const verdicts: Verdicts = { clean: 0, rescued: 0, excused: 0, guarded: 0, problems: [] };
  judge(
    {
      style,
      shell: 'bash',
      program,
      fix,
      environments: envs,
      input: results.slice(0, envs.length),
      output: results.slice(envs.length),
      prefixOnStop: true,
    },
    verdicts,
  );
  return verdicts.problems;
}

const WITHOUT_U: Environment[] = [
  { label: 'D unset, without -u', vars: {}, args: [], nounset: false },
  { label: 'D unset, with -u', vars: {}, args: [], nounset: true },
];

describe('behaviour of fixed generated programs under the real shells', () => {
  const dir = useTempDir('nounset-safety-', { shared: true });

  describe('the judge catches a fix', () => {
    it('that changes what a set-but-empty input prints (`:-x` for `:-`)', async () => {
      assert.equal((await problemsOf(dir(), 'echo "[$E1]"\n', 'echo "[${E1:-x}]"\n')).length, 1);
    });
    it('that leaves a read that stops the script', async () => {
      assert.ok(
        (await problemsOf(dir(), 'echo "[$E1]" "$1"\n', 'echo "[${E1:-}]" "$1"\n')).some((p) =>
          p.includes('stops on 1'),
        ),
      );
    });
    it('that sets a variable in inline style', async () => {
      assert.ok(
        (await problemsOf(dir(), 'echo "[${E1-}]"\n', 'echo "[${E1:=}]"\n', 'inline')).some((p) =>
          p.includes('gained E1'),
        ),
      );
    });
    it('that changes the exit status', async () => {
      assert.ok(
        (await problemsOf(dir(), 'echo $(( N1 + 1 ))\n', 'echo $(( N1 + 1 )); false\n')).some((p) =>
          p.includes('exits differently'),
        ),
      );
    });
    it('that adds a stop to a script run without -u (`${D:?}` on an unset D)', async () => {
      const problems = await problemsOf(
        dir(),
        'echo start; rm -rf "$D/x"; echo end\n',
        'echo start; rm -rf "${D:?D is not set}/x"; echo end\n',
        'block',
        WITHOUT_U,
      );
      assert.ok(
        problems.some((p) => p.includes('without -u') && p.includes('which nounset did not write')),
        problems.join('\n'),
      );
    });
    it('whose output stops before the input did, where the input stopped on an unset variable', async () => {
      const problems = await problemsOf(
        dir(),
        'echo start; echo "a $1"\n',
        'exit 1; echo start; echo "a ${1:-}"\n',
        'inline',
        WITHOUT_U,
      );
      assert.ok(
        problems.some((p) => p.includes('with -u') && p.includes('stopped earlier')),
        problems.join('\n'),
      );
    });
    it('that moves the line an ERR trap or $LINENO shows', async () => {
      const program = 'trap \'echo "line $LINENO"\' ERR\necho "$LINENO $D"\nfalse\n';
      const problems = await problemsOf(dir(), program, `D="\${D:-}"\n${program}`, 'block', WITHOUT_U);
      assert.ok(
        problems.some((p) => p.includes('prints or exits differently')),
        problems.join('\n'),
      );
    });
    it('whose script hangs', async function () {
      this.timeout(30_000);
      const output = 'echo "${E1:-}"; [ -z "${E1+set}" ] || while :; do :; done\n';
      assert.ok((await problemsOf(dir(), 'echo "$E1"\n', output)).some((p) => p.includes('killed')));
    });
  });

  it('passes a guard nounset wrote where set -u is on and an empty D would make rm act on /x', async () => {
    const program = 'set -u\necho start\nrm -rf "$D/x"\necho end\n';
    const output = fixScript(program).output;
    assert.match(output, /rm -rf "\$\{D:\?D is not set\}\/x"/);
    assert.deepEqual(
      await problemsOf(dir(), program, output, 'block', [
        ...WITHOUT_U,
        { label: 'D empty, without -u', vars: { D: '' }, args: [], nounset: false },
      ]),
      [],
    );
  });

  it('passes the right fix', async () => {
    const program = 'echo "[$E1]" "$1" $(( N1 + 1 ))\n';
    for (const style of ['block', 'inline'] as const)
      assert.deepEqual(await problemsOf(dir(), program, fixScript(program, { style }).output, style), []);
  });

  // Issue 16: programs as most repositories write them (runnable-plain.ts), with and without -u.
  for (const [dialect, numRuns, shell] of [
    ['bash', SHORT_RUNS.plainBash, 'bash'],
    ['posix', SHORT_RUNS.plainPosix, 'dash'],
  ] as const) {
    it(`${dialect}: ${numRuns} plain programs (most without set -u; check-then-use, rm on derived paths, line numbers) run the same under ${shell} with and without -u`, async function () {
      this.timeout(300_000);
      const report = emptyReport();
      await checkPlainBehaviour(
        { dialect, seed: SAFETY_SEED, numRuns, dir: dir(), shells: { bash: ['bash'], posix: ['dash'] } },
        report,
      );
      assert.deepEqual(report.problems.slice(0, 3), []);
      // Not vacuous: runs compare exactly, stop only before the fix, and stop at a guard nounset wrote.
      assert.ok(
        report.clean >= numRuns * 5 && report.rescued >= numRuns * 5,
        `${report.clean} clean runs, ${report.rescued} rescued`,
      );
    });
  }

  // POSIX programs run under dash here; `npm run fuzz` runs them under bash too.
  for (const [dialect, numRuns, shell] of [
    ['bash', SHORT_RUNS.behaviourBash, 'bash'],
    ['posix', SHORT_RUNS.behaviourPosix, 'dash'],
  ] as const) {
    it(`${dialect}: ${numRuns} runnable programs behave the same under ${shell} after the fix, in both styles`, async function () {
      this.timeout(300_000);
      const report = emptyReport();
      await checkBehaviour(
        { dialect, seed: SAFETY_SEED, numRuns, dir: dir(), shells: { bash: ['bash'], posix: ['dash'] } },
        report,
      );
      assert.deepEqual(report.problems.slice(0, 3), []);
      // Not vacuous: most programs change, and many runs compare exactly or stop only before the fix.
      assert.ok(report.changed >= numRuns * 0.8, `only ${report.changed} of ${numRuns} programs changed`);
      assert.ok(
        report.clean >= numRuns && report.rescued >= numRuns,
        `${report.clean} clean runs, ${report.rescued} rescued`,
      );
    });
  }
});
