// The commands inside backquotes: bash removes the backslashes before `$`, `` ` `` and `\` (and
// `"` inside double quotes) and parses what is left. That derived text is parsed, then every
// offset is mapped back to the source character it came from, so edits still land on the right bytes.

import type { CmdSubst, Stmt } from './ast.js';
import { parseStmtsIn } from './commands.js';
import { Ch, createState, type ParserState } from './state.js';

const OFFSET_KEYS = new Set(['start', 'opPos', 'semicolon', 'delimStart']);

/** For a text derived from the source, whose character i came from source offset `map[i]` (`close`
 * is the source offset just after the last one, where an empty trailing span maps to): each
 * offset's source offset, and the mapStart and mapEnd that move a tree parsed from it (remap). */
export function derivedOffsets(
  map: readonly number[],
  close: number,
): { toSource: (i: number) => number; mapStart: (i: number) => number; mapEnd: (i: number) => number } {
  const toSource = (i: number): number => (i < map.length ? (map[i] ?? close) : close);
  const mapStart = (i: number): number => (i < 0 ? i : toSource(i));
  const mapEnd = (i: number): number => (i <= 0 ? mapStart(i) : toSource(i - 1) + 1);
  return { toSource, mapStart, mapEnd };
}

/** Parses `text`, whose character i came from source offset `map[i]`; `close` is the source
 * offset just after the last character (where an empty trailing span maps to). */
function parseDerived(p: ParserState, text: string, map: readonly number[], close: number): readonly Stmt[] {
  const { toSource, mapStart, mapEnd } = derivedOffsets(map, close);
  const parentMap = p.errorMap;
  const sub = createState({
    src: text,
    dialect: p.dialect,
    bats: p.bats,
    path: p.path,
    depth: p.depth + 1,
    errorMap: parentMap ? (i) => parentMap(toSource(i)) : toSource,
  });
  const stmts = parseStmtsIn(sub, text.length);
  remap(stmts, mapStart, mapEnd);
  for (const c of sub.comments) {
    remap(c, mapStart, mapEnd);
    p.comments.push(c);
  }
  // Moved with the tree they are in; their `unparsed.offset` is the script's already (errorMap).
  for (const c of sub.unparsed) p.unparsed.push(c);
  return stmts;
}

/** The statements of the backquoted text between `from` and `to` (`dq`: inside double quotes). */
export function parseBackquoteBody(p: ParserState, from: number, to: number, dq: boolean): CmdSubst['stmts'] {
  // Build the unescaped text and, for each of its characters, the source offset it came from.
  let text = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const c = p.src.charCodeAt(i);
    if (c === Ch.Backslash) {
      const n = p.src.charCodeAt(i + 1);
      if (n === Ch.Dollar || n === Ch.Backquote || n === Ch.Backslash || (dq && n === Ch.DQuote)) i++;
      else {
        text += '\\';
        map.push(i);
        i++;
      }
    }
    text += p.src[i];
    map.push(i);
  }
  return parseDerived(p, text, map, to);
}

/** Moves every offset in a tree (`end` through mapEnd, the others through mapStart), in place. */
export function remap(node: unknown, mapStart: (i: number) => number, mapEnd: (i: number) => number): void {
  if (Array.isArray(node)) {
    for (const n of node) remap(n, mapStart, mapEnd);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const rec = node as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    const v = rec[key];
    if (typeof v === 'number') {
      if (key === 'end') rec[key] = mapEnd(v);
      else if (OFFSET_KEYS.has(key)) rec[key] = mapStart(v);
    } else if (typeof v === 'object') {
      remap(v, mapStart, mapEnd);
    }
  }
}
