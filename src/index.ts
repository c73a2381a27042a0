// nounset's public API.

/** Parses shell text into a syntax tree with exact UTF-16 offsets; throws ParseError; never reads files. */
export { parse, type ParseOptions } from './parse/index.js';
/** Guesses bash or POSIX sh (and a ksh or Bats variant) from a shellcheck directive, shebang or extension; pure. */
export { detectDialect, type DialectGuess, type ShellVariant } from './parse/index.js';
/** Visits a syntax tree depth first; returning false skips a node's children. */
export { forEachNode } from './parse/index.js';
/** Converts offsets to 1-based lines and columns. */
export { lineColumnAt, lineStarts, positionOf, type LineColumn } from './parse/index.js';
/** Errors nounset raises, with codes, titles and hints. */
export { ERROR_INFO, NounsetError, ParseError, type ErrorCode } from './errors.js';
export type * from './parse/ast.js';
/** Fixes one script's text: the new text, edits with reasons, environment inputs, diagnostics; never reads or writes files. */
export { fixScript, inspectScript } from './fix/index.js';
/** A unified diff with `a/` `b/` headers that `git apply` accepts; '' when nothing changed. */
export { unifiedDiff } from './report/index.js';
export { EditConflictError, UsageError } from './errors.js';
export type * from './types/index.js';
/** Fixes every script under files and directories; writes changed files (temp file + rename) only when asked; all IO through the `io` passed in. */
export { findSkipCause, hasFailures, runPaths, type RunOptions } from './run/index.js';
/** The scripts under files and directories (shell extension or shebang), sorted in byte order; reads through `io`, never writes. */
export { findScripts, hasShellShebang, type FindOptions, type FoundScript } from './run/index.js';
/** The file system as runPaths sees it, and its node:fs implementation. */
export { nodeIO } from './io/index.js';
export type { EntryKind, EntryStat, ScriptIO, ScriptText, TextEncoding } from './io/index.js';
