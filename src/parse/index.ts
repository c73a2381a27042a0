// The parser's entry points: a script's text, or code a script keeps in a quoted string.

export { type LineColumn, lineColumnAt, lineStarts, positionOf } from '../line-index.js';
export type * from './ast.js';
export { type DialectGuess, detectDialect, dialectOption, type ShellVariant } from './dialect.js';
export type { ParseOptions } from './parse-text.js';
export { parse, parseStmtAt } from './parse-text.js';
export { parseAt, parseTrapHandler, type QuotedHandler, quotedTrapHandler } from './quoted-code.js';
export { childrenOf, forEachNode } from './walk.js';
export { literalValue, unescapeDoubleQuoted, unescapeUnquoted } from './words.js';
