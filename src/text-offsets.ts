// Where a short string occurs in a text, and whether it occurs in a range: how the output guard,
// the printed-code check and the eval code probes find `<<` or `eval` without walking a tree.

/** Where `needle` starts in `text`, in order. */
export function offsetsOf(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/** True when a sorted `offsets` holds one in `[start, end)`. */
export function holdsAt(offsets: readonly number[], start: number, end: number): boolean {
  const k = firstAtOrAfter(offsets, start);
  return k < offsets.length && (offsets[k] as number) < end;
}

/** The index of the first of a sorted `offsets` at or after `x` (its length if none). */
export function firstAtOrAfter(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
