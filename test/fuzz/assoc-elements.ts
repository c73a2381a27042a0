// Associative-array programs against bash (elements.ts follows each key as a name of its own):
// random programs over two arrays, two key variables and two functions, which assign, unset and
// test elements through literal and variable keys, loop over keys, and shadow an array with
// `local -A`. Each runs under bash with set -u, once per value of X (which picks branches):
// every read bash stops on must be one nounset flags; and the fix (block style) parses, is a fixed
// point, prints the same wherever the input ran through, and stops on no unset name itself.
// Seeded, so a failure replays. Only `echo` and array assignments run, in a temp directory.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProgram, generator, type ProgramReport } from './program-check.js';

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

/** Checks `count` programs from `seed`, writing them into `dir`. */
export function checkAssocElements(seed: number, count: number, dir: string, report: ProgramReport): void {
  for (let t = 0; t < count; t++) {
    const program = assocProgram((seed + 104729 * (t + 1)) | 0);
    const input = join(dir, `assoc-${t}.sh`);
    writeFileSync(input, program);
    checkProgram(program, input, report);
  }
}
