// The behaviour properties of a fix, judged from runs of its input and output under one shell in
// the same environments (see runnable.ts for the programs, run-batch.ts for the runs):
// - where the input never stopped on an unset variable, the output prints the same stdout and
//   exits the same; in inline style (and with every input set, in block style too) it ends with
//   the same shell variables set: the fix sets no variable the input did not;
// - the output never stops on an unset variable, unless nounset said so with a `needs-review`
//   diagnostic naming it;
// - no run hangs.
import type { FixResult, FixStyle } from '../../src/result.js';
import type { Environment } from '../gen/runnable.js';
import type { JobResult } from './run-batch.js';

export interface Verdicts {
  /** Runs whose input did not stop on an unset variable: compared exactly. */
  clean: number;
  /** Runs whose input stopped on an unset variable and whose output ran on. */
  rescued: number;
  /** Output stops on a variable nounset flagged with needs-review (a known limit). */
  excused: number;
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
}

export function judge(j: Judged, v: Verdicts): void {
  // A script nounset does not parse is left alone, with a parse-error diagnostic saying so.
  if (!j.fix.changed && j.fix.diagnostics.some((d) => d.code === 'parse-error')) return;
  const flagged = flaggedForReview(j.fix);
  j.environments.forEach((env, k) => {
    const i = j.input[k];
    const o = j.output[k];
    if (i === undefined || o === undefined) throw new Error('a run is missing');
    const fail = (why: string): void => {
      v.problems.push(`${j.shell}, ${j.style} style, ${env.label} (vars ${JSON.stringify(env.vars)}, args ${JSON.stringify(env.args)}): ${why}\n  input:  status ${i.status} stdout ${JSON.stringify(i.stdout)} stderr ${JSON.stringify(i.stderr)}\n  output: status ${o.status} stdout ${JSON.stringify(o.stdout)} stderr ${JSON.stringify(o.stderr)}\n  program: ${JSON.stringify(j.program)}\n  fixed:   ${JSON.stringify(j.fix.output)}`);
    };
    if (i.killed || o.killed) return fail('a run was killed (hang?)');
    const stopped = stoppedOn(o.stderr);
    if (stopped !== null) {
      if (flagged.has(stopped)) v.excused++;
      else return fail(`the output stops on ${stopped}, unset`);
    }
    if (stoppedOn(i.stderr) !== null) {
      if (stopped === null) v.rescued++;
      return;
    }
    v.clean++;
    if (i.stdout !== o.stdout || i.status !== o.status) return fail('the input ran clean, the output prints or exits differently');
    const compareVars = j.style === 'inline' || k === 0;
    if (compareVars && i.vars !== null && o.vars !== null && i.vars.join() !== o.vars.join()) {
      const gained = o.vars.filter((n) => !i.vars?.includes(n));
      const lost = i.vars.filter((n) => !o.vars?.includes(n));
      fail(`the output ends with other variables set: gained ${gained.join(' ') || '-'}, lost ${lost.join(' ') || '-'}`);
    }
  });
}
