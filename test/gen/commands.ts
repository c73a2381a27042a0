// Simple commands: assignments, arguments, redirections (here-documents included),
// declaration builtins with arrays and `let`.
import fc from 'fast-check';

import { arithTight, letArgument } from './arith.js';
import { arrayOf, blank, COMMANDS, type Grammar, pick, type Rule, repeat, seq, varName, weighted } from './grammar.js';
import { parameterInDq } from './params.js';
import { subProgram } from './programs.js';
import { FLUSH_BODIES, heredocFragment, LET_END } from './render.js';
import { assignValue, backquoted, elementValue, simpleCommandText, word } from './words.js';

const DELIMITERS = ['EOF', 'END', 'EOT', '_X1'];
const BODY_CHUNKS = ['a', 'x', ' ', '  ', '\t', '"', "'", '#', '(', ')', '{', '}', 'é', ';', '|', '<', '&', 'EO', '😀'];
const BODY_ESCAPES = ['\\$', '\\\\', '\\`', '\\a'];
const QUOTED_BODY_CHUNKS = ['a', '$x', '${x}', '\\', '`', '"', "'", '$(', '#', ' ', 'é', '\\$x', '$((1', '\t'];

/** Ways to write a delimiter; all but the first quote it, which turns off expansion in the body. */
function delimiterForms(name: string): string[] {
  return [name, `'${name}'`, `"${name}"`, `\\${name}`, `${name.slice(0, 1)}"${name.slice(1)}"`];
}

function unquotedBodyLine(g: Grammar, depth: number): fc.Arbitrary<string> {
  // Depth 1 at most: no program (and so no nested here-document) inside a body.
  const param = g.rule(parameterInDq, Math.max(0, Math.min(1, depth - 1)));
  const part = weighted(
    [5, pick(...BODY_CHUNKS)],
    [1, pick(...BODY_ESCAPES)],
    [4, param],
    [1, simpleCommandText.map((c) => `$(${c})`)],
    [1, backquoted],
    [1, g.rule(arithTight, 0).map((e) => `$((${e}))`)],
  );
  // `  $F` at a line's start: an expansion after leading blanks (and, with <<-, tabs).
  return weighted(
    [4, repeat(part, 0, [1, 3, 3, 2, 1])],
    [1, seq(pick('  ', ' ', '\t '), param, repeat(part, 0, [2, 2, 1]))],
  );
}

/** `<<EOF` / `<<-EOF` with a body; the body is placed after the line by `renderProgram`. */
export const heredoc: Rule = function heredoc(g, depth) {
  const quotedLine = repeat(pick(...QUOTED_BODY_CHUNKS), 0, [1, 3, 3, 2, 1]);
  const unquotedLine = unquotedBodyLine(g, depth);
  const variant = fc.oneof(
    fc.tuple(fc.constant(false), fc.constant(0), arrayOf(unquotedLine, 0, [1, 3, 2, 1])),
    fc.tuple(fc.constant(true), fc.integer({ min: 1, max: 4 }), arrayOf(quotedLine, 0, [1, 3, 2, 1])),
  );
  const tabs = pick('', '\t', '\t\t');
  return fc
    .tuple(pick('<<', '<<-'), blank, pick(...DELIMITERS), variant, fc.array(tabs, { minLength: 4, maxLength: 4 }))
    .map(([op, space, name, [, form, lines], tabsPerLine]) => {
      const stripTabs = op === '<<-';
      // A body line equal to the delimiter would end the document early.
      const isDelimiter = (l: string): boolean => (stripTabs ? l.replace(/^\t*/, '') : l) === name;
      const body = lines.map((line, k) => {
        const indented = (stripTabs ? (tabsPerLine[k] ?? '') : '') + line;
        return indented.split('\n').some(isDelimiter) ? 'x' : indented;
      });
      const terminator = (stripTabs ? (tabsPerLine[3] ?? '') : '') + name;
      const text = [...body, terminator].map((l) => `${l}\n`).join('');
      return heredocFragment(`${op}${space}${delimiterForms(name)[form] ?? name}`, text);
    });
};

/** Any redirection, with an optional fd: `>f`, `2>&1`, `<<<w`, `&>f`, `{fd}>f`, here-documents. */
export const redirection: Rule = function redirection(g, depth) {
  // bash 5.2 rejects `>a &>>b=c cmd`: a target that looks like an assignment gets a `./`.
  const target = g.rule(word, depth).map((w) => (/^[A-Za-z_]\w*(\[[^\]]*\])?\+?=/.test(w) ? `./${w}` : w));
  // dash reads only one digit as an fd: `{ x; } 10>f` is a syntax error there.
  const numbered = g.isBash ? pick('', '', '1', '2', '0', '3', '10') : pick('', '', '1', '2', '0', '3');
  const fd = g.isBash ? weighted([12, numbered], [1, fc.constant('{fd}')]) : numbered;
  // `> >(cat)` and `< <(cat)` need the blank, or the operator would change.
  const file = fc
    .tuple(fd, pick('>', '>>', '<', '<>', '>|'), blank, target)
    .map(([n, op, s, t]) => `${n}${op}${/^[<>]/.test(t) ? ' ' : s}${t}`);
  const dup = seq(fd, pick('>&', '<&'), blank, pick('0', '1', '2', '-'));
  const both = fc.tuple(pick('&>', '&>>'), blank, target).map(([op, s, t]) => `${op}${/^[<>]/.test(t) ? ' ' : s}${t}`);
  const hereString = fc.tuple(blank, target).map(([s, t]) => `<<<${/^[<>]/.test(t) ? ' ' : s}${t}`);
  return weighted(
    [6, file],
    [3, dup],
    [3, g.rule(heredoc, depth)],
    [g.isBash ? 1 : 0, both],
    [g.isBash ? 2 : 0, hereString],
  );
};

/** `name=value` (bash: also `name+=value`), as found before a command name. */
const prefixAssignment: Rule = function prefixAssignment(g, depth) {
  return fc
    .tuple(varName, g.isBash ? pick('=', '=', '+=') : fc.constant('='), g.rule(assignValue, depth))
    .map(([name, op, value]) => name + op + appendedValue(g, op, value));
};

/** mvdan-sh 0.10.1 ends a valueless `a+=` one character early (at `+`); give it a value. */
function appendedValue(g: Grammar, op: string, value: string): string {
  return op === '+=' && value === '' && !g.withMvdanGaps ? 'x' : value;
}

/** An assignment standing alone: bash adds `a[i]=value`. */
export const assignment: Rule = function assignment(g, depth) {
  if (!g.isBash) return g.rule(prefixAssignment, depth);
  const index = g.rule(arithTight, Math.max(0, depth - 1)).map((e) => `[${e}]`);
  const indexed = fc
    .tuple(varName, index, pick('=', '+='), g.rule(assignValue, depth))
    .map(([name, i, op, value]) => name + i + op + appendedValue(g, op, value));
  return weighted([4, g.rule(prefixAssignment, depth)], [1, indexed]);
};

/** `(a [1]=b c)`: an array value (bash). */
export const arrayValue: Rule = function arrayValue(g, depth) {
  // A plain element starting with `[` would read as a subscript. mvdan-sh 0.10.1 rejects
  // a `=` in elements (`a=(=x)`, `a=([i]==x)`, `a=($x=)`) and a glob `[ab]` (`a=(x[ab])`).
  const gaps = g.withMvdanGaps;
  const value = g.rule(elementValue, depth).filter((w) => gaps || !w.includes('='));
  const plain = value.filter((w) => w !== '' && !/^[[#<>]/.test(w)).map((w) => (gaps ? w : w.replaceAll('[ab]', 'ab')));
  const key = weighted([3, g.rule(arithTight, 0)], [1, pick('"k"', "'k'", '$x')]);
  const keyed = fc.tuple(key, value).map(([k, v]) => `[${k}]=${gaps ? v : v.replaceAll('[ab]', 'ab')}`);
  return fc
    .tuple(blank, arrayOf(weighted([3, plain], [1, keyed]), 0, [1, 3, 2, 1]), blank)
    .map(([s, elems, t]) => `(${s}${elems.join(' ')}${t})`);
};

/** An assignment that can stand alone or follow `declare`: arrays allowed (bash). */
export const declaredAssignment: Rule = function declaredAssignment(g, depth) {
  if (!g.isBash) return g.rule(assignment, depth);
  const array = seq(varName, pick('=', '=', '+='), g.rule(arrayValue, depth));
  return weighted([3, g.rule(assignment, depth)], [1, array]);
};

/** `declare -a a=(1 2)`, `local x`, `export FOO=$x`, `readonly x=1`. */
const declaration: Rule = function declaration(g, depth) {
  const arg = weighted([1, varName], [3, g.rule(declaredAssignment, depth)]);
  const args = arrayOf(arg, 1, [4, 2, 1]).map((xs) => xs.map((x) => ` ${x}`).join(''));
  if (!g.isBash) return seq(pick('export', 'readonly'), args);
  const flags = pick('', '', ' -a', ' -A', ' -i', ' -r', ' -x', ' -g', ' -ga', ' -r -x');
  return seq(pick('declare', 'typeset', 'local', 'export', 'readonly'), flags, args);
};

/** Separator between the words of a command: mostly a blank, sometimes a line continuation. */
const wordSeparator = weighted([20, fc.constant(' ')], [1, pick(' \\\n', ' \\\n  ', '\\\n ')]);

// mvdan-sh 0.10.1 ends `$x` or `$@` just before `\<newline>` one or three characters late.
const ENDS_WITH_SHORT_PARAM = /\$(?:[A-Za-z_]\w*|[0-9@*#?$!-])$/;

function joinWords(g: Grammar, words: readonly string[], seps: readonly string[]): string {
  let out = '';
  words.forEach((w, k) => {
    if (k === 0 || w === LET_END || w === '') {
      out += w;
      return;
    }
    const sep = seps[k] ?? ' ';
    out += (sep.startsWith('\\') && !g.withMvdanGaps && ENDS_WITH_SHORT_PARAM.test(out) ? ' \\\n' : sep) + w;
  });
  return out;
}

/** A simple command; never empty, never starting with a reserved word. */
export const simpleCommand: Rule = function simpleCommand(g, depth) {
  const redirect = g.rule(redirection, depth);
  // mvdan-sh 0.10.1 rejects `a[i]=v cmd` ("inline variables cannot be arrays").
  const prefixItem = weighted([3, g.rule(g.withMvdanGaps ? assignment : prefixAssignment, depth)], [1, redirect]);
  const arg = weighted([5, g.rule(word, depth)], [1, redirect]);
  const named = fc
    .tuple(arrayOf(prefixItem, 0, [8, 3, 1]), pick(...COMMANDS), arrayOf(arg, 0, [3, 5, 3, 2, 1]))
    .map(([prefix, name, args]) => [...prefix, name, ...args]);
  const bare = arrayOf(prefixItem, 1, [4, 2, 1]);
  const standalone = arrayOf(g.rule(declaredAssignment, depth), 1, [3, 1]);
  const lets = arrayOf(g.rule(letArgument, depth), 1, [4, 2, 1]).map((xs) =>
    g.withMvdanGaps ? ['let', ...xs] : [`${FLUSH_BODIES}let`, ...xs, LET_END],
  );
  const test = arrayOf(g.rule(word, depth), 0, [2, 3, 1]).map((xs) => ['[', '-n', ...xs, ']']);
  const words = weighted([12, named], [2, bare], [g.isBash ? 1 : 0, standalone], [g.isBash ? 1 : 0, lets], [1, test]);
  const command = fc
    .tuple(words, fc.array(wordSeparator, { minLength: 8, maxLength: 8 }))
    .map(([ws, seps]) => joinWords(g, ws, seps));
  // `trap 'CODE' EXIT`: code bash parses when the trap fires; nounset edits inside the quotes.
  const trapped =
    depth > 0
      ? g
          .rule(subProgram, depth - 1)
          .filter((code) => !code.includes("'") && code.trim() !== '')
          .map((code) => `trap '${code}' EXIT`)
      : null;
  return weighted([40, command], [8, g.rule(declaration, depth)], [1, trapped]);
};
