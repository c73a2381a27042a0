// Redirections and here-documents. A here-document's body is read after the next newline token,
// so the operator records it as pending and the list parser calls readHeredocBodies there.

import type { HeredocBody, Lit, Redirect, RedirOp, WordPart } from './ast.js';
import { Ch, code, cur, fail, isDigit, isNameChar, isNameStart, type ParserState, skipBlanks } from './state.js';
import { Mode, parseParts, parseWord } from './words.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether a redirection starts at `pos`: `[n|{var}]op` (not a process substitution). */
export function isRedirectStart(p: ParserState): boolean {
  let i = p.pos;
  let c = code(p, i);
  if (isDigit(c)) {
    while (isDigit(code(p, i))) i++;
  } else if (c === Ch.LBrace && p.dialect === 'bash') {
    i++;
    if (!isNameStart(code(p, i))) return false;
    while (isNameChar(code(p, i))) i++;
    if (code(p, i) !== Ch.RBrace) return false;
    i++;
  }
  c = code(p, i);
  if (c === Ch.Lt || c === Ch.Gt) return code(p, i + 1) !== Ch.LParen || p.dialect !== 'bash';
  // `&>` and `&>>` only where nothing came before the `&`.
  return i === p.pos && c === Ch.Amp && code(p, i + 1) === Ch.Gt && p.dialect === 'bash';
}

function readOp(p: ParserState): RedirOp | null {
  const i = p.pos;
  const c = code(p, i);
  const n = code(p, i + 1);
  const bash = p.dialect === 'bash';
  if (c === Ch.Amp) {
    if (!bash || n !== Ch.Gt) return null;
    return code(p, i + 2) === Ch.Gt ? '&>>' : '&>';
  }
  if (c === Ch.Lt) {
    if (n === Ch.Lt) {
      const n2 = code(p, i + 2);
      if (n2 === Ch.Lt && bash) return '<<<';
      return n2 === Ch.Minus ? '<<-' : '<<';
    }
    if (n === Ch.Gt) return '<>';
    if (n === Ch.Amp) return '<&';
    return '<';
  }
  if (c === Ch.Gt) {
    if (n === Ch.Gt) return '>>';
    if (n === Ch.Pipe) return '>|';
    if (n === Ch.Amp) return '>&';
    return '>';
  }
  return null;
}

export function parseRedirect(p: ParserState): Redirect {
  const start = p.pos;
  let fd: Lit | null = null;
  let fdVar: Lit | null = null;
  if (isDigit(cur(p))) {
    while (isDigit(cur(p))) p.pos++;
    fd = { type: 'Lit', start, end: p.pos, value: p.src.slice(start, p.pos) };
  } else if (cur(p) === Ch.LBrace) {
    p.pos++;
    const nameStart = p.pos;
    while (isNameChar(cur(p))) p.pos++;
    fdVar = { type: 'Lit', start: nameStart, end: p.pos, value: p.src.slice(nameStart, p.pos) };
    p.pos++;
  }
  const opPos = p.pos;
  const op = readOp(p);
  if (op === null) fail(p, p.pos, 'expected a redirection operator');
  p.pos += op.length;
  skipBlanks(p);
  const word = parseWord(p, Mode.Cmd);
  if (word === null) {
    const c = cur(p);
    fail(
      p,
      p.pos,
      `${op} must be followed by a word${c === -1 || c === Ch.Newline ? '' : `, not ${JSON.stringify(String.fromCharCode(c))}`}`,
    );
  }
  const redirect: Redirect = { type: 'Redirect', start, end: word.end, op, opPos, fd, fdVar, word, body: null };
  if (op === '<<' || op === '<<-') {
    const raw = p.src.slice(word.start, word.end);
    const quoted = /['"\\]/.test(raw);
    const delim = quoted ? removeQuotes(raw) : raw;
    p.pending.push({ redirect, delim, quoted, stripTabs: op === '<<-' });
  }
  return redirect;
}

function removeQuotes(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      i++;
      out += raw[i] ?? '';
    } else if (ch !== "'" && ch !== '"') {
      out += ch;
    }
  }
  return out;
}

/** At the start of a line: reads the bodies of the pending here-documents, in order. */
export function readHeredocBodies(p: ParserState): void {
  const pending = p.pending;
  p.pending = [];
  for (const h of pending) {
    const bodyStart = p.pos;
    let i = p.pos;
    let delimStart = -1;
    let continued = false;
    while (i < p.len) {
      let lineEnd = p.src.indexOf('\n', i);
      if (lineEnd === -1 || lineEnd > p.len) lineEnd = p.len;
      if (!continued && lineMatches(p.src, i, lineEnd, h.delim, h.stripTabs)) {
        delimStart = i;
        break;
      }
      // In an unquoted body, backslash-newline joins lines: the next line is no delimiter.
      continued = !h.quoted && endsWithOddBackslashes(p.src, i, lineEnd);
      i = lineEnd + 1;
    }
    // bash warns and takes the rest of the input when the delimiter never comes.
    const bodyEnd = delimStart === -1 ? p.len : delimStart;
    let parts: readonly WordPart[];
    if (h.quoted || bodyEnd === bodyStart) {
      parts =
        bodyEnd > bodyStart
          ? [{ type: 'Lit', start: bodyStart, end: bodyEnd, value: p.src.slice(bodyStart, bodyEnd) }]
          : [];
    } else {
      const len = p.len;
      p.pos = bodyStart;
      p.len = bodyEnd;
      try {
        parts = parseParts(p, Mode.Heredoc);
      } finally {
        p.len = len;
      }
    }
    const body: HeredocBody = {
      type: 'HeredocBody',
      start: bodyStart,
      end: bodyEnd,
      quoted: h.quoted,
      stripTabs: h.stripTabs,
      parts,
      delimStart: delimStart === -1 ? bodyEnd : delimStart,
    };
    (h.redirect as Mutable<Redirect>).body = body;
    if (delimStart === -1) {
      p.pos = p.len;
    } else {
      const after = p.src.indexOf('\n', delimStart);
      p.pos = after === -1 || after >= p.len ? p.len : after + 1;
    }
  }
}

function lineMatches(src: string, from: number, to: number, delim: string, stripTabs: boolean): boolean {
  let i = from;
  if (stripTabs) while (i < to && src.charCodeAt(i) === Ch.Tab) i++;
  return to - i === delim.length && src.startsWith(delim, i);
}

function endsWithOddBackslashes(src: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = to - 1; i >= from && src.charCodeAt(i) === Ch.Backslash; i--) n++;
  return n % 2 === 1;
}
