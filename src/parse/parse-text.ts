// Parsing a whole text: text in, syntax tree out, or one ParseError.

import type { Dialect, File } from './ast.js';
import { parseProgram } from './commands.js';
import { readHeredocBodies } from './redirects.js';
import { createState, SyntaxFailure, toParseError } from './state.js';

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
