// Parameter expansions: `$x ${x} ${#x} ${x:-w} ${x#p}` (POSIX) and, for bash, `${!x} ${a[i]}
// ${x:1:2} ${x/a/b} ${x^^} ${x@Q}`. The words inside `${ }` differ when the expansion sits in
// double quotes (no single quotes there), so each rule comes in two flavours.
import fc from 'fast-check';

import { arithFlat, arithTight } from './arith.js';
import { type Grammar, pick, type Rule, repeat, seq, varName, weighted } from './grammar.js';
import { doubleQuoted, singleQuoted, substitution } from './words.js';

const SHORT_SPECIAL = ['@', '*', '#', '?', '$', '!', '-', '0', '1', '2', '9'];

/** What `${base...}` applies an operator to. */
function base(g: Grammar, depth: number): fc.Arbitrary<string> {
  if (!g.isBash) return weighted([6, varName], [1, pick('1', '10', '@', '*')]);
  // `~` in a subscript fails in bash 5.2 once evaluated inside `$(( ))`; see arith.ts.
  const expr = depth > 0 ? g.rule(arithFlat, depth - 1).map((e) => e.replaceAll('~', '!')) : null;
  const index = expr === null ? pick('@', '*', '0', 'i') : weighted([2, pick('@', '*')], [3, expr]);
  return weighted(
    [6, varName],
    [1, pick('1', '10', '@', '*')],
    [2, seq(varName, fc.constant('['), index, fc.constant(']'))],
  );
}

function makeWordInBraces(inDq: boolean, isPattern: boolean): Rule {
  // Patterns must not start with `#`, `%`, `/`, `^` or `,`: those would change the operator.
  const litChunks = isPattern
    ? ['a', 'x', 'FOO', '*', '?', '[ab]', '.', '-', 'é', ':']
    : ['a', 'b', 'x', ' ', 'x-y', '-', '/', '.', ':', '#', 'é', '=', '*'];
  return function wordInBraces(g, depth) {
    const lit = repeat(pick(...litChunks), 1, [3, 2, 1]);
    if (depth <= 0) return repeat(lit, 0, [1, 3]);
    const part = weighted(
      [5, lit],
      [3, g.rule(inDq ? parameterInDq : parameter, depth - 1)],
      [1, g.rule(substitution, depth - 1)],
      [1, g.rule(doubleQuoted, depth - 1)],
      [inDq ? 0 : 1, singleQuoted],
    );
    return repeat(part, 0, [2, 5, 2, 1]);
  };
}

const wordInBraces = makeWordInBraces(false, false);
const wordInBracesInDq = makeWordInBraces(true, false);
const patternInBraces = makeWordInBraces(false, true);
const patternInBracesInDq = makeWordInBraces(true, true);

function makeParameter(inDq: boolean): Rule {
  return function parameter(g, depth) {
    const short = fc.oneof(varName, pick(...SHORT_SPECIAL)).map((n) => `$${n}`);
    const braced = weighted([3, varName], [1, pick('1', '10', '@', '#', '?', '*')]).map((n) => `\${${n}}`);
    const lengthOf = weighted([3, varName], [1, pick('1', '@', '*')]);
    const length = (g.isBash ? weighted([3, lengthOf], [1, varName.map((n) => `${n}[@]`)]) : lengthOf).map(
      (n) => `\${#${n}}`,
    );
    if (depth <= 0) return weighted([6, short], [3, braced], [1, length]);

    const b = base(g, depth);
    const w = g.rule(inDq ? wordInBracesInDq : wordInBraces, depth);
    const pat = g.rule(inDq ? patternInBracesInDq : patternInBraces, depth);
    const withWord = seq(fc.constant('${'), b, pick(':-', '-', ':=', '=', ':+', '+', ':?', '?'), w, fc.constant('}'));
    const trim = seq(fc.constant('${'), b, pick('#', '##', '%', '%%'), pat, fc.constant('}'));
    const posix: Array<readonly [number, fc.Arbitrary<string>]> = [
      [8, short],
      [4, braced],
      [1, length],
      [4, withWord],
      [2, trim],
    ];
    if (!g.isBash) return weighted(...posix);

    const tight = g.rule(arithTight, depth - 1);
    const indirect = fc.tuple(varName, pick('', '', '*', '@', '[@]', '[*]')).map(([n, suffix]) => `\${!${n}${suffix}}`);
    const slice = fc
      .tuple(b, weighted([4, tight], [1, pick(' -1', '(-1)')]), fc.option(tight, { nil: undefined }))
      .map(([bb, off, len]) => `\${${bb}:${off}${len === undefined ? '' : `:${len}`}}`);
    const replace = fc
      .tuple(b, pick('/', '//', '/#', '/%'), pat, fc.option(w, { nil: undefined }))
      .map(([bb, op, p, r]) => `\${${bb}${op}${p}${r === undefined ? '' : `/${r}`}}`);
    const caseMod = seq(
      fc.constant('${'),
      b,
      pick('^', '^^', ',', ',,'),
      fc.option(pat, { nil: '' }),
      fc.constant('}'),
    );
    const transform = seq(fc.constant('${'), b, fc.constant('@'), pick('Q', 'E', 'P', 'A', 'a'), fc.constant('}'));
    return weighted(...posix, [1, indirect], [2, slice], [2, replace], [1, caseMod], [1, transform]);
  };
}

/** A parameter expansion in unquoted context. */
export const parameter = makeParameter(false);
/** A parameter expansion inside double quotes or an unquoted here-document body. */
export const parameterInDq = makeParameter(true);
