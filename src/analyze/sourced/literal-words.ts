// The literal text of a shell word, quotes removed as the shell removes them, for naming the files
// a script sources. An unquoted glob, brace or leading `~`, or a `$'…'` escape, is not literal.

import { unescapeDoubleQuoted, unescapeUnquoted, type Word, type WordPart } from '../../parse/index.js';

/** A path nounset cannot name, and why (shown in the source-not-followed note). */
export interface Unresolved {
  readonly kind: 'unresolved';
  readonly reason: string;
}

export const unresolved = (reason: string): Unresolved => ({ kind: 'unresolved', reason });

export interface Piece {
  readonly part: WordPart;
  readonly quoted: boolean;
}

export function flatten(parts: readonly WordPart[], quoted: boolean, out: Piece[]): Piece[] {
  for (const part of parts) {
    if (part.type === 'DblQuoted') flatten(part.parts, true, out);
    else out.push({ part, quoted });
  }
  return out;
}

/** The value of a literal part; unquoted globs, brace expansions and `~` are not literal. */
export function literalText(
  part: WordPart & { type: 'Lit' | 'SglQuoted' },
  quoted: boolean,
  atStart: boolean,
): string | Unresolved {
  if (part.type === 'SglQuoted') {
    // $'...' escapes are rare in paths; decoding them is not worth the risk of a wrong answer.
    if (part.dollar && part.value.includes('\\')) return unresolved("the path has $'...' escapes");
    return part.value;
  }
  if (quoted) return unescapeDoubleQuoted(part.value);
  if (atStart && part.value.startsWith('~')) return unresolved('the path starts with ~ (a home directory)');
  if (/(^|[^\\])(\\\\)*[*?[{]/.test(part.value)) return unresolved('the path has a glob or brace expansion');
  return unescapeUnquoted(part.value);
}

/** The text of a word with no expansions, or null. */
export function literalWord(word: Word | null | undefined): string | null {
  if (!word) return null;
  let out = '';
  for (const { part, quoted } of flatten(word.parts, false, [])) {
    if (part.type !== 'Lit' && part.type !== 'SglQuoted') return null;
    const text = literalText(part, quoted, false);
    if (typeof text !== 'string') return null;
    out += text;
  }
  return out;
}

export function literalPieces(word: Word): string[] {
  const out: string[] = [];
  for (const { part } of flatten(word.parts, false, []))
    if (part.type === 'Lit' || part.type === 'SglQuoted') out.push(part.value);
  return out;
}
