// Which names an `unset` of a computed name may remove: `for v in http_proxy https_proxy; do
// unset "$v"; done`, `clear() { unset "$1"; }; clear B`. bash unsets what the word expands to when
// it runs; nounset takes the values the program gives the variable (literal words, a for loop's
// list, or the names a computed value can spell: `fvar="${var}_FILE"`), or for `$1` the literal
// arguments the function's callers pass, and otherwise every name the program mentions that the
// word can spell. A name too many costs a default where it is read
// (`${X:-}`, which changes nothing while X is set); one too few would call a stop safe.

import { loneVariable, namePattern, wordText } from '../builtins.js';
import type { Call, UnsetComputed, Write } from '../model.js';
import { isDigits, isVariableName } from '../shell-vars.js';

/** What the answer needs of the program (program.ts's Program is one). */
export interface NameSource {
  readonly table: { readonly names: readonly string[]; has(name: string): boolean };
  /** Whether some file runs a computed command name. */
  readonly computes: boolean;
  writesNamed(name: string): readonly Write[];
  callsOf(name: string): readonly Call[];
}

/** Answers kept per program, by what they depend on: the variable (`v:`), the function whose
 * callers pass the names (`a:`), or the pattern (`p:`), never by event: a script that unsets
 * `"$v"` in a thousand loops asks once. */
const MEMO = new WeakMap<NameSource, Map<string, readonly string[]>>();

function memo(program: NameSource, key: string, find: () => readonly string[]): readonly string[] {
  let byKey = MEMO.get(program);
  if (!byKey) MEMO.set(program, (byKey = new Map()));
  let out = byKey.get(key);
  if (out === undefined) byKey.set(key, (out = find()));
  return out;
}

/** The names `e`, in the function `fn` (null: at a top level), may unset: variables some file
 * mentions (their arrays, `NAME[@]`, go with them). */
export function unsetNames(program: NameSource, e: UnsetComputed, fn: string | null): readonly string[] {
  const via = e.via;
  if (e.code !== undefined) {
    const code = e.code;
    const args = e.args ?? [];
    return via === null
      ? []
      : memo(program, `c:${code}\0${via}\0${args.join(' ')}`, () =>
          known(program, codeUnsets(program, via, code, args)),
        );
  }
  const pattern = (): readonly string[] =>
    memo(program, `p:${e.pattern.source}`, () => known(program, all(program, e.pattern)));
  if (via === null) return pattern();
  if (isArgument(via)) {
    const callers = memo(program, `a:${fn ?? ''}`, () => {
      const words = callerWords(program, fn);
      return words === null ? [NONE] : known(program, words);
    });
    return callers[0] === NONE ? pattern() : callers;
  }
  const assigned = memo(program, `v:${via}`, () => {
    const names = assignedNames(program, via, (p) => all(program, p));
    return names === null ? [NONE] : known(program, names);
  });
  return assigned[0] === NONE ? pattern() : assigned;
}

/** The names an `unset` in the code `via` holds may remove when it runs: split (`h="unset A"; $h
 * B`, the command its value's first field and the words after `$h` passed too), one word
 * (`h=unset; "$h" B`: the whole value) or read as code (`eval "$h"`, each command of the value
 * that starts with `unset`, after `builtin`, `then` and the like). A value nounset cannot spell
 * is taken to unset nothing, as for `eval "$(cmd)"` (a known limit); `unset -f` removes
 * functions. */
function codeUnsets(
  program: NameSource,
  via: string,
  code: NonNullable<UnsetComputed['code']>,
  args: readonly string[],
): string[] {
  const names: string[] = [];
  for (const w of program.writesNamed(via)) {
    const text = w.value ? wordText(w.value) : null;
    if (text === null) continue;
    const commands =
      code === 'eval'
        ? text.split(/[;&|\n()]+/)
        : code === 'split' || text === 'unset'
          ? [`${text} ${args.join(' ')}`]
          : [];
    for (const command of commands) {
      const words = command
        .trim()
        .split(/[ \t]+/)
        .map((word) => word.replace(/["'\\]/g, ''));
      while (LEADING.has(words[0] as string)) words.shift();
      if (words[0] !== 'unset') continue;
      let k = 1;
      let functions = false;
      for (; k < words.length && (words[k] as string).startsWith('-'); k++) {
        if (words[k] === '--') {
          k++;
          break;
        }
        if ((words[k] as string).includes('f')) functions = true;
      }
      if (functions) continue;
      for (const n of words.slice(k)) if (isVariableName(n)) names.push(n);
    }
  }
  return names;
}

/** Words before a command that leave it the command: `builtin unset X`, `then unset X`. */
const LEADING: ReadonlySet<string> = new Set(['builtin', 'command', 'then', 'do', 'else', '{', '!', 'time']);

/** Stands for "not known from here" in the memo (no variable has this name). */
const NONE = '\0';

function all(program: NameSource, pattern: RegExp): string[] {
  return program.table.names.filter((n) => pattern.test(n));
}

/** The names an `unset` of the nameref `ref` (`local -n ref=$1`) in the function `fn` may unset:
 * bash unsets the variable ref names, not ref. From ref's values: a literal name, for `$1` the
 * literal arguments of fn's callers, else any name the value can spell. */
export function namerefTargets(program: NameSource, ref: string, fn: string): readonly string[] {
  return memo(program, `n:${ref}\0${fn}`, () => {
    const names: string[] = [];
    for (const w of program.writesNamed(ref)) {
      const via = w.value ? loneVariable(w.value) : null;
      if (via !== null && isArgument(via)) names.push(...(callerWords(program, fn) ?? all(program, /^/)));
      else if (w.value && wordText(w.value) !== null) names.push(wordText(w.value) as string);
      else names.push(...all(program, w.value ? namePattern(w.value) : /^/));
    }
    return known(program, names);
  });
}

/** `$1`, `$@`, `$*`: what a function's callers pass. */
function isArgument(via: string): boolean {
  return (isDigits(via) && via !== '0') || via === '@' || via === '*';
}

/** The variable names of `names` some file mentions, each once (a name no file mentions is never
 * read: nothing to unset). */
function known(program: NameSource, names: readonly string[]): readonly string[] {
  return [...new Set(names)].filter((n) => isVariableName(n) && program.table.has(n)).sort();
}

/** The names a variable's values may be: each literal word split on blanks (`unset $vars` splits
 * them), and for a computed one every name it can spell (`fvar="${var}_FILE"`: the names ending
 * in _FILE). Null when some assignment has no word (`read v`), or nothing assigns it. */
function assignedNames(program: NameSource, name: string, all: (pattern: RegExp) => string[]): string[] | null {
  const writes = program.writesNamed(name);
  if (writes.length === 0) return null;
  const out: string[] = [];
  for (const w of writes) {
    const words = w.words ?? (w.value ? [w.value] : null);
    if (words === null) return null;
    for (const word of words) {
      const text = wordText(word);
      if (text === null) out.push(...all(namePattern(word)));
      else out.push(...text.split(/[ \t\n]+/).filter((t) => t !== ''));
    }
  }
  return out;
}

/** The literal arguments the callers of `fn` pass it by name: null at a top level, when nothing
 * calls it by name, when a caller passes a computed argument, or when it is exported (a child
 * bash may pass anything) or the program runs computed command names (which may call it too). */
function callerWords(program: NameSource, fn: string | null): string[] | null {
  if (fn === null || program.computes) return null;
  const calls = program.callsOf(fn);
  if (calls.length === 0 || calls.some((c) => c.dynArgs || c.later === 'export')) return null;
  return calls.flatMap((c) => c.litArgs);
}
