// Associative-array programs against bash (elements.ts follows each key as a name of its own):
// random programs over two arrays, two key variables and two functions, which assign, unset and
// test elements through literal and variable keys, loop over keys, and shadow an array with
// `local -A`. Each runs under bash with set -u, once per value of X (which picks branches):
// every read bash stops on must be one nounset flags; and the fix (block style) parses, is a fixed
// point, prints the same wherever the input ran through, and stops on no unset name itself.
// Seeded, so a failure replays. Only `echo` and array assignments run, in a temp directory.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixScript, inspectScript } from '../../src/index.js';

export interface AssocReport {
  programs: number;
  /** Runs that stopped on an unbound name, each checked against nounset's verdicts. */
  stops: number;
  readonly failing: { program: string; what: string }[];
}

/** A linear congruential generator: the same programs for the same seed. */
function generator(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let state = seed & 0x7fffffff;
  const int = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  return { int, pick: (xs) => xs[int(xs.length)] as (typeof xs)[number] };
}

/** One program's text. `unset m` is left out: an array unset whole is no longer associative, and
 * its subscripts become arithmetic (what nounset takes to be associative is any name declared so
 * in the file). */
export function assocProgram(seed: number): string {
  const g = generator(seed);
  const array = (): string => g.pick(['m', 'n']);
  const variable = (): string => g.pick(['k', 'j']);
  const literal = (): string => g.pick(['a', 'b', 'c']);
  const key = (): string =>
    g.pick([literal(), `$${variable()}`, `"$${variable()}"`, `\${${variable()}}`, `"${literal()}"`]);
  // Functions call only those defined before them: no recursion, which bash would run until it
  // hit its stack.
  const callable = 0;
  const stmt = (depth: number): string => {
    switch (g.int(depth > 2 ? 9 : 14)) {
      case 0:
        return `${array()}[${key()}]=${g.int(9)}`;
      case 1:
        return `${variable()}=${literal()}`;
      case 2:
        return `unset '${array()}[${key()}]'`;
      case 3:
      case 4:
        return `echo "\${${array()}[${key()}]}"`;
      case 5:
        return `${array()}=([${literal()}]=1 [${literal()}]=2)`;
      case 6:
        return `[[ -v ${array()}[${key()}] ]] && echo "\${${array()}[${key()}]}"`;
      case 7:
        return `echo "\${${array()}[${key()}]:-d}"`;
      case 8:
        return callable > 0 ? `f${g.int(callable)}` : ':';
      case 9:
        return `if [ "\${X:-}" = ${g.int(2)} ]; then\n${block(depth + 1)}\nelse\n${block(depth + 1)}\nfi`;
      case 10:
        return `for ${variable()} in ${g.pick(['"${!m[@]}"', '"${!n[@]}"', 'a b', 'a c', 'b'])}; do\n${block(depth + 1)}\ndone`;
      case 11:
        return `( ${stmt(depth + 1)} )`;
      case 12:
        return `${array()}=()`;
      default:
        return `[ -n "\${${array()}[${key()}]+x}" ] || ${array()}[${key()}]=z`;
    }
  };
  const block = (depth: number): string => Array.from({ length: 1 + g.int(3) }, () => stmt(depth)).join('\n');
  const fn = (i: number): string => `f${i}() {\n${g.int(2) ? `local -A ${array()}=([a]=0)\n` : ''}${block(2)}\n}`;
  return `set -u\ndeclare -A m=([a]=1) n\nk=a\nj=b\n${fn(0)}\n${fn(1)}\n${block(0)}\necho END\n`;
}

function run(file: string, x: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('bash', [file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', X: x }, timeout: 5000 });
}

/** Checks `count` programs from `seed`, writing them into `dir`. */
export function checkAssocElements(seed: number, count: number, dir: string, report: AssocReport): void {
  for (let t = 0; t < count; t++) {
    const program = assocProgram((seed + 104729 * (t + 1)) | 0);
    report.programs++;
    const input = join(dir, `assoc-${t}.sh`);
    const output = join(dir, `assoc-${t}.out.sh`);
    writeFileSync(input, program);
    const fixed = fixScript(program, { path: input }).output;
    writeFileSync(output, fixed);
    const fail = (what: string): void => {
      report.failing.push({ program, what });
    };
    if (fixScript(fixed, { path: input }).output !== fixed) fail('the fix is not a fixed point');
    if (spawnSync('bash', ['-n', output]).status !== 0) fail('bash -n rejects the fix');
    for (const x of ['0', '1']) {
      const before = run(input, x);
      const stop = /line (\d+): (\S+): unbound variable/.exec(before.stderr);
      if (stop) {
        report.stops++;
        const line = Number(stop[1]);
        const flagged = inspectScript(program, { path: input }).references.some(
          (r) => r.line === line && r.verdict !== 'safe',
        );
        if (!flagged) fail(`X=${x}: bash stops on line ${line} (${stop[2]}), which nounset calls safe`);
      }
      const after = run(output, x);
      // A stop in a subshell leaves the script's status 0: that run did not run through.
      const through = before.status === 0 && !/unbound variable/.test(before.stderr);
      if (through && (after.status !== 0 || after.stdout !== before.stdout))
        fail(`X=${x}: the input runs through, the fix does not do the same`);
      if (/unbound variable/.test(after.stderr)) fail(`X=${x}: the fix stops: ${after.stderr.trim()}`);
    }
  }
}
