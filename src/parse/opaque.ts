// `${…}` that the shell parses but rejects when it runs ("bad substitution"), such as zsh's
// `${(k)parameters[@]}` in a branch only zsh takes. Its end is found as bash finds the end of any
// `${` (parse.y, parse_matched_pair): the first `}` outside quotes, escapes and nested
// expansions, which are parsed (but for backquotes), since a syntax error in them is one to
// `bash -n` too. What they hold is dropped: nothing inside is read or edited.

import type { OpaqueParamExp } from './ast.js';
import { parseDollar, skipBackquote } from './expansions.js';
import { Ch, code, cur, fail, type ParserState } from './state.js';
import { parseDoubleQuoted, parseProcSubst, parseSingleQuoted } from './words.js';

/** Reads the `${…}` that starts at `start` as an opaque word, scanning from `from`; `dq` inside
 * double quotes. */
export function parseOpaqueParam(p: ParserState, opts: { start: number; from: number; dq: boolean }): OpaqueParamExp {
  const { start, dq } = opts;
  const bash = p.dialect === 'bash';
  p.pos = opts.from;
  for (;;) {
    const c = cur(p);
    if (c === -1) fail(p, start, 'reached EOF without matching ${ with }');
    if (c === Ch.RBrace) break;
    const next = code(p, p.pos + 1);
    if (c === Ch.Backslash) p.pos += next === -1 ? 1 : 2;
    // bash matches single quotes inside ${…} even within double quotes; dash does not.
    else if (c === Ch.SQuote && (bash || !dq)) parseSingleQuoted(p, false);
    else if (c === Ch.DQuote) parseDoubleQuoted(p, false);
    // bash parses backquoted text only when it runs, and this one never runs.
    else if (c === Ch.Backquote) skipBackquote(p);
    else if (c === Ch.Dollar && bash && next === Ch.SQuote) parseSingleQuoted(p, true);
    else if (c === Ch.Dollar) {
      if (parseDollar(p, dq) === null) p.pos++;
    } else if ((c === Ch.Lt || c === Ch.Gt) && bash && next === Ch.LParen) parseProcSubst(p);
    else p.pos++;
  }
  p.pos++;
  return { type: 'OpaqueParamExp', start, end: p.pos, value: p.src.slice(start, p.pos) };
}
