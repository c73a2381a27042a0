// Parsing a whole text: text in, syntax tree out, or one ParseError.

import type { Comment, Dialect, File, Stmt } from './ast.js';
import { parseListStmt, parseProgram } from './commands.js';
import { readHeredocBodies } from './redirects.js';
import { Ch, createState, cur, readComment, SyntaxFailure, skipBlanks, toParseError } from './state.js';

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
  return { type: 'File', start: 0, end: text.length, dialect, stmts, comments: p.comments, unparsed: p.unparsed };
}

/** The statement of a statement list that starts at `start` of `text`, read alone: as the whole
 * text's parse reads it there when nothing is pending (no here-document body, no backquotes
 * around it), with the comments inside it, and the bodies of the here-documents it leaves
 * pending, read after the newline that ends its line (`end`: past them). `depth`: the nesting it
 * starts at, so that the depth guard trips no later than in the whole parse. Null where a list
 * would end instead, or where more than a comment follows a statement with bodies pending.
 * Throws ParseError. */
export function parseStmtAt(
  text: string,
  start: number,
  opts: ParseOptions & { readonly depth: number },
): { stmt: Stmt; comments: readonly Comment[]; end: number } | null {
  const path = opts.path ?? '<stdin>';
  const p = createState({
    src: text,
    dialect: opts.dialect ?? 'bash',
    path,
    bats: opts.bats ?? false,
    depth: opts.depth,
  });
  p.pos = start;
  try {
    const stmt = parseListStmt(p);
    if (stmt === null) return null;
    if (p.pending.length > 0) {
      // As parseStmtList's skipSeparators reads on: blanks, a comment, the newline, the bodies.
      skipBlanks(p);
      if (cur(p) === Ch.Hash) readComment(p);
      if (cur(p) !== Ch.Newline) return null;
      p.pos++;
      readHeredocBodies(p);
      return { stmt, comments: p.comments, end: p.pos };
    }
    return { stmt, comments: p.comments, end: stmt.end };
  } catch (err) {
    if (err instanceof SyntaxFailure) throw toParseError(err, text, path);
    throw err;
  }
}
