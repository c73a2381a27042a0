// A link checker for the repository's Markdown: every relative link must name a file or folder that
// exists, and every `#anchor` a heading of the target page (slugged as GitHub slugs it) or an
// explicit `<a id>`. Pure: the files are read through the `DocTree` passed in.

import { posix } from 'node:path';

/** How the checker sees the repository: paths are `/`-separated and relative to its root. */
export interface DocTree {
  /** 'file', 'dir', or null when nothing is there. */
  kind(path: string): 'file' | 'dir' | null;
  /** The text of a file (only asked of files `kind` says exist). */
  read(path: string): string;
}

export interface DocLink {
  readonly line: number;
  readonly target: string;
}

export interface DeadLink extends DocLink {
  readonly file: string;
  readonly reason: string;
}

/** GitHub's anchor for a heading's text (github-slugger): lower case, punctuation dropped, each space a `-`. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text a heading renders as: inline code, links, HTML tags and emphasis markers removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/\*+/g, '')
    .trim();
}

/** The lines of a page with fenced code blocks blanked: nothing inside them is a heading or a link. */
function proseLines(markdown: string): string[] {
  let fence: { char: string; length: number } | null = null;
  return markdown.split('\n').map((line) => {
    if (fence === null) {
      const open = /^\s*(`{3,}(?=[^`]*$)|~{3,})/.exec(line);
      if (open?.[1]) fence = { char: open[1][0] ?? '`', length: open[1].length };
      return open ? '' : line;
    }
    const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
    if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
    return '';
  });
}

/** Inline code spans blanked to spaces, so offsets and line numbers stay where they were. */
function withoutCodeSpans(text: string): string {
  return text.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
}

/** Every anchor a page offers: its headings' slugs (a repeated one gets -1, -2, …) and `<a id>`/`<a name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const prose = proseLines(markdown);
  for (const line of prose) {
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(line);
    if (!heading?.[1]) continue;
    const slug = githubSlug(headingText(heading[1]));
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of withoutCodeSpans(prose.join('\n')).matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g))
    if (m[1]) anchors.add(m[1]);
  return anchors;
}

/** Every link of a page outside code: `[text](target)`, `![alt](target)`, `[ref]: target`, `href="target"`. */
export function linksOf(markdown: string): DocLink[] {
  const text = withoutCodeSpans(proseLines(markdown).join('\n'));
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const links: DocLink[] = [];
  const patterns = [
    /\]\(\s*<([^>]*)>[^)]*\)/g,
    /\]\(\s*([^\s<)][^\s)]*)(?:\s+"[^"]*")?\s*\)/g,
    /^ {0,3}\[[^\]]+\]:\s*(\S+)/gm,
    /\bhref="([^"]*)"/g,
  ];
  for (const pattern of patterns)
    for (const m of text.matchAll(pattern)) if (m[1] !== undefined) links.push({ line: lineAt(m.index), target: m[1] });
  return links.sort((a, b) => a.line - b.line || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/** Why a link from `file` is dead, or null when it resolves. Links with a scheme (https:, mailto:) are not checked. */
export function deadReason(file: string, target: string, tree: DocTree): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null;
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  let path = file;
  if (pathPart !== '') {
    path = pathPart.startsWith('/') ? pathPart.slice(1) : posix.join(posix.dirname(file), pathPart);
    path = posix.normalize(path).replace(/\/$/, '');
    if (path.startsWith('../') || path === '..') return 'points outside the repository';
    const kind = path === '.' || path === '' ? 'dir' : tree.kind(path);
    if (kind === null) return `no file or folder ${path}`;
    if (kind === 'dir') return anchor === null ? null : `an anchor into the folder ${path}`;
  }
  if (anchor === null) return null;
  if (!path.endsWith('.md')) return `an anchor into ${path}, which is not Markdown`;
  return anchorsOf(tree.read(path)).has(anchor) ? null : `${path} has no heading or <a id> "${anchor}"`;
}

/** Every dead link in the given Markdown files. */
export function findDeadLinks(files: readonly string[], tree: DocTree): DeadLink[] {
  const dead: DeadLink[] = [];
  for (const file of files) {
    for (const link of linksOf(tree.read(file))) {
      const reason = deadReason(file, link.target, tree);
      if (reason !== null) dead.push({ file, ...link, reason });
    }
  }
  return dead;
}
