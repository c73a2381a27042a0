// Arithmetic expressions, with bash's operators and precedence (bash manual, ARITHMETIC
// EVALUATION): comma, assignment (right-assoc), ternary, || && | ^ & == != < > <= >= << >> + -
// * / % ** (right-assoc), unary ! ~ + - ++ --, postfix ++ --.

import type { ArithmBinaryOp, ArithmExpr, ArithmUnary } from './ast.js';
import { parseSubscript } from './expansions.js';
import { Ch, code, cur, enter, fail, isName, leave, type ParserState, speculate } from './state.js';
import { Mode, parseWord, soleLit } from './words.js';

const ASSIGN_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

const BINARY_PREC: Readonly<Record<string, number>> = {
  '||': 4,
  '&&': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '==': 9,
  '!=': 9,
  '<': 10,
  '>': 10,
  '<=': 10,
  '>=': 10,
  '<<': 11,
  '>>': 11,
  '+': 12,
  '-': 12,
  '*': 13,
  '/': 13,
  '%': 13,
  '**': 14,
};

/** Whether blanks end the expression (`let` arguments) instead of being skipped. */
interface ArithCtx {
  readonly p: ParserState;
  readonly blanksEnd: boolean;
}

/** Parses an arithmetic expression at `pos`; returns null when it is empty (the next character
 * is `stop` or the end). Leaves `pos` after trailing blanks; the caller checks the terminator. */
export function parseArithm(p: ParserState, stop: number): ArithmExpr | null {
  const ctx: ArithCtx = { p, blanksEnd: false };
  skip(ctx);
  const c = cur(p);
  if (c === stop || c === -1) return null;
  const e = parseComma(ctx);
  skip(ctx);
  return e;
}

/** The expression of `((expr))` or `$((expr))` once `open` characters are read, up to and
 * including the closing `))`; null (nothing consumed) when no `))` closes it, since bash then
 * reads the text as nested parentheses: `$( (cmd) )`, `( (cmd) )`. */
export function tryDoubleParenArithm(p: ParserState, open: number): { expr: ArithmExpr | null } | null {
  return speculate(p, () => {
    p.pos += open;
    enter(p);
    const expr = parseArithm(p, Ch.RParen);
    leave(p);
    if (cur(p) !== Ch.RParen || code(p, p.pos + 1) !== Ch.RParen) return null;
    p.pos += 2;
    return { expr };
  });
}

/** One `let` argument: blanks end it. */
export function parseLetArg(p: ParserState): ArithmExpr {
  return parseComma({ p, blanksEnd: true });
}

function skip(ctx: ArithCtx): void {
  const p = ctx.p;
  if (ctx.blanksEnd) {
    while (cur(p) === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline) p.pos += 2;
    return;
  }
  for (;;) {
    const c = cur(p);
    if (c === Ch.Space || c === Ch.Tab || c === Ch.Newline) p.pos++;
    else if (c === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline) p.pos += 2;
    else return;
  }
}

/** The operator at `pos` (longest match), without consuming it. */
function peekOp(p: ParserState): string | null {
  const c = cur(p);
  const n = code(p, p.pos + 1);
  const n2 = code(p, p.pos + 2);
  switch (c) {
    case Ch.Lt:
    case Ch.Gt:
      if (n === c) return n2 === Ch.Eq ? (c === Ch.Lt ? '<<=' : '>>=') : c === Ch.Lt ? '<<' : '>>';
      return n === Ch.Eq ? (c === Ch.Lt ? '<=' : '>=') : String.fromCharCode(c);
    case Ch.Star:
      if (n === Ch.Star) return '**';
      return n === Ch.Eq ? '*=' : '*';
    case Ch.Plus:
    case Ch.Minus:
      if (n === c) return c === Ch.Plus ? '++' : '--';
      return n === Ch.Eq ? String.fromCharCode(c, n) : String.fromCharCode(c);
    case Ch.Amp:
    case Ch.Pipe:
      if (n === c) return String.fromCharCode(c, c);
      return n === Ch.Eq ? String.fromCharCode(c, n) : String.fromCharCode(c);
    case Ch.Eq:
    case Ch.Bang:
    case Ch.Slash:
    case Ch.Percent:
    case Ch.Caret:
      return n === Ch.Eq ? String.fromCharCode(c, n) : String.fromCharCode(c);
    case Ch.Tilde:
    case Ch.Question:
    case Ch.Colon:
    case Ch.Comma:
      return String.fromCharCode(c);
    default:
      return null;
  }
}

function parseComma(ctx: ArithCtx): ArithmExpr {
  let x = parseAssign(ctx);
  for (;;) {
    skip(ctx);
    if (cur(ctx.p) !== Ch.Comma) return x;
    ctx.p.pos++;
    const y = parseAssign(ctx);
    x = { type: 'ArithmBinary', start: x.start, end: y.end, op: ',', x, y };
  }
}

function parseAssign(ctx: ArithCtx): ArithmExpr {
  const p = ctx.p;
  const x = parseTernary(ctx);
  skip(ctx);
  const op = peekOp(p);
  if (op === null || !ASSIGN_OPS.has(op)) return x;
  p.pos += op.length;
  enter(p);
  const y = parseAssign(ctx);
  leave(p);
  return { type: 'ArithmBinary', start: x.start, end: y.end, op: op as ArithmBinaryOp, x, y };
}

function parseTernary(ctx: ArithCtx): ArithmExpr {
  const p = ctx.p;
  const cond = parseBinary(ctx, 4);
  skip(ctx);
  if (cur(p) !== Ch.Question) return cond;
  p.pos++;
  enter(p);
  const then = parseAssign(ctx);
  skip(ctx);
  if (cur(p) !== Ch.Colon) fail(p, p.pos, 'ternary operator missing : after ?');
  p.pos++;
  const otherwise = parseAssign(ctx);
  leave(p);
  return { type: 'ArithmTernary', start: cond.start, end: otherwise.end, cond, then, else: otherwise };
}

function parseBinary(ctx: ArithCtx, minPrec: number): ArithmExpr {
  const p = ctx.p;
  let x = parseUnary(ctx);
  for (;;) {
    skip(ctx);
    const op = peekOp(p);
    if (op === null) return x;
    const prec = BINARY_PREC[op];
    if (prec === undefined || prec < minPrec) return x;
    p.pos += op.length;
    enter(p);
    const y = parseBinary(ctx, op === '**' ? prec : prec + 1);
    leave(p);
    x = { type: 'ArithmBinary', start: x.start, end: y.end, op: op as ArithmBinaryOp, x, y };
  }
}

function parseUnary(ctx: ArithCtx): ArithmExpr {
  const p = ctx.p;
  skip(ctx);
  const start = p.pos;
  const op = peekOp(p);
  if (op === '!' || op === '~' || op === '+' || op === '-' || op === '++' || op === '--') {
    p.pos += op.length;
    enter(p);
    const x = parseUnary(ctx);
    leave(p);
    return { type: 'ArithmUnary', start, end: x.end, op, post: false, x };
  }
  const x = parsePrimary(ctx);
  if (x.type === 'ArithmVar') {
    skip(ctx);
    const post = peekOp(p);
    if (post === '++' || post === '--') {
      p.pos += 2;
      const u: ArithmUnary = { type: 'ArithmUnary', start, end: p.pos, op: post, post: true, x };
      return u;
    }
  }
  return x;
}

function parsePrimary(ctx: ArithCtx): ArithmExpr {
  const p = ctx.p;
  skip(ctx);
  const start = p.pos;
  if (cur(p) === Ch.LParen) {
    p.pos++;
    enter(p);
    const x = parseComma({ p, blanksEnd: false });
    leave(p);
    skip({ p, blanksEnd: false });
    if (cur(p) !== Ch.RParen) fail(p, start, 'reached EOF without matching ( with )');
    p.pos++;
    return { type: 'ArithmParen', start, end: p.pos, x };
  }
  const word = parseWord(p, Mode.Arith);
  if (word === null) {
    const c = cur(p);
    fail(
      p,
      p.pos,
      c === -1
        ? 'arithmetic expression expected an operand before EOF'
        : `unexpected ${JSON.stringify(String.fromCharCode(c))} in arithmetic expression`,
    );
  }
  const only = soleLit(word);
  if (only !== null && isName(only.value)) {
    const index = cur(p) === Ch.LBracket ? parseSubscript(p) : null;
    return { type: 'ArithmVar', start, end: p.pos, name: only, index };
  }
  return { type: 'ArithmWord', start, end: word.end, word };
}
