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

const MEMO = new WeakMap<NameSource, Map<UnsetComputed, Map<string, readonly string[]>>>();

/** The names `e`, in the function `fn` (null: at a top level), may unset: variables some file
 * mentions (their arrays, `NAME[@]`, go with them). */
export function unsetNames(program: NameSource, e: UnsetComputed, fn: string | null): readonly string[] {
  let byEvent = MEMO.get(program);
  if (!byEvent) MEMO.set(program, (byEvent = new Map()));
  let byFn = byEvent.get(e);
  if (!byFn) byEvent.set(e, (byFn = new Map()));
  const key = fn ?? '';
  let out = byFn.get(key);
  if (out === undefined) byFn.set(key, (out = resolve(program, e, fn)));
  return out;
}

function resolve(program: NameSource, e: UnsetComputed, fn: string | null): readonly string[] {
  const via = e.via;
  const all = (pattern: RegExp): string[] => program.table.names.filter((n) => pattern.test(n));
  let named: string[] | null = null;
  if (via !== null) named = isArgument(via) ? callerWords(program, fn) : assignedNames(program, via, all);
  return known(program, named ?? all(e.pattern));
}

/** The names an `unset` of the nameref `ref` (`local -n ref=$1`) in the function `fn` may unset:
 * bash unsets the variable ref names, not ref. From ref's values: a literal name, for `$1` the
 * literal arguments of fn's callers, else any name the value can spell. */
export function namerefTargets(program: NameSource, ref: string, fn: string): readonly string[] {
  let byKey = NAMEREFS.get(program);
  if (!byKey) NAMEREFS.set(program, (byKey = new Map()));
  const key = `${ref}\0${fn}`;
  let out = byKey.get(key);
  if (out === undefined) {
    const all = (pattern: RegExp): string[] => program.table.names.filter((n) => pattern.test(n));
    const names: string[] = [];
    for (const w of program.writesNamed(ref)) {
      const via = w.value ? loneVariable(w.value) : null;
      if (via !== null && isArgument(via)) names.push(...(callerWords(program, fn) ?? all(/^/)));
      else if (w.value && wordText(w.value) !== null) names.push(wordText(w.value) as string);
      else names.push(...all(w.value ? namePattern(w.value) : /^/));
    }
    byKey.set(key, (out = known(program, names)));
  }
  return out;
}

const NAMEREFS = new WeakMap<NameSource, Map<string, readonly string[]>>();

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
