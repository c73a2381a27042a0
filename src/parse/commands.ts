// Lists, and-or lists, pipelines and statements. Compound commands live in compound.ts,
// simple commands in simple.ts.

import type { BinaryCmd, BinaryCmdOp, Command, Redirect, Stmt } from './ast.js';
import { parseCompound } from './compound.js';
import { isRedirectStart, parseRedirect, readHeredocBodies } from './redirects.js';
import { parseSimple } from './simple.js';
import {
  addItem,
  Ch,
  code,
  compact,
  cur,
  enter,
  fail,
  isWordAt,
  leave,
  type ParserState,
  peekReserved,
  readComment,
  skipBlanks,
  takeList,
} from './state.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a list of statements ends, besides the end of the region. */
export interface ListEnd {
  /** Reserved words that end it (`fi`, `done`, `}`, ...). */
  readonly words: readonly string[];
  /** A `)` ends it (subshells, `$( )`, `<( )`). */
  readonly rparen: boolean;
  /** `;;`, `;&` and `;;&` end it (case items). */
  readonly caseItem: boolean;
}

const NOTHING: ListEnd = { words: [], rparen: false, caseItem: false };
const RPAREN: ListEnd = { words: [], rparen: true, caseItem: false };

/** Reserved words that cannot start a command: they continue or close a compound command. */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['then', 'an if'],
  ['elif', 'an if'],
  ['else', 'an if'],
  ['fi', 'an if'],
  ['do', 'a loop'],
  ['done', 'a loop'],
  ['esac', 'a case'],
  ['}', 'a { group'],
  ['in', 'a for, select or case'],
]);

/** Blanks, comments and newlines between statements; reads here-document bodies after newlines. */
export function skipSeparators(p: ParserState): void {
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (c === Ch.Hash) readComment(p);
    else if (c === Ch.Newline) {
      p.pos++;
      if (p.pending.length > 0) readHeredocBodies(p);
    } else return;
  }
}

/** The whole text as a list of statements; anything left over is an error. */
export function parseProgram(p: ParserState): readonly Stmt[] {
  const stmts = parseStmtList(p, NOTHING);
  if (p.pos < p.len) fail(p, p.pos, unexpected(p));
  return stmts;
}

/** Statements up to a `)` (not consumed), for `$( )`, `<( )` and `>( )`. */
export function parseNestedStmts(p: ParserState): readonly Stmt[] {
  enter(p);
  // Here-documents begun before the `$(` have their bodies after the outer line, not after a
  // newline inside the substitution (bash -n accepts `cat <<E >(a⏎b)⏎body⏎E`).
  const outer = p.pending;
  p.pending = [];
  const stmts = parseStmtList(p, RPAREN);
  p.pending = p.pending.length === 0 ? outer : outer.concat(p.pending);
  leave(p);
  return stmts;
}

/** Statements filling the region up to `limit` exactly (backquote contents). */
export function parseStmtsIn(p: ParserState, limit: number): readonly Stmt[] {
  const len = p.len;
  p.len = limit;
  try {
    enter(p);
    const stmts = parseStmtList(p, NOTHING);
    if (p.pos < limit) fail(p, p.pos, unexpected(p));
    leave(p);
    return stmts;
  } finally {
    // A speculative parse around this one may catch the failure and read on.
    p.len = len;
  }
}

export function unexpected(p: ParserState): string {
  const c = cur(p);
  if (c === -1) return 'unexpected end of input';
  const word = peekReserved(p);
  const of = word === null ? undefined : CLOSERS.get(word);
  if (of !== undefined) return `${JSON.stringify(word)} can only be used in ${of}`;
  let end = p.pos + 1;
  const n = code(p, end);
  if ((c === Ch.Semi || c === Ch.Amp || c === Ch.Pipe) && (n === c || n === Ch.Amp)) end++;
  return `unexpected token ${JSON.stringify(p.src.slice(p.pos, end))}`;
}

function atListEnd(p: ParserState, end: ListEnd): boolean {
  const c = cur(p);
  if (c === -1) return true;
  if (c === Ch.RParen) return end.rparen;
  if (c === Ch.Semi && end.caseItem) {
    const n = code(p, p.pos + 1);
    return n === Ch.Semi || n === Ch.Amp;
  }
  const word = peekReserved(p);
  return word !== null && end.words.includes(word);
}

export function parseStmtList(p: ParserState, end: ListEnd): readonly Stmt[] {
  const base = p.top;
  for (;;) {
    skipSeparators(p);
    if (atListEnd(p, end)) return takeList(p, base);
    const word = peekReserved(p);
    if (word !== null && CLOSERS.has(word)) fail(p, p.pos, unexpected(p));
    const stmt = parseAndOr(p) as Mutable<Stmt>;
    addItem(p, stmt);
    const after = readTerminator(p, stmt);
    if (after === CASE_END) {
      if (end.caseItem) return takeList(p, base);
      fail(p, p.pos, unexpected(p));
    }
    if (after === OTHER && cur(p) !== Ch.Newline && cur(p) !== Ch.Hash && !atListEnd(p, end))
      fail(p, p.pos, unexpected(p));
  }
}

const TERMINATED = 0;
const CASE_END = 1;
const OTHER = 2;

/** After a list's statement: its `;` or `&` (taken into it), a case item's end (`;;`, `;&`,
 * `;;&`, not consumed) or something else (not consumed). */
function readTerminator(p: ParserState, stmt: Mutable<Stmt>): number {
  skipBlanks(p);
  const c = cur(p);
  if (c === Ch.Semi) {
    const n = code(p, p.pos + 1);
    if (n === Ch.Semi || n === Ch.Amp) return CASE_END;
    stmt.semicolon = p.pos;
  } else if (c === Ch.Amp) {
    stmt.semicolon = p.pos;
    stmt.background = true;
  } else return OTHER;
  p.pos++;
  stmt.end = p.pos;
  return TERMINATED;
}

/** The statement of a list that starts at `p.pos`, read as parseStmtList reads one, whatever the
 * list: with its `;` or `&`, and nothing after it. Null where a list would end instead (a closing
 * reserved word, a `)`, a case item's end, the end of the region). */
export function parseListStmt(p: ParserState): Stmt | null {
  const c = cur(p);
  if (c === -1 || c === Ch.RParen || c === Ch.Semi) return null;
  const word = peekReserved(p);
  if (word !== null && CLOSERS.has(word)) return null;
  const stmt = parseAndOr(p) as Mutable<Stmt>;
  readTerminator(p, stmt);
  return stmt;
}

function wrap(cmd: Command, start: number, end: number): Mutable<Stmt> {
  return { type: 'Stmt', start, end, cmd, redirs: [], negated: false, background: false, semicolon: -1 };
}

/** `pipeline ((&& | ||) pipeline)*`, left-associative. */
function parseAndOr(p: ParserState): Stmt {
  let x = parsePipeline(p);
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (!((c === Ch.Amp || c === Ch.Pipe) && code(p, p.pos + 1) === c)) return x;
    const op: BinaryCmdOp = c === Ch.Amp ? '&&' : '||';
    const opPos = p.pos;
    p.pos += 2;
    skipSeparators(p);
    const y = parsePipeline(p);
    const cmd: BinaryCmd = { type: 'BinaryCmd', start: x.start, end: y.end, op, opPos, x, y };
    x = wrap(cmd, x.start, y.end);
  }
}

/** `[time [-p]] [!] command (| command)*`. */
function parsePipeline(p: ParserState): Mutable<Stmt> {
  skipBlanks(p);
  const start = p.pos;
  if (p.dialect === 'bash' && isWordAt(p, 'time')) {
    p.pos += 4;
    skipBlanks(p);
    let posix = false;
    if (isWordAt(p, '-p')) {
      posix = true;
      p.pos += 2;
      skipBlanks(p);
    }
    const c = cur(p);
    const background = c === Ch.Amp && code(p, p.pos + 1) !== Ch.Gt;
    const empty = c === -1 || c === Ch.Newline || c === Ch.Semi || background || c === Ch.RParen || c === Ch.Hash;
    const stmt = empty ? null : parsePipeline(p);
    const end = stmt ? stmt.end : start + (posix ? 7 : 4);
    return wrap({ type: 'TimeClause', start, end, posix, stmt }, start, end);
  }
  let negated = false;
  if (cur(p) === Ch.Bang && isWordAt(p, '!')) {
    negated = true;
    p.pos++;
    skipBlanks(p);
    if ((p.dialect === 'bash' && isWordAt(p, 'time')) || isWordAt(p, '!')) {
      // `! time cmd`, `! ! cmd`: the rest is itself a pipeline; a second `!` cancels the first.
      const inner: Mutable<Stmt> = parsePipeline(p);
      inner.negated = !inner.negated;
      inner.start = start;
      return inner;
    }
  }
  let x: Mutable<Stmt> = parseCommandStmt(p);
  for (;;) {
    skipBlanks(p);
    if (cur(p) !== Ch.Pipe || code(p, p.pos + 1) === Ch.Pipe) break;
    const opPos = p.pos;
    const op: BinaryCmdOp = code(p, p.pos + 1) === Ch.Amp && p.dialect === 'bash' ? '|&' : '|';
    p.pos += op.length;
    skipSeparators(p);
    const y = parseCommandStmt(p);
    x = wrap({ type: 'BinaryCmd', start: x.start, end: y.end, op, opPos, x, y }, x.start, y.end);
  }
  if (negated) {
    // bash: `!` negates the whole pipeline's status.
    x.negated = true;
    x.start = start;
  }
  return x;
}

/** One command with its redirections. */
export function parseCommandStmt(p: ParserState): Mutable<Stmt> {
  skipBlanks(p);
  const start = p.pos;
  const compound = parseCompound(p);
  if (compound !== null) {
    const redirs = parseTrailingRedirects(p);
    const last = redirs[redirs.length - 1];
    const end = last ? last.end : compound.end;
    return { type: 'Stmt', start, end, cmd: compound, redirs, negated: false, background: false, semicolon: -1 };
  }
  const { cmd, redirs } = parseSimple(p);
  let end = cmd ? cmd.end : start;
  for (const r of redirs) if (r.end > end) end = r.end;
  if (cmd === null && redirs.length === 0) fail(p, p.pos, unexpected(p));
  return { type: 'Stmt', start, end, cmd, redirs, negated: false, background: false, semicolon: -1 };
}

/** Redirections after a compound command. */
export function parseTrailingRedirects(p: ParserState): readonly Redirect[] {
  const redirs: Redirect[] = [];
  for (;;) {
    skipBlanks(p);
    if (!isRedirectStart(p)) return compact(redirs);
    redirs.push(parseRedirect(p));
  }
}
