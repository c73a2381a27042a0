// Everything that starts with `$` or a backquote: parameter expansions, command substitutions,
// arithmetic expansions, `$'...'` and `$"..."`.

import { parseArithm, tryDoubleParenArithm } from './arith.js';
import type { ArithmExp, CmdSubst, Lit, OpaqueParamExp, ParamExp, ParamOp, Subscript, WordPart } from './ast.js';
import { parseBackquoteBody } from './backquote-body.js';
import { parseNestedStmts, parseStmtsIn } from './commands.js';
import { parseOpaqueParam } from './opaque.js';
import {
  Ch,
  code,
  cur,
  enter,
  fail,
  isDigit,
  isNameChar,
  isNameStart,
  leave,
  type ParserState,
  SyntaxFailure,
  skipContinuations,
  speculate,
} from './state.js';
import { Mode, parseDoubleQuoted, parseSingleQuoted, parseWord } from './words.js';

function isSpecialParam(c: number): boolean {
  return (
    c === Ch.At ||
    c === Ch.Star ||
    c === Ch.Hash ||
    c === Ch.Question ||
    c === Ch.Dollar ||
    c === Ch.Bang ||
    c === Ch.Minus
  );
}

/** At a `$`: reads the expansion it starts, or returns null when the `$` is literal. */
export function parseDollar(p: ParserState, dq: boolean): WordPart | null {
  const start = p.pos;
  const c = code(p, start + 1);
  const bash = p.dialect === 'bash';
  if (c === Ch.LParen) {
    if (code(p, start + 2) === Ch.LParen) {
      const arith = tryArithmExp(p);
      if (arith) return arith;
    }
    p.pos += 2;
    const stmts = parseNestedStmts(p);
    if (cur(p) !== Ch.RParen) fail(p, start, 'reached EOF without matching $( with )');
    p.pos++;
    return { type: 'CmdSubst', start, end: p.pos, backquotes: false, stmts };
  }
  if (c === Ch.LBrace) return parseParamBraced(p, dq);
  if (isNameStart(c)) {
    p.pos = start + 1;
    return shortName(p, start);
  }
  if (c === Ch.Backslash && code(p, start + 2) === Ch.Newline && isNameStart(code(p, start + 3))) {
    // `$\⏎name`: bash removes the line continuation first.
    p.pos = start + 3;
    return shortName(p, start);
  }
  if (isDigit(c) || isSpecialParam(c)) return shortParam(p, start, start + 2);
  if (bash && c === Ch.LBracket) {
    p.pos += 2;
    enter(p);
    const expr = parseArithm(p, Ch.RBracket);
    leave(p);
    if (cur(p) !== Ch.RBracket) fail(p, start, 'reached EOF without matching $[ with ]');
    p.pos++;
    return { type: 'ArithmExp', start, end: p.pos, bracket: true, expr };
  }
  if (bash && !dq && c === Ch.SQuote) return parseSingleQuoted(p, true);
  if (bash && !dq && c === Ch.DQuote) return parseDoubleQuoted(p, true);
  return null;
}

function shortName(p: ParserState, start: number): ParamExp {
  const nameStart = p.pos;
  const value = scanName(p);
  const param: Lit = { type: 'Lit', start: nameStart, end: p.pos, value };
  return shortParam(p, start, p.pos, param);
}

/** A name at `pos`, read across line continuations as bash does (`$aa\⏎ba` reads `aaba`). */
function scanName(p: ParserState): string {
  const from = p.pos;
  let joined = false;
  for (;;) {
    const c = cur(p);
    if (isNameChar(c)) p.pos++;
    else if (c === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline && isNameChar(code(p, p.pos + 2))) {
      joined = true;
      p.pos += 2;
    } else break;
  }
  const raw = p.src.slice(from, p.pos);
  return joined ? raw.replace(/\\\n/g, '') : raw;
}

/** `$X`, `$1`, `$@`...; `param` when the name was read already (across line continuations). */
function shortParam(p: ParserState, start: number, end: number, param: Lit | null = null): ParamExp {
  p.pos = end;
  return {
    type: 'ParamExp',
    start,
    end,
    short: true,
    excl: false,
    length: false,
    param: param ?? { type: 'Lit', start: start + 1, end, value: p.src.slice(start + 1, end) },
    index: null,
    names: null,
    slice: null,
    repl: null,
    exp: null,
  };
}

/** `$(( ... ))`, or null (position unchanged) when the text is `$( ( ... ) )` instead. */
function tryArithmExp(p: ParserState): ArithmExp | null {
  const start = p.pos;
  const arith = tryDoubleParenArithm(p, 3);
  return arith === null ? null : { type: 'ArithmExp', start, end: p.pos, bracket: false, expr: arith.expr };
}

/** `${…}`. A form the shell rejects only when it runs, with "bad substitution" before it reads a
 * variable (a name that is no parameter, an unknown operator, an array in POSIX sh) is read as an
 * opaque word. Errors inside a known operator (`${x:1:2:3}`, `${x@QQ}`, where bash reads `x`
 * first) stay errors. */
function parseParamBraced(p: ParserState, dq: boolean): ParamExp | OpaqueParamExp {
  const start = p.pos;
  p.pos += 2;
  enter(p);
  skipContinuations(p);
  let length = false;
  let excl = false;
  let c = cur(p);
  if (c === Ch.Hash) {
    const n = code(p, p.pos + 1);
    if (n !== Ch.RBrace && n !== Ch.Colon && (isNameChar(n) || isSpecialParam(n))) {
      length = true;
      p.pos++;
      skipContinuations(p);
    }
  } else if (c === Ch.Bang && p.dialect === 'bash') {
    const n = code(p, p.pos + 1);
    if (n !== Ch.RBrace && (isNameChar(n) || isSpecialParam(n))) {
      excl = true;
      p.pos++;
      skipContinuations(p);
    }
  }
  // The parameter name.
  const nameStart = p.pos;
  c = cur(p);
  let name: string | null = null;
  if (isNameStart(c)) {
    name = scanName(p);
  } else if (isDigit(c)) {
    while (isDigit(cur(p))) p.pos++;
  } else if (isSpecialParam(c)) {
    p.pos++;
  } else {
    // dash drops the character after `${` that cannot start a name (`${"x"}` leaves `x"}`).
    const drop = p.dialect !== 'bash' && c !== Ch.RBrace && c !== -1;
    return opaque(p, start, dq, drop ? p.pos + 1 : start + 2);
  }
  const param: Lit = { type: 'Lit', start: nameStart, end: p.pos, value: name ?? p.src.slice(nameStart, p.pos) };
  skipContinuations(p);
  let index: Subscript | null = null;
  if (cur(p) === Ch.LBracket && isNameStart(param.value.charCodeAt(0))) {
    // dash: "Bad substitution" when it runs; a line only bash runs.
    if (p.dialect !== 'bash') return opaque(p, start, dq);
    index = parseSubscript(p);
    skipContinuations(p);
  }
  let names: ParamExp['names'] = null;
  let slice: ParamExp['slice'] = null;
  let repl: ParamExp['repl'] = null;
  let exp: ParamExp['exp'] = null;
  c = cur(p);
  const argMode = dq ? Mode.ParamArgDq : Mode.ParamArg;
  if (excl && index === null && (c === Ch.Star || c === Ch.At) && code(p, p.pos + 1) === Ch.RBrace) {
    names = c === Ch.Star ? '*' : '@';
    p.pos++;
  } else if (c === Ch.Colon && !isOpAfterColon(code(p, p.pos + 1))) {
    p.pos++;
    const offset = parseArithm(p, Ch.Colon);
    let len = null;
    if (cur(p) === Ch.Colon) {
      p.pos++;
      len = parseArithm(p, Ch.RBrace);
    }
    slice = { offset, length: len };
  } else if (c === Ch.Slash) {
    p.pos++;
    let all = false;
    let anchor: '#' | '%' | null = null;
    const n = cur(p);
    if (n === Ch.Slash) {
      all = true;
      p.pos++;
    } else if (n === Ch.Hash || n === Ch.Percent) {
      anchor = n === Ch.Hash ? '#' : '%';
      p.pos++;
    }
    const orig = parseWord(p, dq ? Mode.ReplOrigDq : Mode.ReplOrig);
    let withWord = null;
    if (cur(p) === Ch.Slash) {
      p.pos++;
      withWord = parseWord(p, argMode);
    }
    repl = { all, anchor, orig, with: withWord };
  } else if (c !== Ch.RBrace) {
    const op = readParamOp(p);
    if (op === null) return opaque(p, start, dq);
    if (op === '@') {
      // ${x@Q}: one operator letter.
      const wStart = p.pos;
      if (cur(p) !== Ch.RBrace && cur(p) !== -1) p.pos++;
      const word = p.pos > wStart ? litWord(p, wStart) : null;
      exp = { op, word };
    } else {
      exp = { op, word: parseWord(p, argMode) };
    }
  }
  if (cur(p) !== Ch.RBrace) fail(p, start, 'reached EOF without matching ${ with }');
  p.pos++;
  leave(p);
  return { type: 'ParamExp', start, end: p.pos, short: false, excl, length, param, index, names, slice, repl, exp };
}

function opaque(p: ParserState, start: number, dq: boolean, from = start + 2): OpaqueParamExp {
  const part = parseOpaqueParam(p, { start, from, dq });
  leave(p);
  return part;
}

function litWord(p: ParserState, start: number): { type: 'Word'; start: number; end: number; parts: Lit[] } {
  const value = p.src.slice(start, p.pos);
  return { type: 'Word', start, end: p.pos, parts: [{ type: 'Lit', start, end: p.pos, value }] };
}

function isOpAfterColon(c: number): boolean {
  return c === Ch.Minus || c === Ch.Eq || c === Ch.Plus || c === Ch.Question;
}

function readParamOp(p: ParserState): ParamOp | null {
  const c = cur(p);
  const n = code(p, p.pos + 1);
  let op: ParamOp | null = null;
  switch (c) {
    case Ch.Colon:
      op = isOpAfterColon(n) ? (`:${String.fromCharCode(n)}` as ParamOp) : null;
      break;
    case Ch.Minus:
    case Ch.Eq:
    case Ch.Plus:
    case Ch.Question:
      op = String.fromCharCode(c) as ParamOp;
      break;
    case Ch.Hash:
    case Ch.Percent:
    case Ch.Caret:
    case Ch.Comma:
    case Ch.Tilde:
      op = (n === c ? String.fromCharCode(c, c) : String.fromCharCode(c)) as ParamOp;
      break;
    case Ch.At:
      op = p.dialect === 'bash' ? '@' : null;
      break;
    default:
      return null;
  }
  if (op !== null) p.pos += op.length;
  return op;
}

/** `[...]` after a name: arithmetic when it parses as such, else a word (`@`, `*`, string keys). */
export function parseSubscript(p: ParserState): Subscript {
  const start = p.pos;
  enter(p);
  const sub = readSubscript(p, start);
  leave(p);
  return sub;
}

function readSubscript(p: ParserState, start: number): Subscript {
  p.pos++;
  const c = cur(p);
  if (!((c === Ch.At || c === Ch.Star) && code(p, p.pos + 1) === Ch.RBracket)) {
    // Arithmetic when it reads as such; else (an associative key such as `my key` or `a.b`) a word.
    const arith = speculate(p, () => {
      const expr = parseArithm(p, Ch.RBracket);
      if (expr === null || cur(p) !== Ch.RBracket) return null;
      p.pos++;
      return { type: 'Subscript' as const, start, end: p.pos, expr, word: null };
    });
    if (arith !== null) return arith;
  }
  const word = parseWord(p, Mode.Subscript);
  if (cur(p) !== Ch.RBracket) fail(p, start, 'reached EOF without matching [ with ]');
  p.pos++;
  return { type: 'Subscript', start, end: p.pos, expr: null, word };
}

/** Backquotes: the text between them, with `\$`, `` \` ``, `\\` (and `\"` inside double quotes)
 * unescaped, is parsed as commands; offsets map back to the source. Text that does not parse
 * makes a substitution with no statements and `unparsed` set, not a failure: bash and dash parse
 * it only when it runs (firehol's `` `mktemp …XXXXXXXXXX)` ``), and that fails in the
 * substitution's own subshell, so the rest of the script reads and runs as usual. */
export function parseBackquote(p: ParserState, dq: boolean): CmdSubst {
  const start = p.pos;
  const { close, escaped } = findBackquoteEnd(p, start, dq);
  const failed: SyntaxFailure[] = [];
  const stmts = speculate(p, () => {
    try {
      if (escaped) return parseBackquoteBody(p, start + 1, close, dq);
      p.pos = start + 1;
      return parseStmtsIn(p, close);
    } catch (err) {
      if (!(err instanceof SyntaxFailure) || err.fatal) throw err;
      failed.push(err);
      return null;
    }
  });
  p.pos = close + 1;
  const failure = failed[0];
  if (stmts !== null || failure === undefined)
    return { type: 'CmdSubst', start, end: p.pos, backquotes: true, stmts: stmts ?? [] };
  const { offset, reason } = failure;
  const node: CmdSubst = {
    type: 'CmdSubst',
    start,
    end: p.pos,
    backquotes: true,
    stmts: [],
    unparsed: { offset, reason },
  };
  p.unparsed.push(node);
  return node;
}

/** The closing backquote of the one at `start`, and whether an escape inside changes the text. */
function findBackquoteEnd(p: ParserState, start: number, dq: boolean): { close: number; escaped: boolean } {
  let i = start + 1;
  let escaped = false;
  for (;;) {
    if (i >= p.len) fail(p, start, 'reached EOF without closing quote `');
    const c = p.src.charCodeAt(i);
    if (c === Ch.Backquote) return { close: i, escaped };
    if (c === Ch.Backslash) {
      const n = code(p, i + 1);
      if (n === Ch.Dollar || n === Ch.Backquote || n === Ch.Backslash || (dq && n === Ch.DQuote)) escaped = true;
      i += 2;
      continue;
    }
    i++;
  }
}

/** Moves past backquotes whose text is not kept, without parsing it: bash parses it only when the
 * substitution runs. */
export function skipBackquote(p: ParserState): void {
  p.pos = findBackquoteEnd(p, p.pos, false).close + 1;
}
