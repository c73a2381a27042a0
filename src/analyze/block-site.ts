// Where the env-init block is, or where it goes: after the shebang, the leading comment header
// and any leading `set`/`shopt` lines, before the first other command.

import type { File, Stmt } from '../parse/index.js';
import { wordText } from './builtins.js';
import { isSetOptionWord, setOption } from './nounset-start.js';

/** The marker comments around the block (what follows them on the line is free text). */
export const BLOCK_BEGIN = '# nounset:env-init begin';
export const BLOCK_END = '# nounset:env-init end';

export interface BlockEntry {
  readonly name: string;
  /** The line as written (kept verbatim on a re-run). */
  readonly line: string;
  readonly default: string | null;
  readonly required: boolean;
}

export interface ExistingBlock {
  /** From the start of the begin marker's line to just after the end marker's line break. */
  readonly start: number;
  readonly end: number;
  readonly entries: readonly BlockEntry[];
  /** Lines between the markers that are not entries nounset writes; kept as they are. */
  readonly other: readonly string[];
  /** Every line between the markers, as written. */
  readonly lines: readonly string[];
  /** The begin and end marker lines as written. */
  readonly header: string;
  readonly footer: string;
}

export type BlockSite =
  | { readonly kind: 'existing'; readonly block: ExistingBlock; readonly eol: string }
  | {
      readonly kind: 'new';
      readonly at: number;
      readonly blankBefore: boolean;
      readonly blankAfter: boolean;
      readonly eol: string;
    }
  | { readonly kind: 'malformed'; readonly at: number; readonly message: string };

const ENTRY = /^([A-Za-z_][A-Za-z0-9_]*)="\$\{\1:-(.*)\}"$/;
const REQUIRED = /^: "\$\{([A-Za-z_][A-Za-z0-9_]*):\?.*\}"$/;

/** Finds the existing block or the place for a new one. */
export function findBlockSite(text: string, file: File): BlockSite {
  const eol = /\r\n/.test(text.slice(0, (text.indexOf('\n') + 1 || text.length) + 1)) ? '\r\n' : '\n';
  const begins = file.comments.filter((c) => `#${c.text}`.startsWith(BLOCK_BEGIN));
  const ends = file.comments.filter((c) => `#${c.text}`.startsWith(BLOCK_END));
  if (begins.length > 1 || ends.length > 1 || begins.length !== ends.length) {
    const at = (begins[1] ?? ends[1] ?? begins[0] ?? ends[0])?.start ?? 0;
    return { kind: 'malformed', at, message: 'found more than one env-init block, or a marker without its pair' };
  }
  const [begin] = begins;
  const [end] = ends;
  if (begin && end) {
    if (end.start < begin.start)
      return { kind: 'malformed', at: end.start, message: 'the env-init end marker comes before its begin marker' };
    return { kind: 'existing', block: readBlock(text, begin.start, end.end), eol };
  }
  return { kind: 'new', eol, ...newBlockPlace(text, file) };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function readBlock(text: string, beginStart: number, endEnd: number): ExistingBlock {
  const start = lineStartOf(text, beginStart);
  const nl = text.indexOf('\n', endEnd);
  const end = nl === -1 ? text.length : nl + 1;
  const lines = text
    .slice(start, end)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const entries: BlockEntry[] = [];
  const other: string[] = [];
  const inner: string[] = [];
  let footer = BLOCK_END;
  for (const line of lines.slice(1)) {
    if (line.startsWith(BLOCK_END)) {
      footer = line;
      break;
    }
    inner.push(line);
    const m = ENTRY.exec(line);
    const r = REQUIRED.exec(line);
    if (m?.[1]) entries.push({ name: m[1], line, default: m[2] ?? '', required: false });
    else if (r?.[1]) entries.push({ name: r[1], line, default: null, required: true });
    else if (line.trim() !== '') other.push(line);
  }
  return { start, end, entries, other, lines: inner, header: lines[0] ?? BLOCK_BEGIN, footer };
}

function isSetOrShopt(s: Stmt): boolean {
  if (s.cmd?.type !== 'CallExpr' || s.cmd.assigns.length > 0 || s.background) return false;
  const name = wordText(s.cmd.args[0]);
  return name === 'set' || name === 'shopt';
}

/** `set -a`, `set -o allexport` (alone or among other options). */
function turnsOnAllexport(s: Stmt): boolean {
  if (s.cmd?.type !== 'CallExpr' || wordText(s.cmd.args[0]) !== 'set') return false;
  const words = s.cmd.args.slice(1).map((w) => wordText(w));
  return setOption(words, isSetOptionWord, 'a', 'allexport').on === true;
}

function newBlockPlace(text: string, file: File): { at: number; blankBefore: boolean; blankAfter: boolean } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  // The header: a shebang and the comment lines right below it (or the file's first comments).
  let headerEnd = bom;
  for (let pos = bom; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, lineEnd);
    if (!/^[ \t]*#/.test(line)) break;
    // A directive for the next command belongs to it: the block never goes in between.
    if (/^[ \t]*#[ \t]*(shellcheck[ \t]+disable|nounset[ \t]+disable-next-line)/.test(line)) break;
    headerEnd = lineEnd;
    pos = lineEnd;
  }
  let at = headerEnd;
  for (const s of file.stmts) {
    // bash reads the text behind a byte-order mark as one word with it (a shebang becomes a
    // command): that first line stays first, and the block goes after it.
    if (bom && s.start === 0) {
      const nl = text.indexOf('\n', s.end);
      at = Math.max(at, nl === -1 ? text.length : nl + 1);
      continue;
    }
    if (!isSetOrShopt(s)) {
      // A command on the header's or a set line's own line: go before that line.
      if (s.start < at) at = lineStartOf(text, s.start);
      break;
    }
    if (turnsOnAllexport(s)) {
      // Before `set -a`: under it the block's assignments would be exported, and a command the
      // script runs would find an input set to empty where it was unset.
      at = Math.max(bom, Math.min(at, lineStartOf(text, s.start)));
      break;
    }
    const nl = text.indexOf('\n', s.end);
    at = nl === -1 ? text.length : nl + 1;
  }
  // A byte-order mark stays the first character.
  at = Math.max(at, bom);
  const before = text.slice(lineStartOf(text, Math.max(bom, at - 1)), at);
  const nl = text.indexOf('\n', at);
  const after = text.slice(at, nl === -1 ? text.length : nl);
  return {
    at,
    blankBefore: at > bom && before.trim() !== '',
    blankAfter: at < text.length && after.trim() !== '',
  };
}
