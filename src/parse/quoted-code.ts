// Shell code a script keeps in a quoted string for bash to parse later, as a trap's handler
// (`trap 'rm -rf "$tmp"' EXIT`, `trap "rm -rf \$tmp" EXIT`). The tree of that code has the
// script's offsets, so an edit nounset finds in the code lands on the script's bytes.

import type { DblQuoted, File, SglQuoted, Word } from './ast.js';
import { derivedOffsets, remap } from './backquote-body.js';
import { type ParseOptions, parse } from './parse-text.js';
import { literalValue } from './words.js';

/** Parses shell code as if it began at offset `base` of a longer text: a single-quoted string's
 * text, whose characters are the script's (single quotes keep every one as it is), or code an
 * `eval` runs, placed past the script's end (analyze/eval-probes.ts). Throws ParseError, with
 * positions in `code`. */
export function parseAt(code: string, base: number, opts: ParseOptions = {}): File {
  const file = parse(code, opts);
  // -1 stands for "none" (a statement without `;`), and stays so.
  const move = (i: number): number => (i < 0 ? i : i + base);
  remap(file.stmts, move, move);
  remap(file.comments, move, move);
  return { ...file, start: base, end: base + code.length };
}

/** The code a double-quoted string with no expansion of its own holds, `[from, to)` of `text`
 * (inside the quotes): bash removes the backslash before `$`, `` ` ``, `"` and `\`, and a
 * backslash-newline, and parses the rest when it runs the code. Each character of the code maps
 * to the source character it is (an escaped one to itself, not its backslash), offsets moved by
 * `shift`: an edit of `$tmp` in the code is an edit of `$tmp` in `\$tmp`. Throws ParseError, with
 * positions in the code. */
function parseDoubleQuotedCode(text: string, from: number, to: number, opts: ParseOptions = {}, shift = 0): File {
  let code = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < to) {
      const n = text[i + 1] as string;
      if (n === '\n') {
        i++;
        continue;
      }
      if (n === '$' || n === '`' || n === '"' || n === '\\') i++;
    }
    code += text[i];
    map.push(i + shift);
  }
  const file = parse(code, opts);
  const close = to + shift;
  const { mapStart, mapEnd } = derivedOffsets(map, close);
  remap(file.stmts, mapStart, mapEnd);
  remap(file.comments, mapStart, mapEnd);
  return { ...file, start: from + shift, end: close };
}

/** A trap's handler bash parses when the trap fires: a single-quoted string, or a double-quoted
 * one that expands nothing itself (`"rm -rf \$tmp"`), whose code is all the script's text. */
export type QuotedHandler = SglQuoted | DblQuoted;

/** The handler of `trap 'CODE' SIGNAL…` (or `trap -- 'CODE' …`), given the command's words, when
 * it is one quoted string (not `$'…'` or `$"…"`) whose text the script spells out. Else null. */
export function quotedTrapHandler(args: readonly Word[]): QuotedHandler | null {
  const cmd = args[0];
  if (cmd === undefined || literalValue(cmd) !== 'trap') return null;
  const at = args[1] !== undefined && literalValue(args[1]) === '--' ? 2 : 1;
  const handler = args[at];
  // A handler with no signal after it is `trap SIGNAL`, which resets that signal.
  if (handler === undefined || args.length < at + 2 || handler.parts.length !== 1) return null;
  const part = handler.parts[0];
  if (part?.type === 'SglQuoted') return part.dollar ? null : part;
  if (part?.type !== 'DblQuoted' || part.dollar) return null;
  return part.parts.every((p) => p.type === 'Lit') ? part : null;
}

/** The handler's code parsed where its characters are (`shift` added to each offset); null when
 * its text is not the script's own at those offsets (inside backquotes, where the source is
 * unescaped first). Throws ParseError. */
export function parseTrapHandler(part: QuotedHandler, text: string, opts: ParseOptions, shift = 0): File | null {
  if (part.type === 'SglQuoted') {
    if (text.slice(part.start + 1, part.end - 1) !== part.value) return null;
    return parseAt(part.value, part.start + 1 + shift, opts);
  }
  let raw = '';
  for (const p of part.parts) if (p.type === 'Lit') raw += p.value;
  if (text.slice(part.start + 1, part.end - 1) !== raw) return null;
  return parseDoubleQuotedCode(text, part.start + 1, part.end - 1, opts, shift);
}
