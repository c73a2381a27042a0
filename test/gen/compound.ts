// Compound commands: `{ }`, `( )`, if, while/until, for, C-style for, select, case, `(( ))`,
// `[[ ]]`, and function definitions. Bodies are lists one level shallower.
import fc from 'fast-check';

import { arithExpr } from './arith.js';
import { redirection } from './commands.js';
import {
  arrayOf,
  blank,
  FUNC_NAMES,
  type Grammar,
  pick,
  type Rule,
  repeat,
  seq,
  varName,
  weighted,
} from './grammar.js';
import { afterKeyword, list, terminatedList } from './programs.js';
import { FLUSH_BODIES, hasPendingBodies, NEWLINE } from './render.js';
import { conditionWord, patternWord, regexWord, word } from './words.js';

const UNARY_TESTS = ['-n', '-z', '-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-v'];
const BINARY_TESTS = ['=', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'];

/** mvdan-sh 0.10.1 misses a pending here-document body after `(`, `case` or `[[ -n x ]]`. */
function flush(g: Grammar): string {
  return g.withMvdanGaps ? '' : FLUSH_BODIES;
}

/** What may sit between `for x in words` (or `for x`) and `do`. */
const beforeDo = pick('; ', `;${NEWLINE}`, NEWLINE, ' ; ');

/** The inside of `[[ ]]`: `!`, `&&`, `||`, `( )`, unary and binary tests, `=~`. */
const condition: Rule = function condition(g, depth) {
  const w = g.rule(conditionWord, depth);
  const primary = weighted(
    [3, seq(pick(...UNARY_TESTS), fc.constant(' '), w)],
    [3, seq(w, fc.constant(' '), pick(...BINARY_TESTS), fc.constant(' '), w)],
    [2, seq(w, fc.constant(' '), pick('==', '!=', '='), fc.constant(' '), g.rule(patternWord, depth))],
    [2, seq(w, fc.constant(' =~ '), g.rule(regexWord, depth))],
    [1, w],
  );
  const group = depth > 0 ? g.rule(condition, depth - 1).map((c) => `( ${c} )`) : primary;
  const operand = weighted([6, primary], [1, primary.map((p) => `! ${p}`)], [1, group]);
  const step = fc.tuple(pick(' && ', ' || '), operand);
  return fc
    .tuple(operand, arrayOf(step, 0, [4, 2, 1]))
    .map(([first, rest]) => rest.reduce((acc, [op, o]) => acc + op + o, first));
};

function caseClause(g: Grammar, depth: number): fc.Arbitrary<string> {
  const patterns = fc
    .tuple(pick('', '', '('), arrayOf(g.rule(patternWord, depth), 1, [4, 2, 1]), pick('|', ' | '))
    .map(([open, ps, bar]) => `${open}${ps.join(bar)})`);
  const terminators = g.isBash ? pick(';;', ';;', ';;', ';&', ';;&') : fc.constant(';;');
  const body = weighted([1, fc.constant('')], [4, g.rule(list, depth - 1)]);
  const gap = pick(' ', NEWLINE);
  // mvdan-sh 0.10.1 misses a here-document body pending at `;;` or `esac`: end its line first.
  const close = (b: string, gap: string): string => (!g.withMvdanGaps && hasPendingBodies(b) ? NEWLINE : gap);
  const item = fc
    .tuple(patterns, pick(' ', '', NEWLINE), body, gap, terminators, gap)
    .map(([p, s, b, g1, t, g2]) => `${p}${b === '' ? ' ' : s}${b}${close(b, g1)}${t}${g2}`);
  // The last clause may omit its terminator; then its body must end with one.
  const openLast = fc
    .tuple(patterns, pick(' ', NEWLINE), weighted([1, fc.constant('')], [3, g.rule(terminatedList, depth - 1)]), gap)
    .map(([p, s, b, g1]) => `${p}${s}${b}${b === '' ? g1 : close(b, '')}`);
  return fc
    .tuple(g.rule(word, depth), afterKeyword, arrayOf(item, 0, [1, 4, 2, 1]), fc.option(openLast, { nil: '' }))
    .map(([w, s, items, last]) => `${flush(g)}case ${w} in${s}${items.join('')}${last}esac`);
}

function forLoop(g: Grammar, depth: number, keyword: 'for' | 'select'): fc.Arbitrary<string> {
  const words = arrayOf(g.rule(word, depth), 0, [1, 3, 2, 1]).map((ws) => ws.map((w) => ` ${w}`).join(''));
  const header = weighted(
    [4, seq(fc.constant(' in'), words, beforeDo)],
    [1, beforeDo],
    [keyword === 'for' ? 1 : 0, fc.constant(' ')],
  );
  // dash 0.5 rejects `for x in w` + newline while a here-document is pending.
  const start = g.isBash ? `${keyword} ` : `${FLUSH_BODIES}${keyword} `;
  return seq(fc.constant(start), varName, header, doGroup(g, depth));
}

function doGroup(g: Grammar, depth: number): fc.Arbitrary<string> {
  return seq(fc.constant('do'), afterKeyword, g.rule(terminatedList, depth - 1), fc.constant('done'));
}

function cStyleFor(g: Grammar, depth: number): fc.Arbitrary<string> {
  const part = fc.option(g.rule(arithExpr, depth - 1), { nil: '' });
  const body = weighted([3, doGroup(g, depth)], [1, braceGroup(g, depth)]);
  return fc
    .tuple(part, part, part, blank, pick('; ', `;${NEWLINE}`, NEWLINE, ' '), body)
    .map(([a, b, c, s, sep, d]) => `for ((${s}${a};${s}${b};${s}${c}${s}))${sep}${d}`);
}

function braceGroup(g: Grammar, depth: number): fc.Arbitrary<string> {
  return seq(fc.constant('{'), afterKeyword, g.rule(terminatedList, depth - 1), fc.constant('}'));
}

function ifCommand(g: Grammar, depth: number): fc.Arbitrary<string> {
  const body = g.rule(terminatedList, depth - 1);
  const thenPart = seq(body, fc.constant('then'), afterKeyword, body);
  const elifs = repeat(seq(fc.constant('elif '), thenPart), 0, [6, 2, 1]);
  const elsePart = fc.option(seq(fc.constant('else'), afterKeyword, body), { nil: '' });
  return seq(fc.constant('if '), thenPart, elifs, elsePart, fc.constant('fi'));
}

/** A compound command, possibly followed by redirections. */
export const compoundCommand: Rule = function compoundCommand(g, depth) {
  const inner = g.rule(list, depth - 1);
  const subshell = fc
    .tuple(pick('', ' ', NEWLINE), inner, pick('', ' '))
    .map(([s, l, t]) => `${flush(g)}(${s === '' && /^\uE004?\(/.test(l) ? ' ' : s}${l}${t})`);
  const loop = seq(pick('while ', 'until '), g.rule(terminatedList, depth - 1), doGroup(g, depth));
  const arith = fc.tuple(blank, g.rule(arithExpr, depth - 1)).map(([s, e]) => `((${s}${e}${s}))`);
  const test = g.rule(condition, depth - 1).map((c) => `${flush(g)}[[ ${c} ]]`);
  const bash = g.isBash ? 1 : 0;
  const command = weighted(
    [4, braceGroup(g, depth)],
    [3, subshell],
    [4, ifCommand(g, depth)],
    [2, loop],
    [2, forLoop(g, depth, 'for')],
    [bash, forLoop(g, depth, 'select')],
    [2 * bash, cStyleFor(g, depth)],
    [3, caseClause(g, depth)],
    [2 * bash, arith],
    [3 * bash, test],
  );
  const redirects = repeat(
    g.rule(redirection, depth - 1).map((r) => ` ${r}`),
    1,
    [3, 1],
  );
  return seq(command, weighted([4, fc.constant('')], [1, redirects]));
};

/** `f() { ...; }`, `f () ( ... )`, `function f { ...; }`, with an optional redirection. */
export const functionDefinition: Rule = function functionDefinition(g, depth) {
  const name = pick(...FUNC_NAMES);
  const body = weighted([6, braceGroup(g, depth)], [1, g.rule(compoundCommand, depth)]);
  const posix = seq(name, pick('()', ' ()', '( )'), pick(' ', NEWLINE), body);
  if (!g.isBash) return posix;
  // mvdan-sh 0.10.1 rejects `function f ( ... )`, so the keyword form without `()` gets braces.
  const keyword = seq(fc.constant('function '), name, fc.constant(' '), g.withMvdanGaps ? body : braceGroup(g, depth));
  const both = seq(fc.constant('function '), name, pick('()', ' ()'), fc.constant(' '), body);
  return weighted([4, posix], [1, keyword], [1, both]);
};
