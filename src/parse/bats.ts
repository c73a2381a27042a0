// Bats test files: `@test description { … }` where a command starts, read only with the `bats`
// parse option. bats itself rewrites each such line into a function header before bash reads the
// file (bats-core's preprocessing), so everything else in a Bats file is bash.

import type { Stmt, TestDecl } from './ast.js';
import { parseTrailingRedirects } from './commands.js';
import { parseBlock } from './compound.js';
import { fail, type ParserState, peekReserved, skipBlanks } from './state.js';
import { Mode, parseWord } from './words.js';

/** `@test description { … }` at `pos`. As bats' preprocessor requires, the `{` is on the same
 * line; like mvdan/sh's LangBats, the description is one word (it may hold expansions). The body
 * may be empty: bats adds a command to it. */
export function parseTestDecl(p: ParserState): TestDecl {
  const start = p.pos;
  p.pos += '@test'.length;
  skipBlanks(p);
  const description = parseWord(p, Mode.Cmd);
  if (description === null) fail(p, p.pos, '"@test" must be followed by a description word');
  skipBlanks(p);
  const bodyStart = p.pos;
  if (peekReserved(p) !== '{') fail(p, bodyStart, '"@test <description>" must be followed by "{" on the same line');
  const block = parseBlock(p, true);
  const redirs = parseTrailingRedirects(p);
  const end = redirs[redirs.length - 1]?.end ?? block.end;
  const body: Stmt = {
    type: 'Stmt',
    start: bodyStart,
    end,
    cmd: block,
    redirs,
    negated: false,
    background: false,
    semicolon: -1,
  };
  return { type: 'TestDecl', start, end, description, body };
}
