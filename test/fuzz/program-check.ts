// The check the differential fuzzes of one construct share (assoc-elements.ts, function-calls.ts):
// a program runs under bash with set -u, once per value of X (which picks its branches). Every
// read bash stops on must be one nounset flags (a read in code an `eval` runs, one it warns about);
// the fix (block or inline style) parses, is a fixed point, prints the same wherever the input ran
// through, and stops on no unset name itself (but where it warns about an `eval`'s code).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type FixResult, fixScript, inspectScript } from '../../src/index.js';

export interface ProgramReport {
  programs: number;
  /** Runs that stopped on an unbound name, each checked against nounset's verdicts. */
  stops: number;
  readonly failing: { program: string; what: string }[];
}

/** A linear congruential generator: the same programs for the same seed. Its low bits repeat
 * with a short period (the lowest alternates), so a choice takes the high ones. */
export function generator(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let state = seed & 0x7fffffff;
  const int = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return (state >>> 12) % n;
  };
  return { int, pick: (xs) => xs[int(xs.length)] as (typeof xs)[number] };
}

/** The environments each program runs in: X picks branches; A set and B empty in the last, so
 * the env-init block meets inputs set, empty and unset. */
const ENVIRONMENTS: readonly Readonly<Record<string, string>>[] = [{ X: '0' }, { X: '1' }, { X: '1', A: '5', B: '' }];

/** Runs a program under bash for at most 5 s: coreutils' timeout puts bash in a process group of
 * its own and kills the whole group, whatever the program left running in the background. */
function run(
  file: string,
  env: Readonly<Record<string, string>>,
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('timeout', ['-s', 'KILL', '5', 'bash', file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 10_000,
  });
}

/** Checks one program, written at `input` (its fix, in `style`, goes beside it); `lib`: the text
 * of the files it may source from its directory, which nounset reads (the program, its library). */
export function checkProgram(
  program: string,
  input: string,
  report: ProgramReport,
  lib?: string,
  style: 'block' | 'inline' = 'block',
): void {
  report.programs++;
  const output = input.replace(/\.sh$/, '.out.sh');
  const dir = dirname(input);
  const readSource = (path: string): string | null =>
    lib !== undefined && dirname(path) === dir && existsSync(path) ? readFileSync(path, 'utf8') : null;
  const first = fixScript(program, { path: input, readSource, style });
  const fixed = first.output;
  const again = fixScript(fixed, { path: input, readSource, style });
  // A read in code an `eval` runs is warned about (eval-code-unset), not edited: a stop there is
  // flagged when a warning names its line and name, before the fix (`first`) and after it (`again`).
  const evalWarned = (result: FixResult, line: number, name: string | undefined): boolean =>
    result.diagnostics.some((d) => d.code === 'eval-code-unset' && d.line === line && d.message.startsWith(`${name}:`));
  writeFileSync(output, fixed);
  const fail = (what: string): void => {
    report.failing.push({ program, what });
  };
  if (again.output !== fixed) fail('the fix is not a fixed point');
  // bash numbers the lines of a trap's quoted handler (single or double quotes) from 1: a stop there is at a read of the
  // name on a line that sets such a trap.
  const trapLines = new Set<number>();
  program.split('\n').forEach((l, i) => {
    if (/\btrap ['"]/.test(l)) trapLines.add(i + 1);
  });
  const at = (r: { line: number; name: string }, line: number, name: string | undefined): boolean =>
    r.line === line || (trapLines.has(r.line) && r.name === name);
  // A handler the library sets runs in the script's name too, at its own line numbers (line 1: the
  // generated handlers are one line): such a stop on a line of the script that sets no trap may be
  // the library's, which nounset leaves alone.
  const libTraps = lib !== undefined && /\btrap ['"]/.test(lib);
  const mine = (line: number): boolean => !libTraps || trapLines.has(line) || line > 1;
  if (spawnSync('bash', ['-n', output]).status !== 0) fail('bash -n rejects the fix');
  for (const env of ENVIRONMENTS) {
    const x = Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const before = run(input, env);
    const stop = /^(.*?): line (\d+): (\S+): unbound variable/m.exec(before.stderr);
    // A stop in the library is on its own lines: nounset reports the script's reads only.
    if (stop && stop[1] === input && mine(Number(stop[2]))) {
      report.stops++;
      const line = Number(stop[2]);
      const flagged = inspectScript(program, { path: input, readSource }).references.some(
        (r) => at(r, line, stop[3]) && r.verdict !== 'safe',
      );
      if (!flagged && !evalWarned(first, line, stop[3]))
        fail(`${x}: bash stops on line ${line} (${stop[3]}), which nounset calls safe`);
    }
    const after = run(output, env);
    // A stop in a subshell leaves the script's status 0: that run did not run through.
    const through = before.status === 0 && !/unbound variable/.test(before.stderr);
    if (through && (after.status !== 0 || after.stdout !== before.stdout))
      fail(`${x}: the input runs through, the fix does not do the same`);
    // The fix stops nowhere but in the library, which it leaves alone, or at a read nounset
    // reported for review (`${#X}` takes no default).
    const stopAfter = /^(.*?): line (\d+): (\S+): unbound variable/m.exec(after.stderr);
    if (stopAfter && stopAfter[1] === output && mine(Number(stopAfter[2]))) {
      const line = Number(stopAfter[2]);
      const review = inspectScript(fixed, { path: input, readSource, style }).references.some(
        (r) => at(r, line, stopAfter[3]) && r.verdict === 'review',
      );
      if (!review && !evalWarned(again, line, stopAfter[3])) fail(`${x}: the fix stops: ${after.stderr.trim()}`);
    }
  }
}
