// The behaviour properties of a fix, judged from runs of its input and output under one shell in
// the same environments (see runnable.ts for the programs, run-batch.ts for the runs):
// - where the input never stopped on an unset variable, the output prints the same stdout and
//   exits the same; in inline style (and with every input set, in block style too) it ends with
//   the same shell variables set: the fix sets no variable the input did not;
// - the output never stops on an unset variable, unless nounset said so with a `needs-review`
//   diagnostic naming it;
// - no run hangs;
// - for plain programs (runnable-plain.ts), where the input stopped on an unset variable, the
//   output got at least as far: the input's stdout is the start of the output's.
// The text an ERR trap shows of the failing command ($BASH_COMMAND, between COMMAND_MARK's
// brackets) is compared as `[[cmd]]`: inline edits change it, a documented limit.
import type { FixResult, FixStyle } from '../../src/types/script.js';
import type { Environment } from '../gen/runnable.js';
import { COMMAND_MARK } from '../gen/runnable-plain.js';
import { guardStop } from '../support/shells.js';
import type { JobResult } from './run-batch.js';

export interface Verdicts {
  /** Runs whose input did not stop on an unset variable: compared exactly. */
  clean: number;
  /** Runs whose input stopped on an unset variable and whose output ran on. */
  rescued: number;
  /** Output stops on a variable nounset flagged with needs-review (a known limit). */
  excused: number;
  /** Output stops at a `${X:?…}` nounset wrote: an empty X would have made rm act on another path. */
  guarded: number;
  problems: string[];
}

const UNSET = /(?:^|: )\$?([A-Za-z_]\w*|\d+)(?:\[[^\]]*\])?: (?:unbound variable|parameter not set)/m;

/** The variable whose unset read stopped the run, or null. */
export function stoppedOn(stderr: string): string | null {
  return UNSET.exec(stderr)?.[1] ?? null;
}

/** Variables nounset reported `needs-review` for: the message starts with the name. */
export function flaggedForReview(fix: FixResult): Set<string> {
  return new Set(fix.diagnostics.filter((d) => d.code === 'needs-review').map((d) => d.message.split(':')[0] ?? ''));
}

export interface Judged {
  readonly style: FixStyle;
  readonly shell: string;
  readonly program: string;
  readonly fix: FixResult;
  readonly environments: readonly Environment[];
  readonly input: readonly JobResult[];
  readonly output: readonly JobResult[];
  /** Check that the output got at least as far where the input stopped (plain programs). */
  readonly prefixOnStop?: boolean;
}

const shown = (stdout: string): string => stdout.replace(COMMAND_MARK, '[[cmd]]');

export function judge(j: Judged, v: Verdicts): void {
  // A script nounset does not parse is left alone, with a parse-error diagnostic saying so.
  if (!j.fix.changed && j.fix.diagnostics.some((d) => d.code === 'parse-error')) return;
  const flagged = flaggedForReview(j.fix);
  j.environments.forEach((env, k) => {
    const i = j.input[k];
    const o = j.output[k];
    if (i === undefined || o === undefined) throw new Error('a run is missing');
    const fail = (why: string): void => {
      v.problems.push(
        `${j.shell}, ${j.style} style, ${env.label} (vars ${JSON.stringify(env.vars)}, args ${JSON.stringify(env.args)}): ${why}\n  input:  status ${i.status} stdout ${JSON.stringify(i.stdout)} stderr ${JSON.stringify(i.stderr)}\n  output: status ${o.status} stdout ${JSON.stringify(o.stdout)} stderr ${JSON.stringify(o.stderr)}\n  program: ${JSON.stringify(j.program)}\n  fixed:   ${JSON.stringify(j.fix.output)}`,
      );
    };
    if (i.killed || o.killed) {
      fail('a run was killed (hang?)');
      return;
    }
    // A stop nounset added on purpose: an empty or unset value would have reached rm's path.
    const guard = guardStop(o.stderr);
    if (guard !== null && guardStop(i.stderr) === null) {
      if (j.fix.edits.some((e) => e.kind === 'require-nonempty' && e.variable === guard)) v.guarded++;
      else fail(`the output stops on \${${guard}:?}, which nounset did not write`);
      return;
    }
    const stopped = stoppedOn(o.stderr);
    if (stopped !== null) {
      if (flagged.has(stopped)) v.excused++;
      else {
        fail(`the output stops on ${stopped}, unset`);
        return;
      }
    }
    if (stoppedOn(i.stderr) !== null) {
      if (stopped === null) v.rescued++;
      if (j.prefixOnStop && !shown(o.stdout).startsWith(shown(i.stdout)))
        fail('the input stopped on an unset variable and the output stopped earlier, or printed something else first');
      return;
    }
    // Where the script's own set -u was taken out, `$(( $N * 2 ))` with N unset fails on an empty
    // operand: nounset wrote `${N:-0}` for where set -u is on (a documented limit). bash says
    // "operand expected", dash "expecting primary".
    if (env.nounset === false && /operand expected|arithmetic expression: expecting primary/.test(i.stderr)) {
      v.excused++;
      return;
    }
    v.clean++;
    if (shown(i.stdout) !== shown(o.stdout) || i.status !== o.status) {
      fail('the input ran clean, the output prints or exits differently');
      return;
    }
    const compareVars = j.style === 'inline' || k === 0;
    if (compareVars && i.vars !== null && o.vars !== null && i.vars.join() !== o.vars.join()) {
      const gained = o.vars.filter((n) => !i.vars?.includes(n));
      const lost = i.vars.filter((n) => !o.vars?.includes(n));
      fail(
        `the output ends with other variables set: gained ${gained.join(' ') || '-'}, lost ${lost.join(' ') || '-'}`,
      );
    }
  });
}
