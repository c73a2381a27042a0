// Programs of functions against bash (a function's entry is the meet of its call sites, found to a
// fixpoint; computed calls that may run many functions are met once for them all, entries.ts).
// Random programs over three globals and four functions, which assign, unset and read them, make
// them local, and call each other by name, through a computed name (`"$cmd"`) and through a
// function that runs its arguments (`"$@"`): with arguments, a prefix assignment, in a subshell,
// a pipeline, `$( )`, `&`, a group, a condition or a list. Also positional parameters (read,
// shifted, set), loops, case, getopts, `${X:=w}`, `read`, `printf -v`, `+=`, `export`,
// `declare -g`, `eval` (and reads in the code it runs), namerefs, `[[ -v ]]` and `${X+x}` tests, `${#X}`, `${!v}`, `set +u` and
// `set -u`, arithmetic, `${X:?}`, EXIT traps (a function, or code in single or double quotes),
// reads from a file that may be missing, commands whose redirection fails (a function, `eval`,
// `{fd}<`), a closed descriptor, `&&` in arithmetic and `${X:+…}` words that assign, an indexed
// array; and a library the script sources
// from its directory, with statements and a function g0 of its own. One program in four never
// turns set -u on; some exit early. The check is program-check.ts's, with every other program fixed in inline
// style. Only `echo`, `[` and assignments run, in a temp directory; a call counter bounds the
// recursion a computed call can make.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProgram, generator, type ProgramReport } from './program-check.js';

/** Bash runs at most this many calls of the program's functions; later calls return at once. */
const CALLS = 12;

/** One program: the script, and a library it may source as `lib` from its own directory. */
export function functionProgram(seed: number, lib = 'lib.sh'): { main: string; lib: string } {
  const g = generator(seed);
  const name = (): string => g.pick(['A', 'B', 'C']);
  const fn = (below: number): string => `f${g.int(below)}`;
  // Every value is a number, so arithmetic never reads a value as the name of another variable.
  // What a call passes: nothing, words, a global's value, or the caller's own arguments.
  const args = (): string => g.pick(['', ' a', ' a b', ` "$${name()}"`, ' "$@"']);
  const stmt = (depth: number, inside: number | null): string => {
    // Inside f<i>, named calls go to f0…f<i-1>; computed ones may run any (the counter stops them).
    const callable = inside === null ? 4 : inside;
    switch (g.int(depth > 2 ? 14 : 24)) {
      case 0:
      case 1:
        return `${name()}=${g.int(9)}`;
      case 2:
        return `unset ${name()}`;
      case 3:
      case 4:
        return `echo "$${name()}"`;
      case 5:
        return `echo "\${${name()}:-d}"`;
      case 6:
        return callable > 0 ? `${fn(callable)}${args()}` : ':';
      case 7:
        return `cmd=${fn(4)}`;
      case 8:
        return `"$cmd"${args()}`;
      case 9:
        return callable > 0 ? `run ${fn(callable)}${args()}` : ':';
      case 10:
        return inside !== null ? `local ${name()}${g.int(2) ? `=${g.int(9)}` : ''}` : `${name()}=`;
      case 11:
        return callable > 0 ? `${name()}=${g.int(9)} ${fn(callable)}` : ':';
      case 12:
        return g.pick(['echo "$1"', 'echo "$2"', 'echo "$#"', 'echo "${1:-d}"']);
      case 13:
        return inside !== null ? 'shift' : g.pick(['set -- a', 'set --', 'set -- a b']);
      case 14:
        return `if [ "\${X:-}" = ${g.int(2)} ]; then\n${block(depth + 1, inside)}\nelse\n${block(depth + 1, inside)}\nfi`;
      case 15:
        return `( ${stmt(depth + 1, inside)} )`;
      case 16:
        return inside !== null ? `[ "\${X:-}" = ${g.int(2)} ] && return` : ':';
      case 17:
        return `: "\${${name()}:=7}"`;
      case 18:
        return `for ${name()} in 1 2; do\n${block(depth + 1, inside)}\ndone`;
      case 19:
        return `case "\${X:-}" in\n${g.int(2)}) ${stmt(depth + 1, inside)} ;;\n*) ${stmt(depth + 1, inside)} ;;\nesac`;
      case 20:
        return other(inside);
      case 22:
        return g.pick([
          `. "$(dirname "$0")/${lib}"`,
          'g0',
          'set +u',
          'set -u',
          `echo "\${#${name()}}"`,
          `v=${name()}\necho "\${!v}"`,
        ]);
      case 21:
        return `while [ "$loops" -lt 6 ]; do\nloops=$((loops + 1))\n${block(depth + 1, inside)}\n[ "\${X:-}" = ${g.int(2)} ] && break\ndone`;
      default:
        return `[ -n "\${${name()}:-}" ] || ${name()}=9`;
    }
  };
  // The other ways a name is tested, set or unset.
  const other = (inside: number | null): string => {
    const v = name();
    return g.pick([
      `[[ -v ${v} ]] && echo "$${v}"`,
      `[ -n "\${${v}+x}" ] && echo "$${v}"`,
      `read -r ${v} <<< "\${X:-}"`,
      `printf -v ${v} %s 5`,
      `${v}+=1`,
      `export ${v}=${g.int(9)}`,
      `unset -v ${v}`,
      // Unsets of a computed name: a loop's list, a value, the library's helper's argument, a prefix.
      `for u in ${v} ${name()}; do unset "$u"; done`,
      `u=${v}\nunset "$u"`,
      `forget ${v}`,
      `unset "\${!${v}@}"`,
      `eval "${v}=1"`,
      // Code an \`eval\` runs reads a name when it runs: as a command, in a list, in a pipeline,
      // after assigning another one itself.
      `eval 'echo "$${v}"'`,
      `eval "echo \\"\\$${v}\\""`,
      `[ -n "\${X:-}" ] && eval 'echo "$${v}"' || :`,
      `eval "${name()}=2; echo \\$${v}" | cat`,
      inside !== null ? `declare -g ${v}=${g.int(9)}` : `declare ${v}=${g.int(9)}`,
      inside !== null ? `local -n ref=${v}\necho "$ref"` : `echo "\${${v}-}"`,
      inside !== null ? `local -n ref=${v}\nref=${g.int(9)}` : ':',
      `echo $(( ${v} + 1 ))`,
      `(( ${v} = ${name()} + 1 ))`,
      `: "\${${v}:?}"`,
      `[[ -v ${v} ]] || ${v}=1`,
      `while read -r ${v}; do echo "$${v}"; done <<< "\${X:-}"`,
      `trap f${g.int(4)} EXIT`,
      // Handlers bash parses when the trap fires: their reads are the handler's.
      `trap 'echo "$${v}"' EXIT`,
      `trap '${fn(4)} "$${v}"; echo "$${name()}"' EXIT`,
      // The same in double quotes, every `$` escaped.
      `trap "echo \\"\\$${v}\\"" EXIT`,
      `trap "${fn(4)} \\$${v}; echo \\\${${name()}}" EXIT`,
      // A redirection that fails runs no command: `read` assigns nothing, a loop runs no pass.
      `read -r ${v} < "\${X:-/nonexistent}" 2> /dev/null || :`,
      `{ while read -r ${v}; do :; done < "\${X:-/nonexistent}"; } 2> /dev/null`,
      // Nor a function, `eval` or `exit` (with X unset, `> ""` fails); `{fd}<` assigns no fd then.
      `${fn(4)} > "\${X:+/dev/null}" || :`,
      `eval '${v}=1' > "\${X:+/dev/null}" || :`,
      `exec {${v}}< "\${X:+/dev/null}" || :`,
      // A closed descriptor: `read` assigns nothing.
      `read -r -u 9 ${v} 2> /dev/null || :`,
      // What bash evaluates only sometimes: the right side of \`&&\`, a word of \`\${X:+…}\`.
      `(( \${X:-0} && (${v} = 1) )) || :`,
      `: "\${X:+\${${v}:=3}}"`,
      array(inside),
      piped(inside),
    ]);
  };
  // A call somewhere its assignments do not last (a pipeline, `$( )`, `&`), or do (a group, a
  // redirection, a condition, a nested definition).
  const piped = (inside: number | null): string => {
    const f = inside === null ? fn(4) : inside > 0 ? fn(inside) : ':';
    // In a subshell the counter starts one call short of spent: a subshell's calls are not counted
    // in its parent, so calls there could branch without bound (a background one left thousands
    // of processes). The body runs once, and its own subshell calls go to lower f's only.
    const spent = f === ':' ? ':' : `calls=${CALLS - 1} ${f}`;
    return g.pick([
      `${spent} | cat`,
      `echo 1 | ${spent}`,
      `x=$(${spent})`,
      `${spent} &\nwait`,
      `{ ${f}; } > /dev/null`,
      // Not `2> /dev/null`: a stop whose message it hides looks like a run that went through.
      `${f} < /dev/null`,
      `if ${f}; then echo "$${name()}"; fi`,
      `${f} || echo "$${name()}"`,
      `${f} && ${name()}=${g.int(9)}`,
      `while read -r ${name()}; do ${f}; done < <(echo 1)`,
      `getopts ab: ${name()} -a || :`,
      `shift 2 || :`,
      `set -- "$@" x`,
      `[ "\${X:-}" = ${g.int(2)} ] && exit 0`,
      `(exit 1) || ${name()}=${g.int(9)}`,
      // Through the library's helpers, which run their arguments, in the shell or in `$( )`.
      f === ':' ? ':' : `lrun ${f}${args()}`,
      f === ':' ? ':' : `lcap ${f}${args()}`,
    ]);
  };
  // An indexed array: its element 0 and the array itself are followed apart; an element past 0
  // only where a loop shows it is there (element-proofs.ts).
  const array = (inside: number | null): string =>
    g.pick([
      'arr=()',
      'arr=(x y)',
      `arr=("$${name()}")`,
      'arr=($(true))',
      'arr+=(z)',
      `arr[0]=${g.int(9)}`,
      "unset 'arr[0]'",
      'unset arr',
      inside !== null ? 'local -a arr' : 'declare -a arr',
      inside !== null ? 'local -a arr=(w)' : 'arr=(w)',
      'read -r -a arr <<< "${X:-}"',
      'mapfile -t arr < /dev/null',
      'echo "${arr[0]}"',
      'echo "$arr"',
      'echo "${arr[@]}"',
      'echo "${#arr[@]}"',
      'echo "${arr[*]:-d}"',
      'echo "${arr[1]}"',
      'for k in "${!arr[@]}"; do echo "${arr[$k]}"; done',
      'for ((j = 0; j < ${#arr[@]}; j++)); do echo "${arr[j]}"; done',
      'arr[1]=y',
      "unset 'arr[1]'",
      // A new list replaces element 0; so do `unset 'arr[@]'` and an append past a hole.
      'arr=("${arr[@]:1}")',
      "unset 'arr[@]'",
      'arr[5]=v',
    ]);
  const block = (depth: number, inside: number | null): string =>
    Array.from({ length: 1 + g.int(3) }, () => stmt(depth, inside)).join('\n');
  const define = (i: number): string =>
    `f${i}() {\n[ "$calls" -lt ${CALLS} ] || return 0\ncalls=$((calls + 1))\n${block(1, i)}\n}`;
  const top = Array.from({ length: 3 + g.int(4) }, () => block(0, null)).join('\n');
  // The script sources its library once before anything else runs (a call of g0 before that is
  // bash's `command not found`, which nounset takes for a call: docs/how-it-works.md, Known limits),
  // and may source it again anywhere.
  const source = `. "$(dirname "$0")/${lib}"`;
  // One program in four never turns set -u on: there every rewrite must change nothing at all.
  const nounset = g.int(4) === 0 ? '' : 'set -u\n';
  const main = `${nounset}calls=0\nloops=0\ncmd=f0\nrun() { "$@"; }\n${[0, 1, 2, 3].map(define).join('\n')}\n${source}\n${top}\necho END\n`;
  // The library: g0 (which may call any f: their counter bounds it), then statements. It sources
  // nothing; g0 is defined before anything can call it.
  // Its own reads are defaulted: a stop there would end most runs before the script's reads.
  const libBlock = (inside: number | null): string =>
    block(1, inside)
      .replaceAll(source, ':')
      .replaceAll(/"\$([ABC12])"/g, '"${$1-}"')
      .replaceAll(/\$\{(#|!)(\w+)\}/g, '${$2-}');
  // Its helpers run their arguments as a command: lrun in the shell, lcap in `$( )`, where the
  // counter starts one call short of spent, as in the script's subshells; forget unsets the name
  // it is given.
  const helpers = `lrun() { "$@"; }\nlcap() { out=$(calls=${CALLS - 1} "$@"); echo "$out"; }\nforget() { unset "$1"; }\n`;
  const libText = `${helpers}g0() {\n${libBlock(4).replaceAll(/^g0$/gm, ':')}\n}\n${libBlock(null)}\n${libBlock(null)}\n`;
  return { main, lib: libText };
}

/** Checks `count` programs from `seed`, writing them into `dir`. */
export function checkFunctionCalls(seed: number, count: number, dir: string, report: ProgramReport): void {
  for (let t = 0; t < count; t++) {
    const { main, lib } = functionProgram((seed + 7919 * (t + 1)) | 0, `calls-${t}-lib.sh`);
    const input = join(dir, `calls-${t}.sh`);
    writeFileSync(input, main);
    writeFileSync(join(dir, `calls-${t}-lib.sh`), lib);
    // Every other program is fixed in inline style.
    checkProgram(main, input, report, lib, t % 2 === 0 ? 'block' : 'inline');
  }
}
