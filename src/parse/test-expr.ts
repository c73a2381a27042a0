// `[[ ... ]]`: `||`, `&&`, `!`, `( )`, unary and binary tests. The right side of `=~` is a
// regex word; operands of arithmetic comparisons are also read as arithmetic. Newlines and
// comments go where bash's cond_term skips them (parse.y): before a test, and after a unary or
// binary test or a `)`; never after a lone word or between an operator and its operand.

import { parseArithm } from './arith.js';
import type { TestBinaryOp, TestClause, TestExpr, TestWord } from './ast.js';
import { readHeredocBodies } from './redirects.js';
import {
  Ch,
  code,
  cur,
  enter,
  fail,
  isWordAt,
  leave,
  type ParserState,
  readComment,
  skipBlanks,
  speculate,
} from './state.js';
import { Mode, parseWord, soleLit } from './words.js';

const UNARY = new Set([
  '-a',
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-h',
  '-k',
  '-p',
  '-r',
  '-s',
  '-t',
  '-u',
  '-w',
  '-x',
  '-G',
  '-L',
  '-N',
  '-O',
  '-S',
  '-z',
  '-n',
  '-o',
  '-v',
  '-R',
]);
const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const ARITH_CMP = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

export function parseTestClause(p: ParserState): TestClause {
  const start = p.pos;
  p.pos += 2;
  enter(p);
  const expr = parseOr(p);
  leave(p);
  skipBlanks(p);
  if (!isWordAt(p, ']]'))
    fail(p, start, cur(p) === -1 ? 'reached EOF without matching [[ with ]]' : 'expected ]] to close [[');
  p.pos += 2;
  return { type: 'TestClause', start, end: p.pos, expr };
}

/** Blanks, newlines and comments, where bash allows them inside `[[ ]]` (see the header). */
function skipLines(p: ParserState): void {
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (c === Ch.Hash) readComment(p);
    else if (c !== Ch.Newline) return;
    else {
      p.pos++;
      if (p.pending.length > 0) readHeredocBodies(p);
    }
  }
}

/** A newline, or a `#` that starts a comment (what bash's lexer then returns is a newline). */
function atLineEnd(p: ParserState): boolean {
  const c = cur(p);
  return c === Ch.Newline || c === Ch.Hash;
}

function isOp2(p: ParserState, c: number): boolean {
  return cur(p) === c && code(p, p.pos + 1) === c;
}

function parseOr(p: ParserState): TestExpr {
  let x = parseAnd(p);
  for (;;) {
    skipBlanks(p);
    if (!isOp2(p, Ch.Pipe)) return x;
    p.pos += 2;
    const y = parseAnd(p);
    x = { type: 'TestBinary', start: x.start, end: y.end, op: '||', x, y };
  }
}

function parseAnd(p: ParserState): TestExpr {
  let x = parseNot(p);
  for (;;) {
    skipBlanks(p);
    if (!isOp2(p, Ch.Amp)) return x;
    p.pos += 2;
    const y = parseNot(p);
    x = { type: 'TestBinary', start: x.start, end: y.end, op: '&&', x, y };
  }
}

function parseNot(p: ParserState): TestExpr {
  skipLines(p);
  const start = p.pos;
  if (isWordAt(p, '!')) {
    p.pos++;
    enter(p);
    const x = parseNot(p);
    leave(p);
    return { type: 'TestUnary', start, end: x.end, op: '!', x };
  }
  return parsePrimary(p);
}

/** Whether the operand list ends here: `]]`, `&&`, `||`, `)` or the end. */
function atOperandEnd(p: ParserState): boolean {
  const c = cur(p);
  return c === -1 || c === Ch.RParen || isWordAt(p, ']]') || isOp2(p, Ch.Amp) || isOp2(p, Ch.Pipe);
}

function parsePrimary(p: ParserState): TestExpr {
  skipLines(p);
  const start = p.pos;
  if (cur(p) === Ch.LParen) {
    p.pos++;
    enter(p);
    const x = parseOr(p);
    leave(p);
    skipBlanks(p);
    if (cur(p) !== Ch.RParen) fail(p, start, 'reached EOF without matching ( with )');
    p.pos++;
    const paren: TestExpr = { type: 'TestParen', start, end: p.pos, x };
    skipLines(p);
    return paren;
  }
  if (atOperandEnd(p)) fail(p, p.pos, 'test expression expected an operand');
  const first = operand(p, Mode.Cmd);
  const firstLit = soleLit(first.word)?.value ?? null;
  skipBlanks(p);
  if (firstLit !== null && UNARY.has(firstLit) && binaryOpAt(p) === null) {
    // bash: "unexpected argument `]]' to conditional unary operator" for `[[ -n ]]`.
    if (atLineEnd(p) || atOperandEnd(p)) fail(p, p.pos, `${firstLit} must be followed by a word`);
    const x = operand(p, Mode.Cmd);
    skipLines(p);
    return { type: 'TestUnary', start, end: x.end, op: firstLit, x };
  }
  // bash: "unexpected token `newline', conditional binary operator expected" for `[[ a⏎ ]]`.
  if (atLineEnd(p)) fail(p, p.pos, 'a newline after a lone word in [[ ]]; bash expects an operator there');
  if (atOperandEnd(p)) return first;
  const op = binaryOpAt(p);
  if (op === null) fail(p, p.pos, 'not a valid test operator');
  p.pos += op.length;
  skipBlanks(p);
  if (atLineEnd(p) || atOperandEnd(p)) fail(p, p.pos, `${op} must be followed by a word`);
  const second = operand(p, op === '=~' ? Mode.Regex : Mode.Cmd);
  const arith = ARITH_CMP.has(op);
  const x = arith ? withArith(p, first) : first;
  const y = arith ? withArith(p, second) : second;
  skipLines(p);
  return { type: 'TestBinary', start, end: y.end, op, x, y };
}

function operand(p: ParserState, mode: Mode): TestWord {
  const word = parseWord(p, mode);
  if (word === null) fail(p, p.pos, `unexpected ${JSON.stringify(p.src[p.pos] ?? 'EOF')} in [[ ]]`);
  return { type: 'TestWord', start: word.start, end: word.end, word, arith: null };
}

function binaryOpAt(p: ParserState): TestBinaryOp | null {
  const c = cur(p);
  if ((c === Ch.Lt || c === Ch.Gt) && code(p, p.pos + 1) !== Ch.LParen) return c === Ch.Lt ? '<' : '>';
  for (const op of BINARY) if (isWordAt(p, op)) return op as TestBinaryOp;
  return null;
}

/** bash evaluates both operands of `-eq` etc. as arithmetic: a literal operand such as `x+1`
 * reads `x`. Operands that do not parse as arithmetic fail at run time, not here. */
function withArith(p: ParserState, w: TestWord): TestWord {
  if (soleLit(w.word) === null) return w;
  const pos = p.pos;
  const arith = speculate(p, () => {
    p.pos = w.start;
    p.len = w.end;
    const expr = parseArithm(p, -1);
    return p.pos === w.end ? expr : null;
  });
  p.pos = pos;
  return arith === null ? w : { ...w, arith };
}
