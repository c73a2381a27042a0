// Parser state and the character-level helpers every part of the parser shares.
// The lexer works on character codes; the grammar modules advance `pos` directly.

import { ParseError } from '../errors.js';
import { lineColumnAt, lineStarts } from '../line-index.js';
import type { CmdSubst, Comment, Dialect, Redirect } from './ast.js';

export const enum Ch {
  Tab = 9,
  Newline = 10,
  Space = 32,
  Bang = 33,
  DQuote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  SQuote = 39,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Semi = 59,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  At = 64,
  A = 65,
  Z = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Caret = 94,
  Underscore = 95,
  Backquote = 96,
  a = 97,
  z = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
}

/** A here-document whose body is read after the next newline token. */
export interface PendingHeredoc {
  readonly redirect: Redirect;
  readonly delim: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

/** Deeper nesting than this is a parse error rather than a stack overflow. */
export const MAX_DEPTH = 200;

export interface ParserState {
  readonly src: string;
  /** End of the region being parsed: the text's length, or a bound for a nested region. */
  len: number;
  pos: number;
  readonly dialect: Dialect;
  /** A Bats file: `@test name { … }` starts a test case. */
  readonly bats: boolean;
  readonly path: string;
  readonly comments: Comment[];
  /** Backquotes read so far whose text does not parse (CmdSubst.unparsed). */
  readonly unparsed: CmdSubst[];
  pending: PendingHeredoc[];
  depth: number;
  /** How many `elif`s are open (a chain's, and those of the chains around it): each nests one
   * level (IfClause.else). */
  elifs: number;
  /** Maps offsets in a derived text (backquote contents) back to the source, for errors. */
  readonly errorMap: ((offset: number) => number) | null;
  /** Lists under construction (see takeList): `items[0..top)` is in use. */
  readonly items: unknown[];
  top: number;
  /** peekReserved's last answer, for `pos` with the region ending at `len`. */
  peekPos: number;
  peekLen: number;
  peekWord: string | null;
}

export function createState(opts: {
  src: string;
  dialect: Dialect;
  bats?: boolean;
  path: string;
  depth?: number;
  errorMap?: (offset: number) => number;
}): ParserState {
  return {
    src: opts.src,
    len: opts.src.length,
    pos: 0,
    dialect: opts.dialect,
    bats: opts.bats ?? false,
    path: opts.path,
    comments: [],
    unparsed: [],
    pending: [],
    depth: opts.depth ?? 0,
    elifs: 0,
    errorMap: opts.errorMap ?? null,
    items: [],
    top: 0,
    peekPos: -1,
    peekLen: -1,
    peekWord: null,
  };
}

/** Thrown inside the parser: cheap (no stack trace, no line table), so that speculative parses
 * (`$((` vs `$( (`, subscripts) can fail often. parse() turns it into a ParseError. */
export class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly reason: string,
    /** Not a wrong guess but a hard limit: speculative parses must not retry past it. */
    readonly fatal = false,
  ) {}
}

/** Runs one reading of the text at `pos`. When it returns null or fails with a retryable
 * failure, every piece of state is put back as it was and null is returned, so the caller can try
 * another reading (`$((` as `$( (`, a subscript as a word, `a[i]` as a glob). */
export function speculate<T>(p: ParserState, read: () => T | null): T | null {
  const { pos, len, depth, elifs, top } = p;
  const comments = p.comments.length;
  const unparsed = p.unparsed.length;
  const pending = p.pending.length;
  let result: T | null = null;
  try {
    result = read();
  } catch (err) {
    if (!(err instanceof SyntaxFailure) || err.fatal) throw err;
  }
  p.len = len;
  p.top = top;
  if (result === null) {
    p.pos = pos;
    p.depth = depth;
    p.elifs = elifs;
    p.comments.length = comments;
    p.unparsed.length = unparsed;
    p.pending.length = pending;
  }
  return result;
}

export function fail(p: ParserState, offset: number, reason: string): never {
  throw new SyntaxFailure(p.errorMap ? p.errorMap(offset) : offset, reason);
}

/** The public error for a failure, with its line and column in `src`. */
export function toParseError(failure: SyntaxFailure, src: string, path: string): ParseError {
  const { line, column } = lineColumnAt(lineStarts(src), failure.offset);
  return new ParseError({ path, line, column, offset: failure.offset, reason: failure.reason });
}

export function enter(p: ParserState): void {
  if (++p.depth > MAX_DEPTH) {
    const at = p.errorMap ? p.errorMap(p.pos) : p.pos;
    // A long if/elif chain reaches the limit with no deep nesting in sight: say why.
    const chain =
      p.elifs * 2 >= MAX_DEPTH
        ? ` (each \`elif\` of an if nests one level deeper, and ${p.elifs} come before this point)`
        : '';
    throw new SyntaxFailure(at, `nesting too deep: more than ${MAX_DEPTH} levels${chain}`, true);
  }
}

export function leave(p: ParserState): void {
  p.depth--;
}

// Not frozen: a frozen array has elements of another kind, and every for-of over the tree's lists
// then takes V8's slow path (an iterator result object per step): ~2.5x slower loops.
const EMPTY: readonly never[] = [];

/** A list to keep in the tree: one shared empty array, or an exact-size copy. Arrays built by
 * push() carry spare capacity, and a large tree is mostly arrays that survive young GC. */
export function compact<T>(list: T[] | null): readonly T[] {
  return list === null || list.length === 0 ? EMPTY : list.slice();
}

/** Lists under construction share one stack, `p.items`: a list's items lie above the height
 * it began at (`p.top` then), and takeList moves them into one exact-size array. Each list in an
 * array of its own cost two allocations per word (the array push() grew, then its compact copy). */
export function addItem(p: ParserState, item: unknown): void {
  p.items[p.top++] = item;
}

/** The items added since the stack stood at `base`, as a list to keep in the tree (see compact);
 * the stack goes back to `base`. Slots above the top are overwritten, never shrunk: shrinking
 * would make V8 trim and regrow the backing store. */
export function takeList<T>(p: ParserState, base: number): readonly T[] {
  const top = p.top;
  p.top = base;
  if (top === base) return EMPTY;
  // Most lists hold one item: a literal is built inline, slice() is a call into the runtime.
  if (top === base + 1) return [p.items[base] as T];
  return p.items.slice(base, top) as T[];
}

export function code(p: ParserState, at: number): number {
  return at < p.len ? p.src.charCodeAt(at) : -1;
}

export function cur(p: ParserState): number {
  return p.pos < p.len ? p.src.charCodeAt(p.pos) : -1;
}

export function isBlank(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab;
}

export function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

export function isNameStart(c: number): boolean {
  return (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || c === Ch.Underscore;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** Whether `s` is a shell name: a letter or `_`, then letters, digits or `_`. */
export function isName(s: string): boolean {
  if (!isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}

/** Characters that end an unquoted word: blanks, newline and the metacharacters `;&|<>()`. */
export function isWordBreak(c: number): boolean {
  return (
    c === Ch.Space ||
    c === Ch.Tab ||
    c === Ch.Newline ||
    c === Ch.Semi ||
    c === Ch.Amp ||
    c === Ch.Pipe ||
    c === Ch.Lt ||
    c === Ch.Gt ||
    c === Ch.LParen ||
    c === Ch.RParen ||
    c === -1
  );
}

/** Skips blanks and backslash-newline line continuations. */
export function skipBlanks(p: ParserState): void {
  for (;;) {
    const c = cur(p);
    if (c === Ch.Space || c === Ch.Tab) p.pos++;
    else if (c === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline) p.pos += 2;
    else return;
  }
}

/** Skips backslash-newline pairs, which bash removes before tokenizing (outside quotes). */
export function skipContinuations(p: ParserState): void {
  while (cur(p) === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline) p.pos += 2;
}

export function readComment(p: ParserState): void {
  const start = p.pos;
  let end = p.src.indexOf('\n', start);
  if (end === -1 || end > p.len) end = p.len;
  p.comments.push({ type: 'Comment', start, end, text: p.src.slice(start + 1, end) });
  p.pos = end;
}

/** Whether the reserved word or operator `w` starts at `pos` and ends at a word boundary. */
export function isWordAt(p: ParserState, w: string, at = p.pos): boolean {
  if (!p.src.startsWith(w, at) || at + w.length > p.len) return false;
  const c = code(p, at + w.length);
  return isWordBreak(c);
}

const RESERVED = [
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'select',
  'function',
  'in',
  'time',
  'coproc',
];

/** RESERVED by first letter (a-z): a command name is compared with a few words at most. */
const RESERVED_BY_LETTER: readonly (readonly string[])[] = Array.from({ length: 26 }, (_, i) =>
  RESERVED.filter((w) => w.charCodeAt(0) === Ch.a + i),
);

/** The reserved word at `pos` if one stands there as a whole word (`if`, `{`, `[[`, `!`, ...).
 * Returns a shared constant: this runs at every command start, so it must not allocate. */
export function peekReserved(p: ParserState): string | null {
  // Asked several times at each command start (list end? closer? compound?): remember the answer.
  if (p.peekPos === p.pos && p.peekLen === p.len) return p.peekWord;
  const word = readReserved(p);
  p.peekPos = p.pos;
  p.peekLen = p.len;
  p.peekWord = word;
  return word;
}

function readReserved(p: ParserState): string | null {
  const c = cur(p);
  if (c >= Ch.a && c <= Ch.z) {
    let end = p.pos + 1;
    while (end < p.len) {
      const d = p.src.charCodeAt(end);
      if (d < Ch.a || d > Ch.z) break;
      end++;
    }
    const n = end - p.pos;
    if (n < 2 || n > 8 || !isWordBreak(code(p, end))) return null;
    for (const w of RESERVED_BY_LETTER[c - Ch.a] as readonly string[])
      if (w.length === n && p.src.startsWith(w, p.pos)) return w;
    return null;
  }
  let w: string;
  if (c === Ch.LBrace) w = '{';
  else if (c === Ch.RBrace) w = '}';
  else if (c === Ch.Bang) w = '!';
  else if (c === Ch.LBracket && code(p, p.pos + 1) === c) w = '[[';
  else if (c === Ch.RBracket && code(p, p.pos + 1) === c) w = ']]';
  else return null;
  return isWordBreak(code(p, p.pos + w.length)) ? w : null;
}
