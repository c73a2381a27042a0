// Words: literals, escapes, quotes, expansions and substitutions glued together. Literals
// come in chunks that are safe next to any other part; a word never starts with `#`.
import fc from 'fast-check';

import { arithExpr } from './arith.js';
import { arrayOf, blank, COMMANDS, type Grammar, pick, type Rule, repeat, seq, weighted } from './grammar.js';
import { parameter, parameterInDq } from './params.js';
import { subProgram } from './programs.js';

const UNQUOTED_CHUNKS = [
  'a',
  'b',
  'x',
  'FOO',
  'n',
  '1',
  '0',
  '42',
  '-',
  '.',
  '/',
  ':',
  '=',
  '+',
  '@',
  '%',
  '~',
  '_',
  ',',
  '#',
  '*',
  '?',
  '{a,b}',
  '[ab]',
  '!',
  '^',
  'é',
  '日本',
  '😀',
];
const ESCAPED = [
  '$',
  '"',
  "'",
  '\\',
  '#',
  ' ',
  '(',
  ')',
  ';',
  '&',
  '|',
  '<',
  '>',
  '*',
  '?',
  '[',
  '{',
  '}',
  '~',
  '!',
  'a',
  'n',
  '`',
];
const SINGLE_QUOTED_CHUNKS = [
  'a',
  'x',
  ' ',
  '"',
  '$x',
  '${x}',
  '\\',
  '#',
  '`',
  '$(echo)',
  'é',
  '\n',
  '😀',
  ';',
  '\t',
  '/',
];
const ANSI_CHUNKS = ['a', ' ', '"', '$x', '\\n', '\\t', '\\\\', "\\'", '\\x41', '\\e', '\\0', 'é', '#', '`'];
const DOUBLE_QUOTED_CHUNKS = [
  'a',
  'b',
  'x',
  ' ',
  '  ',
  '\t',
  "'",
  '#',
  '*',
  '{',
  '(',
  ')',
  ';',
  '&',
  '|',
  '<',
  '>',
  '~',
  '!',
  '=',
  '/',
  'é',
  '\n',
  ':',
  '@',
  '-',
  '😀',
];
const DOUBLE_QUOTED_ESCAPES = ['\\$', '\\"', '\\\\', '\\`', '\\a', '\\#', '\\{'];
const SIMPLE_ARGS = ['a', 'x', '-n', '1', 'FOO', '/tmp', '$x', '${x}', '$1', '$FOO/$x', '${#n}'];

export const unquotedLiteral = repeat(pick(...UNQUOTED_CHUNKS), 1, [4, 2, 1]);
export const singleQuoted = repeat(pick(...SINGLE_QUOTED_CHUNKS), 0, [1, 3, 2, 1, 1]).map((s) => `'${s}'`);
const ansiQuoted = repeat(pick(...ANSI_CHUNKS), 0, [1, 3, 2, 1, 1]).map((s) => `$'${s}'`);
const escaped = pick(...ESCAPED).map((c) => `\\${c}`);
/** A line continuation inside a literal: `a\<newline>b`. */
const continuedLiteral = fc
  .tuple(pick('a', 'x', 'FOO', '-', '.'), pick('b', 'x', '1', '/', '-'))
  .map(([l, r]) => `${l}\\\n${r}`);

/** A command with plain arguments, as found in backquotes and in here-document bodies. */
export const simpleCommandText = fc
  .tuple(
    pick(...COMMANDS),
    repeat(
      pick(...SIMPLE_ARGS).map((a) => ` ${a}`),
      0,
      [2, 2, 1],
    ),
  )
  .map(([c, args]) => c + args);
export const backquoted = simpleCommandText.map((c) => `\`${c}\``);

/** `$( )`, backquotes, `$(( ))` and (bash) `$[ ]`. */
export const substitution: Rule = function substitution(g, depth) {
  if (depth <= 0) return backquoted;
  const program = g.rule(subProgram, depth - 1);
  const command = fc
    .tuple(blank, program, pick('', ' ', '\n'))
    .map(([pad, p, end]) => `$(${pad === '' && p.startsWith('(') ? ' ' : pad}${p}${end})`);
  const arith = fc.tuple(blank, g.rule(arithExpr, depth - 1)).map(([s, e]) => `$((${s}${e}${s}))`);
  const oldArith = g.rule(arithExpr, depth - 1).map((e) => `$[${e}]`);
  return weighted([4, command], [2, backquoted], [3, arith], [g.isBash ? 1 : 0, oldArith]);
};

/** `<( )` or `>( )` (bash), a word of its own. */
export const processSubstitution: Rule = function processSubstitution(g, depth) {
  return fc
    .tuple(pick('<(', '>('), g.rule(subProgram, depth - 1))
    .map(([op, p]) => `${op}${p.startsWith('(') ? ' ' : ''}${p})`);
};

/** `"..."`, biased toward expansions right after blanks (`"$A  $B"`). */
export const doubleQuoted: Rule = function doubleQuoted(g, depth) {
  const param = g.rule(parameterInDq, depth);
  const part = weighted(
    [4, pick(...DOUBLE_QUOTED_CHUNKS)],
    [1, pick(...DOUBLE_QUOTED_ESCAPES)],
    [4, param],
    [2, seq(pick(' ', '  ', '\t'), param)],
    [depth > 0 ? 2 : 0, g.rule(substitution, depth)],
    [depth > 0 ? 0 : 1, backquoted],
  );
  return repeat(part, 0, [1, 4, 4, 2, 1]).map((s) => `"${s}"`);
};

/** A piece of an unquoted word, and whether it is a plain literal (unquoted text or escape). */
type Part = readonly [text: string, isLiteral: boolean];

function literal(arb: fc.Arbitrary<string>): fc.Arbitrary<Part> {
  return arb.map((text) => [text, true] as const);
}

function nonLiteral(arb: fc.Arbitrary<string>): fc.Arbitrary<Part> {
  return arb.map((text) => [text, false] as const);
}

function wordPart(g: Grammar, depth: number, withEscapes = true): fc.Arbitrary<Part> {
  const param = g.rule(parameter, depth);
  // Expansions glued to literals and to each other: `$FOO/$BAR/`, `${x}a$y`, `$DIR/x/$1#`.
  const hash = g.withMvdanGaps ? '#' : '\\#';
  const glued = fc
    .tuple(param, pick('/', '', '-', '.', 'x/', ':'), param, pick('/', '', hash, 'a'))
    .map(([p, s, q, t]) => p + s + q + t);
  return weighted(
    [6, literal(unquotedLiteral)],
    [withEscapes ? 1 : 0, literal(escaped)],
    [1, literal(continuedLiteral)],
    [2, nonLiteral(singleQuoted)],
    [3, nonLiteral(g.rule(doubleQuoted, depth))],
    [g.isBash ? 1 : 0, nonLiteral(ansiQuoted)],
    [g.isBash ? 1 : 0, nonLiteral(g.rule(doubleQuoted, depth).map((s) => `$${s}`))],
    [5, nonLiteral(param)],
    [2, nonLiteral(glued)],
    [depth > 0 ? 2 : 0, nonLiteral(g.rule(substitution, depth))],
  );
}

/**
 * Joins parts; a word never starts with `#` (a comment). mvdan-sh 0.10.1 also starts a comment
 * at a `#` right after a quote or expansion (`$x#y`, `"a"#b`, and `$xa#` where `a` extends the
 * name), where bash reads a literal; so literals after those get their `#`s escaped.
 */
function joinParts(g: Grammar, parts: readonly Part[]): string {
  let out = '';
  let seenNonLiteral = false;
  for (const [text, isLiteral] of parts) {
    if (out === '' && text.startsWith('#')) out += `\\${text}`;
    else if (isLiteral && seenNonLiteral && !g.withMvdanGaps) out += text.replaceAll('#', '\\#');
    else out += text;
    seenNonLiteral ||= !isLiteral;
  }
  return out;
}

/** An unquoted word in argument position. */
export const word: Rule = function word(g, depth) {
  const plain = arrayOf(wordPart(g, depth), 1, [6, 3, 1]).map((parts) => joinParts(g, parts));
  if (!g.isBash || depth <= 0) return plain;
  return weighted([12, plain], [1, g.rule(processSubstitution, depth)]);
};

/** The right side of `name=`: may be empty; `#` and `~` right after `=` are literal. */
export const assignValue: Rule = function assignValue(g, depth) {
  return arrayOf(wordPart(g, depth), 0, [1, 6, 3, 1]).map((parts) => joinParts(g, parts));
};

/** An array element value: no escapes, which bash 5.2 misparses there inside `$( )` (`a=(a\;)`). */
export const elementValue: Rule = function elementValue(g, depth) {
  return arrayOf(wordPart(g, depth, false), 0, [1, 6, 3, 1]).map((parts) => joinParts(g, parts));
};

const CONDITION_CHUNKS = ['a', 'x', 'FOO', '1', '.', '/', '_', ':', 'é', 'a.b'];

/** An operand of `[[ ]]`: never starts like an operator (`-n`, `!`, `(`), never `]]`. */
export const conditionWord: Rule = function conditionWord(g, depth) {
  const part = weighted(
    [4, repeat(pick(...CONDITION_CHUNKS), 1, [2, 1])],
    [1, singleQuoted],
    [2, g.rule(doubleQuoted, depth)],
    [4, g.rule(parameter, depth)],
    [depth > 0 ? 1 : 0, g.rule(substitution, depth)],
  );
  return repeat(part, 1, [6, 3, 1]);
};

/** A glob pattern operand of `[[ x == p ]]` and of case items. */
export const patternWord: Rule = function patternWord(g, depth) {
  const part = weighted(
    [4, repeat(pick(...CONDITION_CHUNKS, '*', '?', '[ab]', '[!a]'), 1, [2, 1])],
    [1, singleQuoted],
    [1, g.rule(doubleQuoted, depth)],
    [2, g.rule(parameter, depth)],
  );
  return repeat(part, 1, [6, 3, 1]);
};

/** A regular expression operand of `[[ x =~ re ]]`, optionally anchored with `$`. */
export const regexWord: Rule = function regexWord(g, depth) {
  const chunk = pick('a', 'x', '.', '*', '+', '?', '[a-z]', '[[:alpha:]]', '(a|b)', '{2}', '\\.', '-', '/');
  const part = weighted([6, chunk], [1, singleQuoted], [1, g.rule(doubleQuoted, depth)], [2, g.rule(parameter, depth)]);
  return fc
    .tuple(pick('^', 'a', ''), repeat(part, 1, [4, 2, 1]), pick('', '', '$'))
    .map(([head, body, tail]) => head + body + tail);
};
