// Generates runnable programs, fixes each in both styles, runs input and outputs in all their
// environments with one batch of shells, and judges every run (behaviour-check.ts).
import fc from 'fast-check';

import { fixScript } from '../../src/index.js';
import type { FixResult, FixStyle } from '../../src/types/script.js';
import type { Dialect } from '../gen/grammar.js';
import { type Environment, type RunnableCase, runnableCaseArbitrary } from '../gen/runnable.js';
import { plainCaseArbitrary } from '../gen/runnable-plain.js';
import { withoutNounset } from '../support/shells.js';
import { judge, type Verdicts } from './behaviour-check.js';
import { runJobs, type ShellJob } from './run-batch.js';

export const STYLES: readonly FixStyle[] = ['block', 'inline'];
export type ShellName = 'bash' | 'dash';
/** Which shells run programs of each dialect: POSIX ones under dash and bash (fuzz), or dash only (npm test). */
export type ShellsByDialect = Readonly<Record<Dialect, readonly ShellName[]>>;
export const ALL_SHELLS: ShellsByDialect = { bash: ['bash'], posix: ['dash', 'bash'] };

export interface BehaviourReport extends Verdicts {
  programs: number;
  /** Programs a fix changed (in either style). */
  changed: number;
  /** Shell runs. */
  runs: number;
  /** Programs nounset left alone as not parsing (CRLF ones, mostly, as bash would). */
  parseErrors: number;
  /** The failing programs, for fixture candidates. */
  failing: string[];
}

export function emptyReport(): BehaviourReport {
  return {
    programs: 0,
    changed: 0,
    runs: 0,
    parseErrors: 0,
    clean: 0,
    rescued: 0,
    excused: 0,
    guarded: 0,
    problems: [],
    failing: [],
  };
}

/** `numRuns` programs of `dialect` from `seed`, judged into `report`. */
export async function checkBehaviour(
  opts: { dialect: Dialect; seed: number; numRuns: number; dir: string; shells?: ShellsByDialect },
  report: BehaviourReport,
): Promise<void> {
  const cases = fc.sample(runnableCaseArbitrary(opts.dialect), { seed: opts.seed, numRuns: opts.numRuns });
  await judgeCases(cases, opts.dir, report, opts.shells ?? ALL_SHELLS);
}

/** `numRuns` plain programs (runnable-plain.ts: most without set -u, check-then-use, rm on derived
 * paths, line numbers), each environment run with and without `-u`, judged into `report`. */
export async function checkPlainBehaviour(
  opts: { dialect: Dialect; seed: number; numRuns: number; dir: string; shells?: ShellsByDialect },
  report: BehaviourReport,
): Promise<void> {
  const cases = fc
    .sample(plainCaseArbitrary(opts.dialect), { seed: opts.seed, numRuns: opts.numRuns })
    .map((c) => ({ ...c, environments: withAndWithoutU(c.environments) }));
  await judgeCases(cases, opts.dir, report, opts.shells ?? ALL_SHELLS, { prefixOnStop: true });
}

function withAndWithoutU(envs: readonly Environment[]): Environment[] {
  return [false, true].flatMap((u) =>
    envs.map((e) => ({ ...e, label: `${e.label}, ${u ? 'with' : 'without'} -u`, nounset: u })),
  );
}

/**
 * What the shell runs. docs/how-it-works.md: a CRLF script runs only where the shell ignores `\r` (Cygwin's
 * igncr, MSYS), and the env-init block is written in CRLF to match; so CRLF programs, input and
 * output alike, run as such a shell reads them. nounset still parsed and edited the CRLF text.
 */
function asRun(script: string): string {
  return script.replaceAll('\r\n', '\n');
}

/** Fixes, runs and judges `cases`. */
export async function judgeCases(
  cases: readonly RunnableCase[],
  dir: string,
  report: BehaviourReport,
  shells: ShellsByDialect = ALL_SHELLS,
  how: { prefixOnStop?: boolean } = {},
): Promise<void> {
  const jobs: ShellJob[] = [];
  const plans: { c: RunnableCase; shell: ShellName; fixes: FixResult[]; first: number }[] = [];
  for (const c of cases) {
    report.programs++;
    // Programs that run only as `bash -u FILE` are fixed knowing set -u is on from the start, as a
    // caller of the library who runs them so would say; plain ones as nounset finds them.
    const alwaysU = c.environments.every((e) => e.nounset !== false);
    const fixes = STYLES.map((style) =>
      fixScript(c.program, { dialect: c.dialect, style, ...(alwaysU ? { nounsetAtStart: 'on' as const } : {}) }),
    );
    if (fixes.some((f) => f.changed)) report.changed++;
    if (fixes.some((f) => f.diagnostics.some((d) => d.code === 'parse-error'))) report.parseErrors++;
    for (const f of fixes) {
      for (const d of f.diagnostics.filter((x) => x.code === 'unsafe-edit'))
        report.problems.push(`unsafe-edit: ${d.message}\n  program: ${JSON.stringify(c.program)}`);
      // A script that never turns set -u on gets no new stop: only rewrites that change nothing there.
      if (how.prefixOnStop && !/\bset -e?u\b/.test(c.program) && f.edits.some((e) => e.kind === 'require-nonempty'))
        report.problems.push(`a script without set -u got \${X:?}: ${JSON.stringify(c.program)}`);
    }
    for (const shell of shells[c.dialect]) {
      plans.push({ c, shell, fixes, first: jobs.length });
      for (const script of [c.program, ...fixes.map((f) => f.output)].map(asRun)) {
        for (const env of c.environments)
          jobs.push({
            shell,
            script: env.nounset === false ? withoutNounset(script) : script,
            vars: env.vars,
            args: env.args,
            ...(env.nounset === false ? { nounset: false } : {}),
          });
      }
    }
  }
  const results = await runJobs(jobs, dir);
  report.runs += jobs.length;
  for (const { c, shell, fixes, first } of plans) {
    const n = c.environments.length;
    const input = results.slice(first, first + n);
    const before = report.problems.length;
    fixes.forEach((fix, s) => {
      const output = results.slice(first + (s + 1) * n, first + (s + 2) * n);
      judge(
        {
          style: STYLES[s] ?? 'block',
          shell,
          program: c.program,
          fix,
          environments: c.environments,
          input,
          output,
          prefixOnStop: how.prefixOnStop === true,
        },
        report,
      );
    });
    if (report.problems.length > before && !report.failing.includes(c.program)) report.failing.push(c.program);
  }
}
