// Generator of syntactically valid bash / POSIX sh programs, as source text.
//
// The rules are split by topic: words.ts, params.ts, arith.ts, commands.ts, compound.ts; this
// module holds lists, pipelines and the entry point. Every rule takes a depth that decreases
// through compound commands and substitutions, so generation and shrinking terminate.
import fc from 'fast-check';

import { simpleCommand } from './commands.js';
import { compoundCommand, functionDefinition } from './compound.js';
import {
  arrayOf,
  createGrammar,
  type Dialect,
  type Grammar,
  pick,
  type Rule,
  repeat,
  seq,
  weighted,
} from './grammar.js';
import { FLUSH_BODIES, LET_END, NEWLINE, renderProgram } from './render.js';

export type { Dialect } from './grammar.js';

export interface ProgramOptions {
  readonly dialect?: Dialect;
  /** Nesting depth of compound commands and substitutions; default 3. */
  readonly maxDepth?: number;
  /** Most statements at the top level; default 8. Fewer keep programs small (and mvdan-sh quick). */
  readonly maxStatements?: number;
  /**
   * Also generate valid constructs that mvdan-sh 0.10.1 rejects or reads differently from bash
   * (see the README of test/gen); off by default so that the oracle property can hold.
   */
  readonly withMvdanGaps?: boolean;
}

// mvdan-sh 0.10.1 continues a comment that ends in a backslash onto the next line.
const COMMENT_TEXT = ['', 'note', "it's", '"q"', '$x ${y}', '`x`', '\\ x', '( )', 'EOF', 'é 😀', '#'];
const comment = repeat(pick(...COMMENT_TEXT), 1, [3, 2, 1], ' ').map((t) => `#${t}`);
const indent = pick('', '', '  ', '\t');
const newlines = seq(fc.constant(NEWLINE), weighted([6, fc.constant('')], [1, fc.constant(NEWLINE)]), indent);

/** After `then`, `do`, `else`, `{`, `in`: a blank, a newline or a comment and a newline. */
export const afterKeyword = weighted(
  [5, fc.constant(' ')],
  [3, newlines],
  [1, seq(fc.constant(' '), comment, newlines)],
);

/** Ends a statement; always leaves a blank or a newline so that no operator glues on. */
const separator = weighted(
  [4, fc.constant('; ')],
  [1, pick(' ; ', `;${NEWLINE}`)],
  [2, pick(' & ', '& ', `&${NEWLINE}`)],
  [6, newlines],
  [2, seq(fc.constant(' '), comment, newlines)],
);

const andOrOperator = weighted(
  [6, pick(' && ', ' || ')],
  [1, pick('&&', '||')],
  [1, seq(pick(' &&', ' ||'), newlines)],
);

/** `next` (an operator or separator) made safe to follow `left`; see LET_END. */
function follow(left: string, next: string): string {
  if (!left.endsWith(LET_END)) return next;
  if (next.includes('#')) return NEWLINE;
  if (next.trim() === '|&') return ' | ';
  return next.startsWith(' ') || next.startsWith(NEWLINE) ? next : ` ${next}`;
}

/**
 * `op` then `operand`. A glued `|` before `&>f cmd` lexes as `|&` in bash (and in nounset);
 * mvdan-sh 0.10.1 reads `|` then `&>f`, so the default generator keeps them apart.
 */
function joinOperand(g: Grammar, op: string, operand: string): string {
  return !g.withMvdanGaps && /[|&]$/.test(op) && operand.startsWith('&') ? `${op} ${operand}` : op + operand;
}

/** `! cmd` or `time cmd`; a FLUSH_BODIES marker moves before the prefix, where a newline may go. */
function prefixed(prefix: string, command: string): string {
  return command.startsWith(FLUSH_BODIES) ? FLUSH_BODIES + prefix + command.slice(1) : prefix + command;
}

const pipeline: Rule = function pipeline(g, depth) {
  const simple = g.rule(simpleCommand, depth);
  const command = weighted([8, simple], [3, depth > 0 ? g.rule(compoundCommand, depth) : null]);
  const pipe = g.isBash ? pick(' | ', ' | ', '|', ' |& ', ` |${NEWLINE}`) : pick(' | ', '|', ` |${NEWLINE}`);
  // bash 5.2 rejects `time { ...; }` and `time a=(1)` inside `$( )`, so `time` only
  // precedes simple commands without array values.
  const timed = fc.tuple(pick('time ', 'time -p '), simple).map(([t, c]) => (c.includes('=(') ? c : prefixed(t, c)));
  const first = weighted([10, command], [2, command.map((c) => prefixed('! ', c))], [g.isBash ? 2 : 0, timed]);
  // mvdan-sh 0.10.1 starts the inner pipeline of `! a | b | c` at the `!`.
  const keep = (head: string, length: number): string =>
    length > 2 && !g.withMvdanGaps ? head.replace(/^(\uE004?)! /, '$1') : head;
  return fc
    .tuple(first, arrayOf(fc.tuple(pipe, command), 0, [10, 3, 1]))
    .map(([head, rest]) =>
      rest.reduce((acc, [op, c]) => acc + joinOperand(g, follow(acc, op), c), keep(head, rest.length + 1)),
    );
};

const andOr: Rule = function andOr(g, depth) {
  const p = g.rule(pipeline, depth);
  return fc
    .tuple(p, arrayOf(fc.tuple(andOrOperator, p), 0, [10, 3, 1]))
    .map(([first, rest]) => rest.reduce((acc, [op, q]) => acc + joinOperand(g, follow(acc, op), q), first));
};

function makeList(terminated: boolean, lengthWeights: readonly number[]): Rule {
  return function list(g, depth) {
    const statement = weighted([12, g.rule(andOr, depth)], [1, depth > 0 ? g.rule(functionDefinition, depth) : null]);
    const commentLine = seq(fc.constant(' '), comment, newlines);
    const item = fc.tuple(weighted([8, fc.constant('')], [1, commentLine]), statement, separator);
    const last = terminated ? separator : weighted([3, fc.constant('')], [1, separator]);
    return fc
      .tuple(arrayOf(item, 1, lengthWeights), last)
      .map(([items, end]) =>
        items.map(([c, s, sep], k) => c + s + follow(s, k === items.length - 1 ? end : sep)).join(''),
      );
  };
}

/** Statements with separators; the last one may be unterminated (`( )`, `$( )`, case items). */
export const list = makeList(false, [6, 3, 1]);
/** Statements where the last one is terminated too, as before `}`, `then`, `do`, `fi`, `done`. */
export const terminatedList = makeList(true, [6, 3, 1]);
const TOP_LEVEL_WEIGHTS = [2, 3, 3, 3, 2, 2, 1, 1];
const topList: Rule = function topList(g, depth) {
  return g.rule(topLists[Math.min(g.maxStatements, TOP_LEVEL_WEIGHTS.length) - 1] ?? list, depth);
};
// One rule per length limit, so that each is built once per grammar.
const topLists: readonly Rule[] = TOP_LEVEL_WEIGHTS.map((_, k) => makeList(false, TOP_LEVEL_WEIGHTS.slice(0, k + 1)));

/** The text inside `$( )` or `<( )`: a list with its here-document bodies in place. */
export const subProgram: Rule = function subProgram(g, depth) {
  return g.rule(list, depth).map(renderProgram);
};

const program: Rule = function program(g, depth) {
  const shebang = g.isBash ? pick('#!/bin/bash\n', '#!/usr/bin/env bash\n') : pick('#!/bin/sh\n');
  return fc
    .tuple(fc.option(shebang, { nil: '' }), g.rule(topList, depth), pick('', NEWLINE))
    .map(([s, body, end]) => s + renderProgram(body + end));
};

/** Arbitrary bash (default) or POSIX sh program text that `bash -n` (and `dash -n` for posix) accepts. */
export function programArbitrary(opts: ProgramOptions = {}): fc.Arbitrary<string> {
  const grammar = createGrammar({
    dialect: opts.dialect ?? 'bash',
    withMvdanGaps: opts.withMvdanGaps ?? false,
    maxStatements: Math.max(1, opts.maxStatements ?? TOP_LEVEL_WEIGHTS.length),
  });
  return grammar.rule(program, opts.maxDepth ?? 3);
}
