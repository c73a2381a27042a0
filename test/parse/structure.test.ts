// Structural invariants of every tree the corpus yields: parts tile their word exactly, children
// sit inside their parents, and no character of the input is lost between the leaves.

import assert from 'node:assert/strict';
import type { File, Node, WordPart } from '../../src/parse/ast.js';
import { forEachNode, parse } from '../../src/parse/index.js';
import { corpus } from '../support/corpus.js';

/** Checks that `parts` tile [start, end) with no gap or overlap. */
function assertTiles(text: string, parts: readonly WordPart[], start: number, end: number, what: string): void {
  let at = start;
  for (const part of parts) {
    assert.equal(
      part.start,
      at,
      `${what}: part ${part.type} starts at ${part.start}, expected ${at}: ${JSON.stringify(text.slice(start, end))}`,
    );
    at = part.end;
  }
  assert.equal(at, end, `${what}: parts end at ${at}, expected ${end}: ${JSON.stringify(text.slice(start, end))}`);
}

/** Syntax that may sit between leaves: blanks, line continuations, operators, quote and
 * expansion delimiters, reserved words, here-document delimiter lines. */
const GAP_TOKEN =
  /^(?:[ \t\n]|\\\n|;;&|;;|;&|&&|\|\||\|&|&>>|&>|<<<|<<-|<<|>>|>\||<>|<&|>&|\\[`$\\"]|\\|\$\(\(|\)\)|\$\(|\$\{|\$\[|\$'|\$"|\[\[|\]\]|=~|==|!=|-(?:eq|ne|lt|le|gt|ge|nt|ot|ef|[a-zA-Z])(?![\w-])|[~$;&|()<>{}!"`'[\]=+:#%/^,@?*-]|\b(?:if|then|elif|else|fi|do|done|while|until|for|in|select|case|esac|function|time|coproc|let)\b)/;

function checkGaps(text: string, file: File): void {
  const leaves: { start: number; end: number }[] = [];
  forEachNode(file, (node: Node) => {
    if (node.type === 'Lit' || node.type === 'SglQuoted' || node.type === 'Comment' || node.type === 'OpaqueParamExp') {
      leaves.push(node);
      return false;
    }
    if (node.type === 'HeredocBody' && node.delimStart < text.length) {
      const eol = text.indexOf('\n', node.delimStart);
      leaves.push({ start: node.delimStart, end: eol === -1 ? text.length : eol });
    }
    return true;
  });
  for (const c of file.comments) leaves.push(c);
  leaves.sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  const gaps: string[] = [];
  for (const leaf of leaves) {
    if (leaf.start > at) gaps.push(text.slice(at, leaf.start));
    at = Math.max(at, leaf.end);
  }
  if (at < text.length) gaps.push(text.slice(at));
  for (const gap of gaps) {
    let rest = gap;
    while (rest.length > 0) {
      const m = GAP_TOKEN.exec(rest);
      assert.ok(
        m,
        `characters outside every leaf: ${JSON.stringify(rest.slice(0, 40))} in gap ${JSON.stringify(gap.slice(0, 80))}`,
      );
      rest = rest.slice(m[0].length);
    }
  }
}

function checkTree(text: string, file: File): void {
  // Inside backquotes with escapes, nodes come from the unescaped text: removed backslashes
  // belong to no part, so tiling is checked only outside them.
  const unescaped: { start: number; end: number }[] = [];
  const inUnescaped = (n: Node): boolean => unescaped.some((u) => n.start >= u.start && n.end <= u.end);
  forEachNode(file, (node, parent) => {
    if (node.type === 'CmdSubst' && node.backquotes && text.slice(node.start, node.end).includes('\\'))
      unescaped.push(node);
    if (inUnescaped(node) && node.type !== 'CmdSubst') return true;
    assert.ok(node.start <= node.end, `${node.type} has start ${node.start} > end ${node.end}`);
    if (parent !== null && parent.type !== 'File' && node.type !== 'HeredocBody') {
      assert.ok(
        node.start >= parent.start && node.end <= parent.end,
        `${node.type} [${node.start},${node.end}) outside its parent ${parent.type} [${parent.start},${parent.end}): ${JSON.stringify(text.slice(parent.start, parent.end).slice(0, 80))}`,
      );
    }
    if (node.type === 'Word') assertTiles(text, node.parts, node.start, node.end, 'word');
    if (node.type === 'DblQuoted')
      assertTiles(text, node.parts, node.start + (node.dollar ? 2 : 1), node.end - 1, 'double quotes');
    if (node.type === 'HeredocBody') assertTiles(text, node.parts, node.start, node.end, 'here-document');
    if (node.type === 'Lit') {
      // Names read across a line continuation (`$aa\⏎ba` is `aaba`) drop it; all else is raw.
      const raw = text.slice(node.start, node.end);
      assert.ok(
        node.value === raw || node.value === raw.replace(/\\\n/g, ''),
        `a literal is its source text: ${JSON.stringify(raw)}`,
      );
    }
    if (node.type === 'Word' && node.parts.length === 0) assert.fail('empty word');
    if (node.type === 'OpaqueParamExp')
      assert.equal(node.value, text.slice(node.start, node.end), 'an opaque word is its source text');
  });
}

describe('parser structure', () => {
  for (const sub of ['constructs', 'realistic', 'accepted']) {
    for (const f of corpus(sub)) {
      it(`${f.name}: parts tile words, children nest, no character lost`, () => {
        const file = parse(f.text, { dialect: f.dialect, path: f.name });
        checkTree(f.text, file);
        checkGaps(f.text, file);
      });
    }
  }
});
