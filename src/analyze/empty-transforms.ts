// Reads that give one thing for an unset variable and another for an empty one, where set -u is
// off or they never stop: the env-init block's empty default would change what they give, so a
// name they read stays out of it (docs/how-it-works.md#unset-or-empty). Transforms that give text
// for an empty value (`${x/#/pre}` gives "pre", `${x@Q}` gives `''`, an unset x nothing) are made
// safe by `${x+…}`, which expands them for an empty x too (`${x:+…}` serves the others: they
// give nothing for an empty x). Whole-array reads tell an unset array from one empty element.

import type { ParamExp, Word } from '../parse/index.js';
import { isListSubscript } from './elements.js';
import type { Read } from './model.js';

/** `@Q`, `@K`, `@k` quote an empty value as `''`; `@A` writes the assignment `x=''`. */
const QUOTING_OPS: ReadonlySet<string> = new Set(['Q', 'A', 'K', 'k']);

/** Whether the transform gives text for an empty value. */
export function givesTextForEmpty(p: ParamExp): boolean {
  if (p.repl) return p.repl.with !== null && p.repl.with.parts.length > 0 && mayMatchEmpty(p.repl.orig);
  return p.exp?.op === '@' && QUOTING_OPS.has(atOperator(p.exp.word));
}

/** The letter of `${x@Q}`, or '' for anything else. */
export function atOperator(word: Word | null): string {
  const only = word?.parts.length === 1 ? word.parts[0] : undefined;
  return only?.type === 'Lit' ? only.value : '';
}

/** Whether a pattern may match the empty string: none (`${x/#/pre}`), or any but a string of
 * one character or more with no `*` or extended glob (`*`, `?(x)`, `$p`, `''` may). */
function mayMatchEmpty(pattern: Word | null): boolean {
  if (pattern === null) return true;
  let literal = '';
  for (const part of pattern.parts) {
    if (part.type === 'Lit') {
      // `*` matches nothing, and so may an extended glob: `?(x)`, `*(x)`, `@(|x)`.
      if (/[*(]/.test(part.value.replace(/\\./g, ''))) return true;
      literal += part.value;
    } else if (part.type === 'SglQuoted') literal += part.value;
    else if (part.type === 'DblQuoted' && part.parts.every((q) => q.type === 'Lit')) {
      for (const q of part.parts) literal += q.type === 'Lit' ? q.value : '';
    } else return true;
  }
  return literal === '';
}

/** Whether a whole-array read gives something else for an array with one empty element (the
 * env-init block's `a=""`) than for an unset one: `"${a[@]}"` and `"${a[@]#x}"` one empty word
 * against none, `${!a[@]}` `0`, `${#a[@]}` 1, `${a[@]/#/-I}` and `${a[*]@Q}` text. Unquoted, or
 * with `*`, an empty element gives what an unset array gives. */
export function listTellsUnset(read: Read): boolean {
  const p = read.node;
  if (p.type !== 'ParamExp' || p.names) return false;
  if (read.form === 'length') return p.index !== null && isListSubscript(p.index);
  if (read.form !== 'list') return false;
  const sub = p.index?.word?.parts[0];
  return p.excl || givesTextForEmpty(p) || (read.quoting === 'double' && sub?.type === 'Lit' && sub.value === '@');
}
