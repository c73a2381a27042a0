// Simple commands: assignments, words and redirections; and the commands bash parses specially
// once their name is read: declaration builtins, `let`, and `name()` function definitions.

import { parseArithm, parseLetArg } from './arith.js';
import type {
  ArithmExpr,
  ArrayElem,
  ArrayExpr,
  Assign,
  Command,
  DeclClause,
  Lit,
  Redirect,
  Subscript,
  Word,
  WordPart,
} from './ast.js';
import { parseCommandStmt, skipSeparators, unexpected } from './commands.js';
import { parseSubscript } from './expansions.js';
import { isRedirectStart, parseRedirect } from './redirects.js';
import {
  addItem,
  Ch,
  code,
  compact,
  cur,
  fail,
  isName,
  isNameChar,
  isNameStart,
  isWordBreak,
  type ParserState,
  skipBlanks,
  speculate,
  takeList,
} from './state.js';
import { Mode, parseWord, soleLit } from './words.js';

const DECL_BASH = new Set(['declare', 'local', 'export', 'readonly', 'typeset']);
// dash, ash and bash --posix read `local l=$1` as an assignment (no field splitting), as bash does.
const DECL_POSIX = new Set(['export', 'readonly', 'local']);

function atCommandEnd(c: number): boolean {
  return (
    c === -1 || c === Ch.Semi || c === Ch.Amp || c === Ch.Pipe || c === Ch.Newline || c === Ch.RParen || c === Ch.Hash
  );
}

/** A simple command (or a declaration, `let`, or function definition found by its name). */
export function parseSimple(p: ParserState): { cmd: Command | null; redirs: readonly Redirect[] } {
  const start = p.pos;
  // Assignments, then words, on the list stack; redirections come anywhere among them.
  const base = p.top;
  let nAssigns = 0;
  let nArgs = 0;
  // Most commands have no redirection: the array is made for the first.
  let redirs: Redirect[] | null = null;
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (c === Ch.Amp && code(p, p.pos + 1) === Ch.Gt && isRedirectStart(p)) {
      (redirs ??= []).push(parseRedirect(p));
      continue;
    }
    if (atCommandEnd(c)) break;
    if (isRedirectStart(p)) {
      (redirs ??= []).push(parseRedirect(p));
      continue;
    }
    if (c === Ch.LParen) {
      if (nArgs === 1 && nAssigns === 0 && redirs === null) {
        const only = p.items[base] as Word;
        p.top = base;
        return { cmd: parseFuncRest(p, only), redirs: compact(redirs) };
      }
      const last = p.items[p.top - 1] as Word;
      if (nArgs > 1 && isEval(p, p.items[base + nAssigns] as Word) && isArrayAssignStart(p, last)) {
        p.items[p.top - 1] = withArrayValue(p, last);
        continue;
      }
      fail(p, p.pos, unexpected(p));
    }
    if (nArgs === 0) {
      const assign = tryAssign(p);
      if (assign !== null) {
        addItem(p, assign);
        nAssigns++;
        continue;
      }
    }
    const word = parseWord(p, Mode.Cmd);
    if (word === null) fail(p, p.pos, unexpected(p));
    addItem(p, word);
    nArgs++;
    if (nArgs === 1 && nAssigns === 0 && redirs === null) {
      const name = soleLit(word)?.value ?? null;
      const decl = name !== null && (p.dialect === 'bash' ? DECL_BASH : DECL_POSIX).has(name);
      if (decl || (name === 'let' && p.dialect === 'bash')) {
        p.top = base;
        return decl ? parseDeclRest(p, word, redirs ?? []) : parseLetRest(p, word, redirs ?? []);
      }
    }
  }
  if (nAssigns === 0 && nArgs === 0) return { cmd: null, redirs: compact(redirs) };
  const args = takeList<Word>(p, base + nAssigns);
  const assigns = takeList<Assign>(p, base);
  const last = args[args.length - 1] ?? assigns[assigns.length - 1];
  const end = last ? last.end : start;
  const first = assigns[0] ?? args[0];
  return {
    cmd: { type: 'CallExpr', start: first ? first.start : start, end, assigns, args },
    redirs: compact(redirs),
  };
}

/** bash (5.2) reads a compound assignment in the arguments of `eval` as one word: `eval local
 * args=($OPTS)` passes `args=(a b)` to eval, which runs `local args=(a b)`. */
function isEval(p: ParserState, command: Word): boolean {
  return p.dialect === 'bash' && soleLit(command)?.value === 'eval';
}

/** A word `NAME=`, `NAME+=` or `NAME[…]=` right before the `(` at p.pos. */
function isArrayAssignStart(p: ParserState, word: Word): boolean {
  const lit = soleLit(word);
  return lit !== null && word.end === p.pos && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(lit.value);
}

/** `word` with the `( … )` at p.pos appended: its words as they are, the blanks, newlines and
 * parentheses around them as literal text (one Lit with the text beside it). */
function withArrayValue(p: ParserState, word: Word): Word {
  const parts: WordPart[] = [...word.parts];
  const lit = (start: number, end: number): void => {
    const prev = parts[parts.length - 1];
    if (prev?.type === 'Lit' && prev.end === start)
      parts[parts.length - 1] = { ...prev, end, value: p.src.slice(prev.start, end) };
    else parts.push({ type: 'Lit', start, end, value: p.src.slice(start, end) });
  };
  const open = p.pos;
  p.pos++;
  lit(open, p.pos);
  for (;;) {
    const gap = p.pos;
    while (cur(p) === Ch.Space || cur(p) === Ch.Tab || cur(p) === Ch.Newline) p.pos++;
    if (p.pos > gap) lit(gap, p.pos);
    const c = cur(p);
    if (c === Ch.RParen) {
      p.pos++;
      lit(p.pos - 1, p.pos);
      return { type: 'Word', start: word.start, end: p.pos, parts };
    }
    if (c === -1 || c === Ch.Hash) fail(p, open, 'reached EOF without matching ( with )');
    const w = parseWord(p, Mode.Cmd);
    if (w === null) fail(p, p.pos, unexpected(p));
    for (const part of w.parts) {
      if (part.type === 'Lit') lit(part.start, part.end);
      else parts.push(part);
    }
  }
}

/** `name ( ) body`, after `name` was read and a `(` follows. */
function parseFuncRest(p: ParserState, nameWord: Word): Command {
  const name = soleLit(nameWord)?.value ?? null;
  if (name === null) fail(p, nameWord.start, 'invalid function name');
  p.pos++;
  skipBlanks(p);
  if (cur(p) !== Ch.RParen) fail(p, p.pos, 'a function name must be followed by ()');
  p.pos++;
  const nameLit: Lit = { type: 'Lit', start: nameWord.start, end: nameWord.end, value: name };
  return parseFuncBody(p, nameWord.start, nameLit, false, true);
}

/** The body of a function definition: a compound command with its redirections. */
export function parseFuncBody(p: ParserState, start: number, name: Lit, keyword: boolean, parens: boolean): Command {
  skipSeparators(p);
  if (cur(p) === -1) fail(p, p.pos, 'a function must have a body');
  const body = parseCommandStmt(p);
  const kind = body.cmd?.type;
  if (
    kind === undefined ||
    kind === 'CallExpr' ||
    kind === 'DeclClause' ||
    kind === 'LetClause' ||
    kind === 'FuncDecl' ||
    kind === 'TimeClause' ||
    kind === 'CoprocClause'
  ) {
    fail(p, body.start, 'a function body must be a compound command');
  }
  return { type: 'FuncDecl', start, end: body.end, name, keyword, parens, body };
}

/** `name=value`, `name+=value`, `name[i]=value`, `name=(...)`, or null (position unchanged). */
function tryAssign(p: ParserState): Assign | null {
  const start = p.pos;
  if (!isNameStart(cur(p))) return null;
  let i = start + 1;
  while (i < p.len && isNameChar(p.src.charCodeAt(i))) i++;
  const nameEnd = i;
  const bash = p.dialect === 'bash';
  const next = code(p, i);
  if (next !== Ch.Eq && next !== Ch.Plus && next !== Ch.LBracket) return null;
  let index: Subscript | null = null;
  if (code(p, i) === Ch.LBracket && bash) {
    p.pos = i;
    // `a[` without its `]` is a glob word, not an assignment.
    index = speculate(p, () => parseSubscript(p));
    if (index === null) {
      p.pos = start;
      return null;
    }
    i = p.pos;
  }
  let append = false;
  if (code(p, i) === Ch.Plus && code(p, i + 1) === Ch.Eq && bash) {
    append = true;
    i += 2;
  } else if (code(p, i) === Ch.Eq) {
    i++;
  } else {
    p.pos = start;
    return null;
  }
  p.pos = i;
  const name: Lit = { type: 'Lit', start, end: nameEnd, value: p.src.slice(start, nameEnd) };
  // `a=\⏎(x y)`: bash drops a backslash-newline before it reads words (byobu-ulevel's themes).
  let open = i;
  while (code(p, open) === Ch.Backslash && code(p, open + 1) === Ch.Newline) open += 2;
  if (code(p, open) === Ch.LParen && bash) {
    p.pos = open;
    const array = parseArray(p);
    return { type: 'Assign', start, end: array.end, append, naked: false, name, index, value: null, array };
  }
  const value = parseWord(p, Mode.Cmd);
  return { type: 'Assign', start, end: p.pos, append, naked: false, name, index, value, array: null };
}

function parseArray(p: ParserState): ArrayExpr {
  const start = p.pos;
  p.pos++;
  const base = p.top;
  for (;;) {
    skipSeparators(p);
    const c = cur(p);
    if (c === Ch.RParen) break;
    if (c === -1) fail(p, start, 'reached EOF without matching ( with )');
    const elemStart = p.pos;
    if (c === Ch.LBracket) {
      const elem = tryKeyedElem(p);
      if (elem !== null) {
        addItem(p, elem);
        continue;
      }
    }
    const value = parseWord(p, Mode.Cmd);
    if (value === null) fail(p, p.pos, unexpected(p));
    const elem: ArrayElem = { type: 'ArrayElem', start: elemStart, end: value.end, index: null, value };
    addItem(p, elem);
  }
  p.pos++;
  return { type: 'ArrayExpr', start, end: p.pos, elems: takeList<ArrayElem>(p, base) };
}

/** `[key]=value` or `[key]+=value` inside `( )`, or null (position unchanged). */
function tryKeyedElem(p: ParserState): ArrayElem | null {
  const start = p.pos;
  return speculate(p, () => {
    const index = parseSubscript(p);
    if (cur(p) === Ch.Plus && code(p, p.pos + 1) === Ch.Eq) p.pos += 2;
    else if (cur(p) === Ch.Eq) p.pos++;
    else return null;
    const value = parseWord(p, Mode.Cmd);
    return { type: 'ArrayElem', start, end: p.pos, index, value };
  });
}

/** `declare`/`local`/`export`/`readonly`/`typeset` arguments: assignments, names and options. */
function parseDeclRest(
  p: ParserState,
  variantWord: Word,
  redirs: Redirect[],
): { cmd: DeclClause; redirs: readonly Redirect[] } {
  const variant = variantWord.parts[0] as Lit;
  const base = p.top;
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (atCommandEnd(c)) break;
    if (isRedirectStart(p) || (c === Ch.Amp && code(p, p.pos + 1) === Ch.Gt)) {
      redirs.push(parseRedirect(p));
      continue;
    }
    const assign = tryAssign(p);
    if (assign !== null) {
      addItem(p, assign);
      continue;
    }
    const word = parseWord(p, Mode.Cmd);
    if (word === null) fail(p, p.pos, unexpected(p));
    const lit = soleLit(word);
    const name = lit !== null && isName(lit.value) ? lit : null;
    const naked: Assign = {
      type: 'Assign',
      start: word.start,
      end: word.end,
      append: false,
      naked: true,
      name,
      index: null,
      value: name === null ? word : null,
      array: null,
    };
    addItem(p, naked);
  }
  const args = takeList<Assign>(p, base);
  const last = args[args.length - 1];
  const end = last ? last.end : variantWord.end;
  return { cmd: { type: 'DeclClause', start: variantWord.start, end, variant, args }, redirs: compact(redirs) };
}

/** `let` arguments, each an arithmetic expression ended by blanks. A quoted argument with no
 * expansion inside is parsed as the arithmetic bash evaluates it to. */
function parseLetRest(
  p: ParserState,
  letWord: Word,
  redirs: Redirect[],
): { cmd: Command; redirs: readonly Redirect[] } {
  const exprs = [];
  let end = letWord.end;
  for (;;) {
    skipBlanks(p);
    const c = cur(p);
    if (atCommandEnd(c)) break;
    if (isRedirectStart(p)) {
      redirs.push(parseRedirect(p));
      continue;
    }
    const quoted = c === Ch.DQuote || c === Ch.SQuote ? parseQuotedLetArg(p, c) : null;
    exprs.push(quoted ?? parseLetArg(p));
    end = p.pos;
    if (!isWordBreak(cur(p))) fail(p, p.pos, `unexpected ${JSON.stringify(p.src[p.pos])} in let expression`);
  }
  // A bare `let` passes bash -n; it fails only when run ("let: expression expected").
  return { cmd: { type: 'LetClause', start: letWord.start, end, exprs: compact(exprs) }, redirs: compact(redirs) };
}

function parseQuotedLetArg(p: ParserState, quote: number): ReturnType<typeof parseLetArg> | null {
  const open = p.pos;
  const close = p.src.indexOf(String.fromCharCode(quote), open + 1);
  if (close === -1 || close >= p.len || !isWordBreak(code(p, close + 1))) return null;
  const inner = p.src.slice(open + 1, close);
  if (quote === Ch.DQuote && /[\\$`]/.test(inner)) return null;
  if (inner.trim() === '') return null;
  const len = p.len;
  p.pos = open + 1;
  p.len = close;
  let expr: ArithmExpr | null;
  try {
    expr = parseArithm(p, -1);
  } finally {
    p.len = len;
  }
  const complete = p.pos === close;
  if (!complete || expr === null) fail(p, p.pos, 'invalid arithmetic in let argument');
  p.pos = close + 1;
  return expr;
}
