// The parser's entry point: text in, syntax tree out, or one ParseError.

import type { Dialect, File, SglQuoted, Word } from './ast.js';
import { remap } from './backquote-body.js';
import { parseProgram } from './commands.js';
import { readHeredocBodies } from './redirects.js';
import { createState, SyntaxFailure, toParseError } from './state.js';
import { literalValue } from './words.js';

export interface ParseOptions {
  /** `bash` (default) or `posix` (dash / POSIX sh: bash-only syntax is not recognised). */
  readonly dialect?: Dialect;
  /** Shown in error messages. */
  readonly path?: string;
  /** A Bats test file (`detectDialect(...).variant === 'bats'`): accept `@test word { … }`
   * where a command starts. Off by default, where `@test "x" {` is a syntax error as in bash. */
  readonly bats?: boolean;
}

/** Parses a whole script. Throws ParseError (`path:line:col: message`) on bad syntax. */
export function parse(text: string, opts: ParseOptions = {}): File {
  const dialect = opts.dialect ?? 'bash';
  const path = opts.path ?? '<stdin>';
  const p = createState({ src: text, dialect, path, bats: opts.bats ?? false });
  let stmts: File['stmts'];
  try {
    stmts = parseProgram(p);
    // Here-documents on the last line, with no newline after it: bash reads an empty body.
    if (p.pending.length > 0) readHeredocBodies(p);
  } catch (err) {
    if (err instanceof SyntaxFailure) throw toParseError(err, text, path);
    throw err;
  }
  return { type: 'File', start: 0, end: text.length, dialect, stmts, comments: p.comments };
}

/** Parses shell code a script keeps in a single-quoted string for bash to run later, as a trap
 * handler (`trap 'rm -rf "$tmp"' EXIT`): `code` is the string's text, whose first character is at
 * offset `base` of the script. Single quotes keep every character as it is, so the tree's offsets
 * are the script's. Throws ParseError, with positions in `code`. */
export function parseQuotedCode(code: string, base: number, opts: ParseOptions = {}): File {
  const file = parse(code, opts);
  // -1 stands for "none" (a statement without `;`), and stays so.
  const move = (i: number): number => (i < 0 ? i : i + base);
  remap(file.stmts, move, move);
  remap(file.comments, move, move);
  return { ...file, start: base, end: base + code.length };
}

/** The handler of `trap 'CODE' SIGNAL…` (or `trap -- 'CODE' …`), given the command's words, when
 * it is one single-quoted string (not `$'…'`): code bash parses when the trap fires. Else null. */
export function quotedTrapHandler(args: readonly Word[]): SglQuoted | null {
  const cmd = args[0];
  if (cmd === undefined || literalValue(cmd) !== 'trap') return null;
  const at = args[1] !== undefined && literalValue(args[1]) === '--' ? 2 : 1;
  const handler = args[at];
  // A handler with no signal after it is `trap SIGNAL`, which resets that signal.
  if (handler === undefined || args.length < at + 2 || handler.parts.length !== 1) return null;
  const part = handler.parts[0];
  return part?.type === 'SglQuoted' && !part.dollar ? part : null;
}

export { type LineColumn, lineColumnAt, lineStarts, positionOf } from '../line-index.js';
export type * from './ast.js';
export { type DialectGuess, detectDialect, dialectOption, type ShellVariant } from './dialect.js';
export { childrenOf, forEachNode } from './walk.js';
export { literalValue, unescapeDoubleQuoted } from './words.js';
