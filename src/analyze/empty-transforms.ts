// Transforms that give text for an empty value: `${x/#/pre}` gives "pre" and `${x@Q}` gives `''`,
// where an unset x gives nothing without set -u. The env-init block's empty default would change
// what they give, and the wrapper that makes them safe must be `${x+…}`, which expands them for
// an empty x too (`${x:+…}` serves the others: they give nothing for an empty x).

import type { ParamExp, Word } from '../parse/index.js';

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
