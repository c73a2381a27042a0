// Every runnable fixture (one with a `<case>.env.json`), run by the real shell before and after
// the fix: with all its variables set, with each one unset in turn, with none set, and with
// trailing arguments missing (positional parameters are inputs too). The scripts set -u themselves.
//
// (a) wherever the input runs clean (exits 0 and never stopped on an unset parameter: inside a
//     here-document such a stop fails only that command, and the script goes on), the output
//     prints the same stdout and exits 0 too;
// (b) the output never stops on an unset parameter, and shows no syntax or arithmetic error
//     that the input with everything set does not show (a rewrite that broke an expression);
// (c) with everything set, input and output print the same stdout and exit the same;
// (d) with set -u taken out of both (the fixed script where nounset is off), in every environment,
//     the output prints the same and exits the same as the input, unless it stops at a
//     `${X:?…}` nounset wrote before a destructive command, or the input failed on an expression.

import assert from 'node:assert/strict';
import {
  guardStop,
  mapLimit,
  NOUNSET_MESSAGE,
  PARALLEL_SHELLS,
  runShell,
  type ShellRun,
  withoutNounset,
} from '../support/shells.js';
import { type RunnableCase, runnableCases } from './runnable-fixtures.js';

interface Environment {
  readonly label: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly args: readonly string[];
}

const ALL_SET = 'all set';

/** The environments a case runs under; the first is everything set. */
function environmentsFor(c: RunnableCase): Environment[] {
  const { vars, args } = c.spec;
  const names = Object.keys(vars).sort();
  const envs: Environment[] = [{ label: ALL_SET, vars, args }];
  for (const name of names) {
    const rest = Object.fromEntries(Object.entries(vars).filter(([n]) => n !== name));
    envs.push({ label: `${name} unset`, vars: rest, args });
  }
  if (names.length > 1) envs.push({ label: 'all unset', vars: {}, args });
  for (let n = args.length - 1; n >= 0; n--) {
    envs.push({ label: `only ${n} of ${args.length} arguments`, vars, args: args.slice(0, n) });
  }
  return envs;
}

/** Shell errors that mean an expression no longer parses or evaluates (bash and dash wording). */
const BROKEN_EXPRESSION =
  /syntax error|bad substitution|arithmetic expression|operand expected|invalid arithmetic|division by 0/i;

interface CaseRuns {
  readonly envs: readonly Environment[];
  readonly input: readonly ShellRun[];
  readonly output: readonly ShellRun[];
}

const show = (r: ShellRun): string =>
  `status ${r.status}${r.signal ? ` (killed by ${r.signal})` : ''}\n  stdout: ${JSON.stringify(r.stdout)}\n  stderr: ${JSON.stringify(r.stderr)}`;

describe('behaviour: runnable fixtures before and after the fix, under the real shells', () => {
  const cases = runnableCases();
  const runs = new Map<string, CaseRuns>();
  const plainRuns = new Map<string, CaseRuns>();

  it('there are runnable fixtures', () => {
    assert.ok(cases.length > 0, 'no fixtures/<transform>/<case>.env.json found');
  });

  for (const shell of ['bash', 'dash'] as const) {
    it(`${shell}: a -u stop inside a here-document fails only that command; the script goes on and exits 0`, async () => {
      const script = 'set -u\ncat <<EOF\nbefore $U after\nEOF\necho "cat: $?"\n';
      const r = await runShell({ shell, script, env: {} });
      assert.equal(r.status, 0, show(r));
      assert.equal(r.stdout, `cat: ${shell === 'bash' ? 1 : 2}\n`, show(r));
      assert.ok(r.stderr.includes(`U: ${NOUNSET_MESSAGE[shell]}`), show(r));
    });
  }

  before(async function () {
    this.timeout(120_000);
    const jobs = cases.flatMap((c) =>
      environmentsFor(c).flatMap((env) =>
        [false, true].flatMap((plain) =>
          (['input', 'output'] as const).map((side) => {
            const script = side === 'input' ? c.input : c.output;
            return { c, env, side, plain, script: plain && script !== null ? withoutNounset(script) : script };
          }),
        ),
      ),
    );
    const results = await mapLimit(jobs, PARALLEL_SHELLS, ({ c, env, script }) =>
      script === null
        ? Promise.resolve<ShellRun>({ stdout: '', stderr: 'no expected output file', status: null, signal: null })
        : runShell({ shell: c.spec.shell, script, env: env.vars, args: env.args, fileName: `${c.name}.sh` }),
    );
    for (const c of cases) {
      const envs = environmentsFor(c);
      const mine = jobs.flatMap((j, i) => (j.c === c ? [{ j, r: results[i] as ShellRun }] : []));
      for (const plain of [false, true])
        (plain ? plainRuns : runs).set(c.id, {
          envs,
          input: mine.filter((x) => x.j.plain === plain && x.j.side === 'input').map((x) => x.r),
          output: mine.filter((x) => x.j.plain === plain && x.j.side === 'output').map((x) => x.r),
        });
    }
  });

  for (const c of cases) {
    describe(`${c.id} (${c.spec.shell}${c.spec.args.length ? ` ${c.spec.args.join(' ')}` : ''})`, () => {
      const get = (): CaseRuns => {
        assert.notEqual(c.output, null, `fixtures/${c.id}.output.sh is missing`);
        const r = runs.get(c.id);
        assert.ok(r, 'no runs recorded');
        return r;
      };

      for (const env of environmentsFor(c)) {
        it(`${env.label}: (a) same as the input where it exits 0, (b) no unset stop, no broken expression`, () => {
          const { envs, input, output } = get();
          const i = envs.findIndex((e) => e.label === env.label);
          const before = input[i] as ShellRun;
          const after = output[i] as ShellRun;
          const allSetInput = input[0] as ShellRun;
          const where = `${c.id}, ${env.label}\ninput:  ${show(before)}\noutput: ${show(after)}`;
          assert.notEqual(after.status, null, `output did not finish: ${where}`);
          if (before.status === 0 && !before.stderr.includes(NOUNSET_MESSAGE[c.spec.shell])) {
            assert.equal(after.stdout, before.stdout, `(a) stdout differs: ${where}`);
            assert.equal(after.status, 0, `(a) status differs: ${where}`);
          }
          assert.ok(
            !after.stderr.includes(NOUNSET_MESSAGE.bash) && !after.stderr.includes(NOUNSET_MESSAGE.dash),
            `(b) output stopped on an unset parameter: ${where}`,
          );
          const broken = BROKEN_EXPRESSION.exec(after.stderr);
          if (broken && !BROKEN_EXPRESSION.test(allSetInput.stderr)) {
            assert.fail(`(b) output shows "${broken[0]}", which the input with everything set does not: ${where}`);
          }
        });
      }

      it('(d) without set -u, in every environment, the output prints the same and exits the same', () => {
        assert.notEqual(c.output, null, `fixtures/${c.id}.output.sh is missing`);
        assert.notEqual(withoutNounset(c.input), c.input, 'the input turns set -u on');
        const r = plainRuns.get(c.id);
        assert.ok(r, 'no runs recorded');
        r.envs.forEach((env, i) => {
          const before = r.input[i] as ShellRun;
          const after = r.output[i] as ShellRun;
          // A `${X:?}` nounset wrote; an expression that failed on an empty value (`$(( 2 * $X ))`
          // is `${X:-0}` where set -u was on: a documented limit).
          if (after.status !== 0 && guardStop(after.stderr) !== null) return;
          if (BROKEN_EXPRESSION.test(before.stderr)) return;
          const where = `${c.id}, ${env.label}, set -u off\ninput:  ${show(before)}\noutput: ${show(after)}`;
          assert.equal(after.stdout, before.stdout, `(d) stdout differs: ${where}`);
          assert.equal(after.status, before.status, `(d) status differs: ${where}`);
        });
      });

      it('(c) with everything set, input and output print the same and exit the same', () => {
        const { input, output } = get();
        const before = input[0] as ShellRun;
        const after = output[0] as ShellRun;
        const where = `${c.id}\ninput:  ${show(before)}\noutput: ${show(after)}`;
        assert.notEqual(before.status, null, where);
        assert.equal(after.stdout, before.stdout, where);
        assert.equal(after.status, before.status, where);
      });
    });
  }
});
