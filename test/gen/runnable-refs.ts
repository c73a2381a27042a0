// References for runnable programs: every form nounset rewrites or leaves alone, over a fixed set
// of variables whose roles the behaviour test knows: environment inputs (set or unset by the
// test), numbers for arithmetic, variables every program assigns first, arguments, an array.
// Nothing here reads a variable that is assigned only on some paths: nounset's whole-file rule
// takes such a variable as set everywhere (a known limit, docs/how-it-works.md#known-limits).
import fc from 'fast-check';

import { pick, weighted } from './grammar.js';

/** Read from the environment, never assigned: the test sets or unsets them. */
export const STRING_INPUTS = ['E1', 'E2', 'e_3'] as const;
/** Environment inputs used in arithmetic; set to integers when set. */
export const NUMBER_INPUTS = ['N1', 'N2'] as const;
/** Assigned at the top of every program, before anything reads them. */
export const ASSIGNED = ['V1', 'V2'] as const;

export interface RefContext {
  readonly isBash: boolean;
  /** Inside `for w in …`: `$w` is set. */
  readonly inLoop: boolean;
  /** After the prelude that assigns V1, V2 and arr. */
  readonly afterPrelude: boolean;
}

function stringName(c: RefContext): fc.Arbitrary<string> {
  return weighted(
    [6, pick(...STRING_INPUTS)],
    [c.afterPrelude ? 3 : 0, pick(...ASSIGNED)],
    [2, pick('1', '2')],
    [c.inLoop ? 2 : 0, pick('w')],
  );
}

/** A reference whose value is a string, in any of its forms. */
export function stringRef(c: RefContext): fc.Arbitrary<string> {
  const name = stringName(c);
  const guarded = fc
    .tuple(name, pick(':-', '-', ':+', '+'), pick('', 'd', 'a b', 'é'))
    .map(([n, op, w]) => `\${${n}${op}${w}}`);
  const trimmed = fc
    .tuple(name, pick('#', '##', '%', '%%'), pick('a', '*', '?', '*/', 'é'))
    .map(([n, op, p]) => `\${${n}${op}${p}}`);
  const bashOps = fc
    .tuple(name, pick(':1', ':0:2', ': -1', '/a/b', '//a/', '^^', ',,', '@Q'))
    .map(([n, op]) => `\${${n}${op}}`);
  return weighted(
    [10, name.map((n) => `$${n}`)],
    [5, name.map((n) => `\${${n}}`)],
    [3, guarded],
    [2, trimmed],
    [1, name.map((n) => `\${#${n}}`)],
    [c.isBash ? 2 : 0, bashOps],
    [1, pick('$#', '${#}', '$?')],
    [
      c.isBash && c.afterPrelude ? 2 : 0,
      pick('${arr[0]}', '${arr[1]}', '${#arr[@]}', '${arr[@]}', '${arr[*]}', '${#arr[0]}', '${arr}'),
    ],
    [c.afterPrelude ? 1 : 0, pick(...ASSIGNED).map((n) => `\${${n}:=z}`)],
  );
}

/** An operand of `$(( ))`: `N1`, `$N1`, `${N2}`, `${#E1}`, literals. */
const numberOperand: fc.Arbitrary<string> = weighted(
  [4, pick(...NUMBER_INPUTS)],
  [3, pick(...NUMBER_INPUTS).map((n) => `$${n}`)],
  [1, pick(...NUMBER_INPUTS).map((n) => `\${${n}}`)],
  [2, pick('1', '2', '7')],
  [1, pick(...STRING_INPUTS).map((n) => `\${#${n}}`)],
  [1, pick('$#')],
);

/** `a + b * c` over numbers and number inputs. */
export const arithmetic: fc.Arbitrary<string> = fc
  .tuple(numberOperand, fc.array(fc.tuple(pick(' + ', ' - ', ' * ', '+', ' > '), numberOperand), { maxLength: 2 }))
  .map(([first, rest]) => rest.reduce((acc, [op, x]) => acc + op + x, first));

/** Values the environment and arguments take: blanks, globs, quotes, non-ASCII, option-like. */
export const STRING_VALUES = [
  '',
  'a',
  'a b',
  ' x ',
  '*',
  '-n',
  'é日本😀',
  'a*b',
  "it's",
  '"q"',
  '\\',
  '$E2',
  '%s',
  'a/b/c',
] as const;
export const NUMBER_VALUES = ['0', '1', '3', '12', '-2'] as const;
