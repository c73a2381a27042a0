// Compound commands, recognised by their reserved word at the start of a command.

import { parseArithm, tryDoubleParenArithm } from './arith.js';
import type {
  ArithmCmd,
  Block,
  CaseClause,
  CaseItem,
  CaseOp,
  Command,
  CoprocClause,
  CStyleLoop,
  ForClause,
  IfClause,
  Lit,
  Stmt,
  Subshell,
  WhileClause,
  Word,
  WordIter,
} from './ast.js';
import { parseTestDecl } from './bats.js';
import { type ListEnd, parseCommandStmt, parseStmtList, skipSeparators } from './commands.js';
import { parseFuncBody } from './simple.js';
import {
  addItem,
  Ch,
  code,
  cur,
  enter,
  fail,
  isNameChar,
  isNameStart,
  isWordAt,
  leave,
  type ParserState,
  peekReserved,
  skipBlanks,
  takeList,
} from './state.js';
import { parseTestClause } from './test-expr.js';
import { Mode, parseWord, soleLit } from './words.js';

function words(...w: string[]): ListEnd {
  return { words: w, rparen: false, caseItem: false };
}

const THEN = words('then');
const IF_BODY = words('elif', 'else', 'fi');
const FI = words('fi');
const DO = words('do');
const DONE = words('done');
const RBRACE = words('}');
const ESAC_ITEM: ListEnd = { words: ['esac'], rparen: false, caseItem: true };
const SUBSHELL: ListEnd = { words: [], rparen: true, caseItem: false };

/** The compound command starting at `pos`, or null when a simple command starts there. */
export function parseCompound(p: ParserState): Command | null {
  const c = cur(p);
  const bash = p.dialect === 'bash';
  if (c === Ch.LParen) {
    if (bash && code(p, p.pos + 1) === Ch.LParen) {
      const arith = tryArithmCmd(p);
      if (arith !== null) return arith;
    }
    return parseSubshell(p);
  }
  if (c === Ch.At && p.bats && isWordAt(p, '@test')) return parseTestDecl(p);
  const word = peekReserved(p);
  switch (word) {
    case 'if':
      return parseIf(p, 'if');
    case 'while':
    case 'until':
      return parseWhile(p, word === 'until');
    case 'for':
      return parseFor(p, false);
    case 'select':
      return bash ? parseFor(p, true) : null;
    case 'case':
      return parseCase(p);
    case '{':
      return parseBlock(p);
    case '[[':
      return bash ? parseTestClause(p) : null;
    case 'function':
      return bash ? parseFunction(p) : null;
    case 'coproc':
      return bash ? parseCoproc(p) : null;
    default:
      return null;
  }
}

function expectWord(p: ParserState, w: string, context: string): void {
  skipSeparators(p);
  if (!isWordAt(p, w)) fail(p, p.pos, `${context} must be followed by ${JSON.stringify(w)}`);
  p.pos += w.length;
}

/** A statement list, one nesting level down. */
function anyList(p: ParserState, end: ListEnd): readonly Stmt[] {
  enter(p);
  const stmts = parseStmtList(p, end);
  leave(p);
  return stmts;
}

/** A statement list that bash requires to be non-empty. */
function nonEmptyList(p: ParserState, end: ListEnd, after: string): readonly Stmt[] {
  const stmts = anyList(p, end);
  if (stmts.length === 0) fail(p, p.pos, `${JSON.stringify(after)} must be followed by a statement list`);
  return stmts;
}

function parseIf(p: ParserState, kind: 'if' | 'elif'): IfClause {
  const start = p.pos;
  p.pos += kind.length;
  const cond = nonEmptyList(p, THEN, kind);
  expectWord(p, 'then', `"${kind} <condition>"`);
  const then = nonEmptyList(p, IF_BODY, 'then');
  let otherwise: IfClause | null = null;
  if (isWordAt(p, 'elif')) {
    enter(p);
    p.elifs++;
    otherwise = parseIf(p, 'elif');
    p.elifs--;
    leave(p);
    return { type: 'IfClause', start, end: otherwise.end, cond, then, else: otherwise, kind };
  }
  if (isWordAt(p, 'else')) {
    const elseStart = p.pos;
    p.pos += 4;
    const body = nonEmptyList(p, FI, 'else');
    expectWord(p, 'fi', '"if"');
    // biome-ignore lint/suspicious/noThenProperty: the tree mirrors mvdan/sh's IfClause (Then, Else)
    otherwise = { type: 'IfClause', start: elseStart, end: p.pos, cond: [], then: body, else: null, kind: 'else' };
    return { type: 'IfClause', start, end: p.pos, cond, then, else: otherwise, kind };
  }
  expectWord(p, 'fi', '"if"');
  return { type: 'IfClause', start, end: p.pos, cond, then, else: null, kind };
}

function parseWhile(p: ParserState, until: boolean): WhileClause {
  const start = p.pos;
  const kw = until ? 'until' : 'while';
  p.pos += kw.length;
  const cond = nonEmptyList(p, DO, kw);
  expectWord(p, 'do', `"${kw} <condition>"`);
  const body = nonEmptyList(p, DONE, 'do');
  expectWord(p, 'done', '"do"');
  return { type: 'WhileClause', start, end: p.pos, until, cond, body };
}

function parseFor(p: ParserState, select: boolean): ForClause {
  const start = p.pos;
  const kw = select ? 'select' : 'for';
  p.pos += kw.length;
  skipBlanks(p);
  let loop: WordIter | CStyleLoop;
  if (!select && p.dialect === 'bash' && cur(p) === Ch.LParen && code(p, p.pos + 1) === Ch.LParen) {
    loop = parseCStyle(p);
    skipBlanks(p);
    if (cur(p) === Ch.Semi) p.pos++;
  } else {
    loop = parseWordIter(p, kw);
  }
  skipSeparators(p);
  let body: readonly Stmt[];
  if (p.dialect === 'bash' && isWordAt(p, '{')) {
    // bash also takes `for x in y; { list; }`.
    const block = parseBlock(p);
    body = block.stmts;
  } else {
    expectWord(p, 'do', `"${kw} <loop>"`);
    body = nonEmptyList(p, DONE, 'do');
    expectWord(p, 'done', '"do"');
  }
  return { type: 'ForClause', start, end: p.pos, select, loop, body };
}

function parseCStyle(p: ParserState): CStyleLoop {
  const start = p.pos;
  p.pos += 2;
  enter(p);
  const init = parseArithm(p, Ch.Semi);
  if (cur(p) !== Ch.Semi) fail(p, p.pos, 'expected ; in for ((;;))');
  p.pos++;
  const cond = parseArithm(p, Ch.Semi);
  if (cur(p) !== Ch.Semi) fail(p, p.pos, 'expected ; in for ((;;))');
  p.pos++;
  const post = parseArithm(p, Ch.RParen);
  leave(p);
  if (!(cur(p) === Ch.RParen && code(p, p.pos + 1) === Ch.RParen))
    fail(p, start, 'reached EOF without matching (( with ))');
  p.pos += 2;
  return { type: 'CStyleLoop', start, end: p.pos, init, cond, post };
}

function parseWordIter(p: ParserState, kw: string): WordIter {
  const start = p.pos;
  while (p.pos < p.len && isNameChar(cur(p))) p.pos++;
  if (p.pos === start || !isNameStart(code(p, start)) || !isWordBreakAfterName(p)) {
    fail(p, start, `"${kw}" must be followed by a literal name`);
  }
  const name: Lit = { type: 'Lit', start, end: p.pos, value: p.src.slice(start, p.pos) };
  const afterName = p.pos;
  skipBlanks(p);
  if (cur(p) === Ch.Semi) {
    // `for x; do`: iterate over "$@".
    p.pos++;
    return { type: 'WordIter', start, end: name.end, name, items: null };
  }
  // Newlines may come before `in` or `do`; they also end pending here-documents, so the text is
  // read once, never re-read.
  const before = p.pos;
  skipSeparators(p);
  if (!isWordAt(p, 'in')) {
    const newline = p.src.slice(before, p.pos).includes('\n');
    if (!newline && !isWordAt(p, 'do') && cur(p) !== -1) {
      fail(p, p.pos, `"${kw} ${name.value}" must be followed by "in", "do", ;, or a newline`);
    }
    return { type: 'WordIter', start, end: name.end, name, items: null };
  }
  p.pos += 2;
  const base = p.top;
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (c === Ch.Semi) {
      p.pos++;
      break;
    }
    if (c === Ch.Newline || c === Ch.Hash || c === -1) break;
    const w = parseWord(p, Mode.Cmd);
    if (w === null) fail(p, p.pos, `unexpected ${JSON.stringify(p.src[p.pos])} in for list`);
    addItem(p, w);
  }
  const items = takeList<Word>(p, base);
  const last = items[items.length - 1];
  return { type: 'WordIter', start, end: last ? last.end : afterName, name, items };
}

function isWordBreakAfterName(p: ParserState): boolean {
  const c = cur(p);
  return c === -1 || c === Ch.Space || c === Ch.Tab || c === Ch.Newline || c === Ch.Semi;
}

function parseCase(p: ParserState): CaseClause {
  const start = p.pos;
  p.pos += 4;
  skipBlanks(p);
  const word = parseWord(p, Mode.Cmd);
  if (word === null) fail(p, p.pos, '"case" must be followed by a word');
  expectWord(p, 'in', '"case x"');
  const base = p.top;
  enter(p);
  for (;;) {
    skipSeparators(p);
    if (isWordAt(p, 'esac')) break;
    if (cur(p) === -1) fail(p, start, 'reached EOF without matching "case" with "esac"');
    addItem(p, parseCaseItem(p));
  }
  leave(p);
  p.pos += 4;
  return { type: 'CaseClause', start, end: p.pos, word, items: takeList<CaseItem>(p, base) };
}

function parseCaseItem(p: ParserState): CaseItem {
  const start = p.pos;
  if (cur(p) === Ch.LParen) {
    p.pos++;
    skipBlanks(p);
  }
  const base = p.top;
  for (;;) {
    skipBlanks(p);
    const w = parseWord(p, Mode.Cmd);
    if (w === null) fail(p, p.pos, 'case patterns must be words');
    addItem(p, w);
    skipBlanks(p);
    const c = cur(p);
    if (c === Ch.Pipe) {
      p.pos++;
      continue;
    }
    if (c === Ch.RParen) {
      p.pos++;
      break;
    }
    fail(p, p.pos, 'case patterns must be separated by | and end with )');
  }
  const patterns = takeList<Word>(p, base);
  const stmts = parseStmtList(p, ESAC_ITEM);
  let op: CaseOp | null = null;
  if (cur(p) === Ch.Semi) {
    const n = code(p, p.pos + 1);
    if (n === Ch.Amp) op = ';&';
    else op = code(p, p.pos + 2) === Ch.Amp && p.dialect === 'bash' ? ';;&' : ';;';
    p.pos += op.length;
  }
  return { type: 'CaseItem', start, end: p.pos, patterns, stmts, op };
}

/** `{ list; }`; `allowEmpty` for a Bats test body, to which bats adds a command. */
export function parseBlock(p: ParserState, allowEmpty = false): Block {
  const start = p.pos;
  p.pos++;
  const stmts = allowEmpty ? anyList(p, RBRACE) : nonEmptyList(p, RBRACE, '{');
  if (!isWordAt(p, '}')) fail(p, start, 'reached EOF without matching { with }');
  p.pos++;
  return { type: 'Block', start, end: p.pos, stmts };
}

function parseSubshell(p: ParserState): Subshell {
  const start = p.pos;
  p.pos++;
  const stmts = nonEmptyList(p, SUBSHELL, '(');
  if (cur(p) !== Ch.RParen) fail(p, start, 'reached EOF without matching ( with )');
  p.pos++;
  return { type: 'Subshell', start, end: p.pos, stmts };
}

/** `(( expr ))`, or null (position unchanged) when it is `( ( ... ) )` instead. */
function tryArithmCmd(p: ParserState): ArithmCmd | null {
  const start = p.pos;
  const arith = tryDoubleParenArithm(p, 2);
  return arith === null ? null : { type: 'ArithmCmd', start, end: p.pos, expr: arith.expr };
}

function parseFunction(p: ParserState): Command {
  const start = p.pos;
  p.pos += 8;
  skipBlanks(p);
  const nameStart = p.pos;
  const word = parseWord(p, Mode.Cmd);
  const part = word === null ? null : soleLit(word);
  if (part === null) fail(p, nameStart, '"function" must be followed by a name');
  skipBlanks(p);
  let parens = false;
  if (cur(p) === Ch.LParen) {
    // `function f ()` has empty parens; `function f ( cmd )` has a subshell for its body.
    const open = p.pos;
    p.pos++;
    skipBlanks(p);
    if (cur(p) === Ch.RParen) {
      p.pos++;
      parens = true;
    } else {
      p.pos = open;
    }
  }
  return parseFuncBody(p, start, part, true, parens);
}

function parseCoproc(p: ParserState): CoprocClause {
  const start = p.pos;
  p.pos += 6;
  skipBlanks(p);
  let name: Word | null = null;
  if (!startsCompound(p)) {
    const save = p.pos;
    const w = parseWord(p, Mode.Cmd);
    skipBlanks(p);
    if (w !== null && startsCompound(p)) name = w;
    else p.pos = save;
  }
  const stmt = parseCommandStmt(p);
  return { type: 'CoprocClause', start, end: stmt.end, name, stmt };
}

function startsCompound(p: ParserState): boolean {
  if (cur(p) === Ch.LParen) return true;
  const w = peekReserved(p);
  return w !== null && ['if', 'while', 'until', 'for', 'select', 'case', '{', '[['].includes(w);
}
