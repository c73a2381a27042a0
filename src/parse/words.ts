// Words and their parts: literals, quotes, expansions, substitutions. A word is read in a mode
// that says where it stops and which quoting rules apply there.

import type { DblQuoted, ExtGlob, Lit, ProcSubst, SglQuoted, Word, WordPart } from './ast.js';
import { parseNestedStmts } from './commands.js';
import { parseBackquote, parseDollar, skipBackquote } from './expansions.js';
import { addItem, Ch, code, cur, fail, isBlank, isWordBreak, type ParserState, takeList } from './state.js';

export const enum Mode {
  /** Unquoted word in a command, `[[ ]]`, case pattern, array element. */
  Cmd,
  /** Inside `"..."`. */
  Dq,
  /** Unquoted here-document body: runs to the end of the region. */
  Heredoc,
  /** Operand of `${x op WORD}`, unquoted. */
  ParamArg,
  /** Operand of `${x op WORD}` inside double quotes: single quotes are literal there. */
  ParamArgDq,
  /** Pattern of `${x/PATTERN/...}`: stops at `/` too. */
  ReplOrig,
  ReplOrigDq,
  /** The right side of `=~` in `[[ ]]`: parentheses and `|` belong to the regex. */
  Regex,
  /** An operand in arithmetic. */
  Arith,
  /** Inside `[...]` after a name, when it is not arithmetic. */
  Subscript,
}

function isArithBreak(c: number): boolean {
  switch (c) {
    case Ch.Space:
    case Ch.Tab:
    case Ch.Newline:
    case Ch.Plus:
    case Ch.Minus:
    case Ch.Star:
    case Ch.Slash:
    case Ch.Percent:
    case Ch.Lt:
    case Ch.Gt:
    case Ch.Eq:
    case Ch.Bang:
    case Ch.Amp:
    case Ch.Pipe:
    case Ch.Caret:
    case Ch.Tilde:
    case Ch.Question:
    case Ch.Colon:
    case Ch.Comma:
    case Ch.LParen:
    case Ch.RParen:
    case Ch.LBracket:
    case Ch.RBracket:
    case Ch.LBrace:
    case Ch.RBrace:
    case Ch.Semi:
    case -1:
      return true;
    default:
      return false;
  }
}

/** Characters that a word in mode Cmd, Dq or Heredoc reads as plain text, one bit per mode (all
 * characters from 128 up are plain): most of a word is skipped by one table look-up per
 * character. The rest go through the full checks in parseParts. */
const PLAIN_CMD = 1;
const PLAIN_DQ = 2;
const PLAIN_HEREDOC = 4;
const PLAIN = plainTable();

function plainTable(): Uint8Array {
  const t = new Uint8Array(128).fill(PLAIN_CMD | PLAIN_DQ | PLAIN_HEREDOC);
  const clear = (chars: string, bit: number): void => {
    for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = (t[chars.charCodeAt(i)] as number) & ~bit;
  };
  // Word breaks, quotes, expansions, escapes and extglob openers; in quotes, what ends or expands.
  clear(' \t\n;&|<>()\'"$`\\?*+@!', PLAIN_CMD);
  clear('"$`\\', PLAIN_DQ);
  clear('$`\\', PLAIN_HEREDOC);
  return t;
}

function plainBit(mode: Mode): number {
  return mode === Mode.Cmd ? PLAIN_CMD : mode === Mode.Dq ? PLAIN_DQ : mode === Mode.Heredoc ? PLAIN_HEREDOC : 0;
}

function inDq(mode: Mode): boolean {
  return mode === Mode.Dq || mode === Mode.Heredoc || mode === Mode.ParamArgDq || mode === Mode.ReplOrigDq;
}

/** Reads a word in `mode` at `pos`; returns null when no character belongs to it. */
export function parseWord(p: ParserState, mode: Mode): Word | null {
  const start = p.pos;
  const parts = parseParts(p, mode);
  if (parts.length === 0) return null;
  return { type: 'Word', start, end: p.pos, parts };
}

/** Reads the parts of a word in `mode` up to where the mode stops. */
export function parseParts(p: ParserState, mode: Mode): readonly WordPart[] {
  const base = p.top;
  const src = p.src;
  let lit = p.pos;
  let depth = 0;
  const bash = p.dialect === 'bash';
  const plain = plainBit(mode);
  for (;;) {
    if (plain !== 0) {
      let i = p.pos;
      for (let d: number; i < p.len && ((d = src.charCodeAt(i)) >= 128 || (PLAIN[d] as number) & plain); ) i++;
      p.pos = i;
    }
    const c = p.pos < p.len ? src.charCodeAt(p.pos) : -1;
    if (c === -1) break;
    // Where the mode stops.
    if (mode === Mode.Cmd) {
      // A line continuation right before a word break ends the word: `$x\⏎` is just `$x`.
      if (c === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline && isWordBreak(code(p, p.pos + 2))) break;
      if (isWordBreak(c)) {
        if ((c === Ch.Lt || c === Ch.Gt) && bash && code(p, p.pos + 1) === Ch.LParen) {
          if (p.pos > lit) pushLit(p, lit, p.pos);
          addItem(p, parseProcSubst(p));
          lit = p.pos;
          continue;
        }
        break;
      }
    } else if (mode === Mode.Dq) {
      if (c === Ch.DQuote) break;
    } else if (mode === Mode.Arith) {
      if (c === Ch.Backslash && code(p, p.pos + 1) === Ch.Newline && isArithBreak(code(p, p.pos + 2))) break;
      if (isArithBreak(c)) break;
    } else if (mode === Mode.Regex) {
      if (c === Ch.LParen) depth++;
      else if (c === Ch.RParen) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (isBlank(c) || c === Ch.Newline || c === Ch.Lt || c === Ch.Gt)) break;
      else if (c === Ch.Semi || c === Ch.Amp) break;
    } else if (mode === Mode.Subscript) {
      if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket) {
        if (depth === 0) break;
        depth--;
      }
    } else if (mode !== Mode.Heredoc) {
      // ${x op WORD} ends at the first unquoted `}`: braces do not nest (bash prints `a{bc}`
      // for `${u:-a{b}c}`).
      if (c === Ch.RBrace) break;
      if (c === Ch.Slash && (mode === Mode.ReplOrig || mode === Mode.ReplOrigDq)) break;
    }
    switch (c) {
      case Ch.Backslash:
        p.pos += p.pos + 1 < p.len ? 2 : 1;
        continue;
      case Ch.SQuote:
        if (inDq(mode)) break;
        if (p.pos > lit) pushLit(p, lit, p.pos);
        addItem(p, parseSingleQuoted(p, false));
        lit = p.pos;
        continue;
      case Ch.DQuote:
        if (mode === Mode.Heredoc) break;
        if (p.pos > lit) pushLit(p, lit, p.pos);
        addItem(p, parseDoubleQuoted(p, false));
        lit = p.pos;
        continue;
      case Ch.Dollar: {
        const part = parseDollar(p, inDq(mode));
        if (part === null) break;
        // parseDollar consumed the part; the literal run before it ends at its start.
        if (part.start > lit) pushLit(p, lit, part.start);
        addItem(p, part);
        lit = p.pos;
        continue;
      }
      case Ch.Backquote:
        if (p.pos > lit) pushLit(p, lit, p.pos);
        addItem(p, parseBackquote(p, inDq(mode)));
        lit = p.pos;
        continue;
      case Ch.Question:
      case Ch.Star:
      case Ch.Plus:
      case Ch.At:
      case Ch.Bang:
        if (bash && code(p, p.pos + 1) === Ch.LParen && mode === Mode.Cmd) {
          if (p.pos > lit) pushLit(p, lit, p.pos);
          addItem(p, parseExtGlob(p));
          lit = p.pos;
          continue;
        }
        break;
      default:
        break;
    }
    p.pos++;
  }
  if (p.pos > lit) pushLit(p, lit, p.pos);
  return takeList(p, base);
}

function pushLit(p: ParserState, start: number, end: number): void {
  const lit: Lit = { type: 'Lit', start, end, value: p.src.slice(start, end) };
  addItem(p, lit);
}

export function parseSingleQuoted(p: ParserState, dollar: boolean): SglQuoted {
  const start = p.pos;
  p.pos += dollar ? 2 : 1;
  const bodyStart = p.pos;
  if (dollar) {
    // $'...': backslash escapes, including \'.
    for (;;) {
      const c = cur(p);
      if (c === -1) fail(p, start, "reached EOF without closing quote '");
      if (c === Ch.Backslash) p.pos += 2;
      else if (c === Ch.SQuote) break;
      else p.pos++;
    }
  } else {
    const end = p.src.indexOf("'", p.pos);
    if (end === -1 || end >= p.len) fail(p, start, "reached EOF without closing quote '");
    p.pos = end;
  }
  const value = p.src.slice(bodyStart, p.pos);
  p.pos++;
  return { type: 'SglQuoted', start, end: p.pos, dollar, value };
}

export function parseDoubleQuoted(p: ParserState, dollar: boolean): DblQuoted {
  const start = p.pos;
  p.pos += dollar ? 2 : 1;
  const parts = parseParts(p, Mode.Dq);
  if (cur(p) !== Ch.DQuote) fail(p, start, 'reached EOF without closing quote "');
  p.pos++;
  return { type: 'DblQuoted', start, end: p.pos, dollar, parts };
}

export function parseProcSubst(p: ParserState): ProcSubst {
  const start = p.pos;
  const op = cur(p) === Ch.Lt ? '<(' : '>(';
  p.pos += 2;
  const stmts = parseNestedStmts(p);
  if (cur(p) !== Ch.RParen) fail(p, start, `reached EOF without matching ${op} with )`);
  p.pos++;
  return { type: 'ProcSubst', start, end: p.pos, op, stmts };
}

/** `@(…)` and friends. The pattern ends at the `)` that balances the `(`, outside quotes and
 * escapes, and may span lines (bash's parse_matched_pair: `$(` and `${` are not special there,
 * their parentheses count; bash-completion's perf splits an `@(…|…)` in `[[ ]]` over two lines).
 * It is kept as text: nothing inside is read. */
function parseExtGlob(p: ParserState): ExtGlob {
  const start = p.pos;
  const op = p.src.slice(p.pos, p.pos + 2) as ExtGlob['op'];
  p.pos += 2;
  const patStart = p.pos;
  let depth = 0;
  for (;;) {
    const c = cur(p);
    if (c === -1) fail(p, start, `reached EOF without matching ${op} with )`);
    if (c === Ch.Backslash) p.pos = Math.min(p.pos + 2, p.len);
    else if (c === Ch.SQuote) parseSingleQuoted(p, false);
    else if (c === Ch.DQuote) parseDoubleQuoted(p, false);
    else if (c === Ch.Backquote) skipBackquote(p);
    else if (c === Ch.Dollar && code(p, p.pos + 1) === Ch.SQuote) parseSingleQuoted(p, true);
    else if (c === Ch.RParen && depth === 0) break;
    else {
      if (c === Ch.LParen) depth++;
      else if (c === Ch.RParen) depth--;
      p.pos++;
    }
  }
  const pattern = { type: 'Lit' as const, start: patStart, end: p.pos, value: p.src.slice(patStart, p.pos) };
  p.pos++;
  return { type: 'ExtGlob', start, end: p.pos, op, pattern };
}

/** The word's only part when it is a plain literal (`echo`, `-eq`, `x`), else null. */
export function soleLit(word: Word): Lit | null {
  const part = word.parts.length === 1 ? word.parts[0] : undefined;
  return part !== undefined && part.type === 'Lit' ? part : null;
}

/** The text a literal-only word stands for after quote removal, or null if it expands. */
export function literalValue(word: Word): string | null {
  let out = '';
  for (const part of word.parts) {
    if (part.type === 'Lit') out += unescapeUnquoted(part.value);
    else if (part.type === 'SglQuoted' && !part.dollar) out += part.value;
    else if (part.type === 'DblQuoted' && !part.dollar) {
      for (const inner of part.parts) {
        if (inner.type !== 'Lit') return null;
        out += unescapeDoubleQuoted(inner.value);
      }
    } else return null;
  }
  return out;
}

/** Quote removal inside double quotes (and here-documents): only `\$ \` \" \\` are escapes, and a
 * backslash-newline is removed; any other backslash stays. One pass, so `\\` then a newline is a
 * backslash and a newline. */
export function unescapeDoubleQuoted(s: string): string {
  return s.indexOf('\\') === -1 ? s : s.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

/** Quote removal outside quotes: a backslash keeps the next character, and a backslash-newline
 * joins lines (both go). */
export function unescapeUnquoted(s: string): string {
  return s.indexOf('\\') === -1 ? s : s.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}
