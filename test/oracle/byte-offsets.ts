// mvdan-sh reports UTF-8 byte offsets into the Go string that GopherJS made from our JS string;
// facts use UTF-16 code units. One table per text converts them.

/** Maps each UTF-8 byte offset (0..byteLength) to the UTF-16 offset of the character holding it. */
export type ByteToUtf16 = (byteOffset: number) => number;

// GopherJS's string internalization, mirrored: a high surrogate always takes the next code unit
// with it (even when that is no low surrogate), and an unpaired surrogate becomes U+FFFD.
function utf8Length(rune: number): number {
  if (rune < 0 || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) return 3; // U+FFFD
  if (rune <= 0x7f) return 1;
  if (rune <= 0x7ff) return 2;
  if (rune <= 0xffff) return 3;
  return 4; // also NaN: a high surrogate at the very end
}

/** Builds the byte -> UTF-16 table for `text` once; lookups past the end clamp to `text.length`. */
export function makeByteToUtf16(text: string): ByteToUtf16 {
  const table: number[] = [];
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let rune = unit;
    let units = 1;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      rune = 1024 * (unit - 0xd800) + text.charCodeAt(i + 1) - 0xdc00 + 0x10000;
      units = 2;
    }
    const bytes = utf8Length(rune);
    for (let k = 0; k < bytes; k++) table.push(i);
    i += units;
  }
  table.push(text.length);
  const last = table.length - 1;
  return (byteOffset) => table[Math.max(0, Math.min(byteOffset, last))] ?? text.length;
}

/** 1-based line and UTF-16 column of a UTF-16 offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** UTF-16 offset of a 1-based line and UTF-16 column, clamped to the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) return text.length;
    lineStart = newline + 1;
  }
  return Math.max(0, Math.min(lineStart + column - 1, text.length));
}
