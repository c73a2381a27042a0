// The `# shellcheck source=PATH` directive that names the file a source command reads, found
// where ShellCheck looks for it.

import type { Comment, File, Node, Stmt } from '../../parse/index.js';
import { forEachNode } from '../../parse/index.js';

/** The `# shellcheck source=PATH` directive that applies to the source command at `offset` (any
 * offset inside the command, e.g. its path word), or null.
 *
 * ShellCheck's rules (Parser.hs): directive comments anywhere between the end of the previous
 * command (or the start of the enclosing list) and an and-or list apply to that list, blank lines
 * and other comments in between allowed; so a directive before `if`, a function or `{ … }` covers
 * the source commands inside. The innermost directive wins, and the first `source=` within one
 * block.
 *
 * ShellCheck also applies directives before a script's first command to the whole file, even one
 * written directly above a first `source` line for that line alone (koalaman/shellcheck#2854):
 * every later source command would then follow the same file. Here such a block covers the rest
 * of the file only when a blank line separates it from the first command, as a file header. */
export function sourceDirective(file: File, text: string, offset: number): string | null {
  const gaps = enclosingGaps(file, offset);
  for (let i = gaps.length - 1; i >= 0; i--) {
    const found = directiveIn(file.comments, gaps[i] as Gap);
    if (found !== null) return found.value;
  }
  return fileHeaderDirective(file, text);
}

/** A `source=` directive before the first command, set apart from it by a blank line. */
function fileHeaderDirective(file: File, text: string): string | null {
  const first = file.stmts[0];
  const found = directiveIn(file.comments, { start: 0, end: first ? first.start : file.end });
  if (found === null) return null;
  return /\n[ \t]*\r?\n/.test(text.slice(found.comment.end, first ? first.start : file.end)) ? found.value : null;
}

interface Gap {
  readonly start: number;
  readonly end: number;
}

/** For each statement list enclosing `offset`, outermost first: the text between the previous
 * statement (or the list's start) and the statement that holds `offset`. */
function enclosingGaps(file: File, offset: number): Gap[] {
  const gaps: Gap[] = [];
  forEachNode(file, (node) => {
    if (node.start > offset || node.end < offset) return false;
    const list = stmtList(node);
    if (list === null) return;
    const i = list.findIndex((s) => s.start <= offset && offset < s.end);
    if (i >= 0) gaps.push({ start: i === 0 ? node.start : (list[i - 1] as Stmt).end, end: (list[i] as Stmt).start });
  });
  return gaps;
}

/** The statements of a node that holds a list of commands, in source order. */
function stmtList(node: Node): readonly Stmt[] | null {
  switch (node.type) {
    case 'File':
    case 'Block':
    case 'Subshell':
    case 'CmdSubst':
    case 'ProcSubst':
    case 'CaseItem':
      return node.stmts;
    case 'IfClause':
      return [...node.cond, ...node.then];
    case 'WhileClause':
      return [...node.cond, ...node.body];
    case 'ForClause':
      return node.body;
    default:
      return null;
  }
}

function directiveIn(
  comments: readonly Comment[],
  gap: Gap,
): { readonly value: string; readonly comment: Comment } | null {
  for (const comment of comments) {
    if (comment.start < gap.start || comment.end > gap.end) continue;
    const value = sourceKey(comment.text);
    if (value !== null) return { value, comment };
  }
  return null;
}

/** The `source=` value of a `# shellcheck key=value ...` comment, as ShellCheck reads it: values
 * may be quoted, a `#` ends the directive, and reading stops at the first malformed pair. */
function sourceKey(comment: string): string | null {
  const m = /^[ \t]*shellcheck[ \t]+/.exec(comment);
  if (m === null) return null;
  const pair = /([A-Za-z-]+)=(?:'([^'\n]+)'|"([^"\n]+)"|([^\s]+))[ \t]*/y;
  pair.lastIndex = m[0].length;
  for (let p = pair.exec(comment); p !== null; p = pair.exec(comment)) {
    if (p[1] === 'source') return p[2] ?? p[3] ?? p[4] ?? null;
  }
  return null;
}
