// Lines of a text, from offsets in UTF-16 code units: where each line starts, and which line and
// column an offset is on. The one line index of the parser's errors, the plan's reasons and the
// renderers' line groups; 0-based in code, 1-based when shown.

export interface LineColumn {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

/** Offsets at which each line starts (a text ending in a newline has an empty last line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** lineStarts, plus text.length as a sentinel when the text does not end with a newline: line k
 * is then [bounds[k], bounds[k + 1]), and there are bounds.length - 1 lines. */
export function lineBounds(text: string): number[] {
  const bounds = lineStarts(text);
  if (bounds[bounds.length - 1] !== text.length) bounds.push(text.length);
  return bounds;
}

/** The last index in [0, last] whose start is at or before `offset` (0 when none is). */
function lastStartAtOrBefore(starts: readonly number[], offset: number, last: number): number {
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column of `offset` (clamped to the text), in lineStarts' `starts`. */
export function lineColumnAt(starts: readonly number[], offset: number): LineColumn {
  const lo = lastStartAtOrBefore(starts, offset, starts.length - 1);
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The last text positionOf was asked of, and its line starts. */
let lastText = '';
let lastStarts: readonly number[] = [0];

/** 1-based line and column of `offset` in `text`. The lines of the last text asked are kept: the
 * model asks the script's text once per trap handler, and 8,000 handlers took a second. */
export function positionOf(text: string, offset: number): LineColumn {
  if (text !== lastText) {
    lastText = text;
    lastStarts = lineStarts(text);
  }
  return lineColumnAt(lastStarts, offset);
}

/** The 0-based line holding `offset` in lineBounds' `bounds` (the last line for text.length). */
export function lineOfOffset(bounds: readonly number[], offset: number): number {
  return lastStartAtOrBefore(bounds, offset, bounds.length - 2);
}
