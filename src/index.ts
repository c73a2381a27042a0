// nounset's public API.

/** Errors nounset raises, with codes, titles and hints. */
export { EditConflictError, ERROR_INFO, type ErrorCode, NounsetError, ParseError, UsageError } from './errors.js';
/** Fixes one script's text: the new text, edits with reasons, environment inputs, diagnostics; never reads or writes files. */
export { fixScript, inspectScript } from './fix/index.js';
export type { EntryKind, EntryStat, ScriptIO, ScriptText, TextEncoding } from './io/index.js';
/** The file system as runPaths sees it, and its node:fs implementation. */
export { nodeIO } from './io/index.js';
export type * from './parse/ast.js';
/** Parses shell text into a syntax tree with exact UTF-16 offsets; throws ParseError; never reads files. */
/** Guesses bash or POSIX sh (and a ksh or Bats variant) from a shellcheck directive, shebang or extension; pure. */
/** Visits a syntax tree depth first; returning false skips a node's children. */
/** Converts offsets to 1-based lines and columns. */
export {
  type DialectGuess,
  detectDialect,
  forEachNode,
  type LineColumn,
  lineColumnAt,
  lineStarts,
  type ParseOptions,
  parse,
  positionOf,
  type ShellVariant,
} from './parse/index.js';
/** A unified diff with `a/` `b/` headers that `git apply` accepts; '' when nothing changed. */
export { unifiedDiff } from './report/index.js';
/** Fixes every script under files and directories; writes changed files (temp file + rename) only when asked; all IO through the `io` passed in. */
/** The scripts under files and directories (shell extension or shebang), sorted in byte order; reads through `io`, never writes. */
export {
  type FindOptions,
  type FoundScript,
  findScripts,
  findSkipCause,
  hasFailures,
  hasShellShebang,
  type RunOptions,
  runPaths,
} from './run/index.js';
export type * from './types/index.js';
