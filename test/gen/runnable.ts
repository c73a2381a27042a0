// Generator of runnable programs with their environments, for the behaviour property: input and
// output of a fix are run by bash (and dash) and compared. Programs only run builtins and `cat`,
// always end (loops are bounded, only f calls g), write nothing, and read variables in the
// roles runnable-refs.ts fixes. Lines end in LF, or CRLF for one program in eight.
import fc from 'fast-check';

import { arrayOf, type Dialect, pick, weighted } from './grammar.js';
import {
  ASSIGNED,
  arithmetic,
  NUMBER_INPUTS,
  NUMBER_VALUES,
  type RefContext,
  STRING_INPUTS,
  STRING_VALUES,
  stringRef,
} from './runnable-refs.js';

export interface Environment {
  /** `all set`, `some unset` or `none set`. */
  readonly label: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  /** Run as `bash -u FILE` (default) or `bash FILE`, with the script's own `set -u` taken out
   * (input and output alike: the fixed script where nounset is off). */
  readonly nounset?: boolean;
}

export interface RunnableCase {
  readonly dialect: Dialect;
  readonly program: string;
  /** The first one sets every input and passes three arguments. */
  readonly environments: readonly Environment[];
}

interface Ctx extends RefContext {
  /** CRLF line endings: no here-documents (their terminator line would end in `\r`). */
  readonly crlf: boolean;
  /** In f's body: may call g. */
  readonly mayCallG: boolean;
  readonly callsFunctions: boolean;
}

/** Joins parts so that a literal never extends the name of a `$NAME` before it (`$E2` + `a`). */
function glue(parts: readonly string[]): string {
  return parts.reduce((acc, p) => acc + (/\$[A-Za-z_]\w*$/.test(acc) && /^\w/.test(p) ? '-' : '') + p, '');
}

const LITERALS = ['a', 'é', '日本', '😀', '-', 'x.y', "'s q'", '"d q"', '\\$E1', "'$E1 ${V1}'", '%'];

function word(c: Ctx): fc.Arbitrary<string> {
  const ref = stringRef(c);
  const dqPart = weighted(
    [3, pick('a', ' ', 'é😀', "'", '#', '*', '\\"')],
    [4, ref],
    [1, ref.map((r) => `$(printf %s ${r})`)],
    [1, arithmetic.map((e) => `$(( ${e} ))`)],
  );
  return weighted(
    [4, pick(...LITERALS)],
    [6, ref],
    [5, fc.array(dqPart, { minLength: 1, maxLength: 4 }).map((ps) => `"${glue(ps)}"`)],
    [1, ref.map((r) => `$(printf '%s' "${r}")`)],
    [1, ref.map((r) => `\`printf %s ${r}\``)],
    [2, arithmetic.map((e) => `$((${e}))`)],
    [c.isBash ? 1 : 0, pick("$'a\\t$E1'", "$'\\u00e9'")],
    [1, fc.tuple(ref, pick('/', '', '-'), ref).map(([a, s, b]) => a + s + b)],
  );
}

const words = (c: Ctx, min = 0): fc.Arbitrary<string> =>
  fc.array(word(c), { minLength: min, maxLength: 4 }).map((ws) => ws.map((w) => ` ${w}`).join(''));

function heredoc(c: Ctx): fc.Arbitrary<string> {
  const ref = stringRef(c);
  const part = weighted(
    [3, pick('a', ' ', '"', "'", 'é', '日本', '\\$x', '#')],
    [3, ref],
    [1, arithmetic.map((e) => `$((${e}))`)],
    [1, ref.map((r) => `$(printf %s ${r})`)],
  );
  const line = fc.array(part, { maxLength: 5 }).map(glue);
  const raw = pick('$E1 ${V1}', '`x` $(y)', "it's", 'é 😀 $1', '');
  return fc
    .tuple(
      pick('<<EOF', '<< EOF', "<<'EOF'", '<<"EOF"', '<<\\EOF', '<<-EOF'),
      fc.array(weighted([3, line], [1, raw]), { minLength: 1, maxLength: 3 }),
    )
    .map(([op, lines]) => {
      const tab = op === '<<-EOF' ? '\t' : '';
      return `cat ${op}\n${lines.map((l) => `${tab}${l}\n`).join('')}${tab}EOF`;
    });
}

function condition(c: Ctx): fc.Arbitrary<string> {
  const w = word(c);
  return weighted(
    [3, w.map((x) => `[ -n ${x} ]`)],
    [2, fc.tuple(w, w).map(([a, b]) => `[ ${a} = ${b} ]`)],
    [1, pick(...NUMBER_INPUTS).map((n) => `[ "$${n}" -gt 2 ]`)],
    [c.isBash ? 2 : 0, fc.tuple(w, pick('a*', '*b', '?', "'a b'")).map(([a, p]) => `[[ ${a} == ${p} ]]`)],
    [c.isBash ? 1 : 0, arithmetic.map((e) => `(( ${e} ))`)],
    [1, pick('true', 'false')],
  );
}

function statement(c: Ctx, depth: number): fc.Arbitrary<string> {
  const body = depth > 0 ? statements(c, depth - 1) : simple(c);
  const loopBody = depth > 0 ? statements({ ...c, inLoop: true }, depth - 1) : simple({ ...c, inLoop: true });
  const nested = depth > 0 ? 1 : 0;
  return weighted(
    [8, simple(c)],
    [
      nested * 2,
      fc
        .tuple(condition(c), body, fc.option(body, { nil: null }))
        .map(([t, a, b]) => `if ${t}; then\n${a}\n${b === null ? '' : `else\n${b}\n`}fi`),
    ],
    [
      nested * 2,
      fc.tuple(word(c), body, body).map(([w, a, b]) => `case ${w} in\n  a*|'a b')\n${a}\n  ;;\n  *)\n${b}\n  ;;\nesac`),
    ],
    [nested * 2, fc.tuple(words(c, 1), loopBody).map(([ws, b]) => `for w in${ws}; do\n${b}\ndone`)],
    [nested, body.map((b) => `c=0\nwhile [ "$c" -lt 2 ]; do\n  c=$((c + 1))\n${b}\ndone`)],
    [nested, body.map((b) => `(\n${b}\n)`)],
    [nested, body.map((b) => `{ ${b}\n}`)],
    [nested, body.map((b) => `{ ${b}\n} | cat`)],
  );
}

function simple(c: Ctx): fc.Arbitrary<string> {
  return weighted(
    [6, words(c).map((ws) => `printf '<%s>'${ws.length > 0 ? ws : " ''"}; echo`)],
    [2, words(c).map((ws) => `echo${ws}`)],
    [2, fc.tuple(pick(...ASSIGNED), word(c)).map(([n, w]) => `${n}=${w}`)],
    [c.crlf ? 0 : 2, heredoc(c)],
    [c.isBash ? 1 : 0, word(c).map((w) => `cat <<< ${w}`)],
    [1, words(c, 1).map((ws) => `printf '%s\\n'${ws} | while read -r line; do printf '[%s]' "$line"; done; echo`)],
    [1, words(c, 1).map((ws) => `printf '%s\\n'${ws} | cat`)],
    [c.callsFunctions ? 2 : 0, fc.tuple(pick('f', 'g'), words(c)).map(([f, ws]) => `${f}${ws}`)],
    [c.mayCallG ? 2 : 0, words(c).map((ws) => `g${ws}`)],
    [c.isBash ? 1 : 0, arithmetic.map((e) => `(( ${e} )) && echo yes || echo no`)],
    [1, fc.tuple(word(c), pick('# é 😀 $E1 `x`', '# "q"')).map(([w, note]) => `: ${w} ${note}`)],
    [1, pick('true', 'false', ':')],
  );
}

function statements(c: Ctx, depth: number): fc.Arbitrary<string> {
  return arrayOf(statement(c, depth), 1, [3, 2, 1]).map((ss) => ss.join('\n'));
}

// A line ending in a reserved word or operator gets ` #` before its `\r`, which would otherwise
// end the word (`fi\r` is no `fi`); other lines keep `\r` as the last word's last character.
const ENDS_IN_SYNTAX = /(?:^|[\s;|&])(?:then|else|fi|do|done|in|esac|;;|\{|\}|\(|\)|[^\s]*\)|[^\s]*\(\))$/;

function toCrlf(text: string): string {
  return text
    .split('\n')
    .map((line, k, all) =>
      k === all.length - 1
        ? line
        : ENDS_IN_SYNTAX.test(line) || /^(?:set|local|arr=|c=0)/.test(line.trim())
          ? `${line} #\r`
          : `${line}\r`,
    )
    .join('\n');
}

function program(dialect: Dialect, crlf: boolean): fc.Arbitrary<string> {
  const isBash = dialect === 'bash';
  const top: Ctx = { isBash, crlf, inLoop: false, afterPrelude: true, mayCallG: false, callsFunctions: true };
  const inFunction: Ctx = { ...top, callsFunctions: false };
  const early = word({ ...top, afterPrelude: false, callsFunctions: false });
  const prelude = fc.tuple(early, early).map(([a, b]) => `V1=${a}\nV2=${b}${isBash ? "\narr=(a 'b c' é)" : ''}`);
  const functions = fc
    .tuple(statements(inFunction, 1), statements({ ...inFunction, mayCallG: true }, 1))
    .map(([g, f]) => `g() {\n  local l="$1"\n  printf '{%s}' "$l"\n${g}\n}\nf() {\n${f}\n}`);
  return fc
    .tuple(
      pick('', isBash ? '#!/bin/bash\n' : '#!/bin/sh\n'),
      pick('', 'set -u\n', '# a header comment: é 😀\nset -u\n'),
      prelude,
      functions,
      statements(top, 2),
      pick('', '\nprintf "end\\n"'),
    )
    .map(([shebang, set, pre, fns, body, end]) => `${shebang}${set}${pre}\n${fns}\n${body}${end}\n`)
    .map((text) => (crlf ? toCrlf(text) : text));
}

function environments(): fc.Arbitrary<Environment[]> {
  const names = [...STRING_INPUTS, ...NUMBER_INPUTS];
  const arbitraryOf = (n: string): fc.Arbitrary<string> =>
    (NUMBER_INPUTS as readonly string[]).includes(n) ? pick(...NUMBER_VALUES) : pick(...STRING_VALUES);
  const all = fc
    .tuple(...names.map(arbitraryOf))
    .map((vs) => Object.fromEntries(names.map((n, k) => [n, vs[k] ?? ''])));
  const args = (min: number, max: number): fc.Arbitrary<string[]> =>
    fc.array(pick(...STRING_VALUES), { minLength: min, maxLength: max });
  return fc
    .tuple(all, args(3, 3), fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }), args(0, 2))
    .map(([vars, allArgs, keep, someArgs]) => [
      { label: 'all set', vars, args: allArgs },
      { label: 'some unset', vars: Object.fromEntries(Object.entries(vars).filter((_, k) => keep[k])), args: someArgs },
      { label: 'none set', vars: {}, args: [] },
    ]);
}

/** Runnable programs (one in eight with CRLF line endings) with three environments each. */
export function runnableCaseArbitrary(dialect: Dialect): fc.Arbitrary<RunnableCase> {
  const text = weighted([7, program(dialect, false)], [1, program(dialect, true)]);
  return fc.tuple(text, environments()).map(([program, environments]) => ({ dialect, program, environments }));
}
