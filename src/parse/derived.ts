// Parsing a string derived from the source (backquote contents after unescaping): the nodes are
// parsed from the derived text, then every offset is mapped back to the source character it
// came from, so edits still land on the right bytes.

import type { Stmt } from './ast.js';
import { parseStmtsIn } from './commands.js';
import { createState, type ParserState } from './state.js';

const OFFSET_KEYS = new Set(['start', 'opPos', 'semicolon', 'delimStart']);

/** Parses `text`, whose character i came from source offset `map[i]`; `close` is the source
 * offset just after the last character (where an empty trailing span maps to). */
export function parseDerived(p: ParserState, text: string, map: readonly number[], close: number): readonly Stmt[] {
  const toSource = (i: number): number => (i < map.length ? (map[i] ?? close) : close);
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
  const mapStart = (i: number): number => (i < 0 ? i : toSource(i));
  const mapEnd = (i: number): number => (i <= 0 ? mapStart(i) : toSource(i - 1) + 1);
  remap(stmts, mapStart, mapEnd);
  for (const c of sub.comments) {
    remap(c, mapStart, mapEnd);
    p.comments.push(c);
  }
  return stmts;
}

function remap(node: unknown, mapStart: (i: number) => number, mapEnd: (i: number) => number): void {
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
