// Where a fact of the flow analysis comes from, each as one number with a name: the walk keeps one
// per variable in every state and copies them on every branch, so a record per slot would cost on
// the hot path. Encoded and decoded only here; what leaves the analysis is a record (SetOrigin).

declare const flowPosBrand: unique symbol;
declare const setAtBrand: unique symbol;

/** A place in the script or in a file it sources: the file's number (0 for the script) times
 * FILE_SPAN, plus the offset in that file. */
export type FlowPos = number & { readonly [flowPosBrand]: true };

/** How a variable came to be set: SET_BY_SHELL, assignedAt(pos) or testedAt(pos). */
export type SetAt = number & { readonly [setAtBrand]: true };

/** The same, decoded: what ReadStatus carries out of the analysis. */
export type SetOrigin =
  | { readonly kind: 'shell' }
  | { readonly kind: 'assignment'; readonly at: FlowPos }
  | { readonly kind: 'test'; readonly at: FlowPos };

const FILE_SPAN = 2 ** 22;
/** Files numbered above this keep plain offsets (as does an offset past FILE_SPAN): a larger
 * number would take a position, and its tested-at code, out of V8's small integers. */
const LAST_NUMBERED_FILE = 127;

/** `offset` in the file numbered `file`. */
export function flowPos(file: number, offset: number): FlowPos {
  return (
    file === 0 || file > LAST_NUMBERED_FILE || offset >= FILE_SPAN ? offset : file * FILE_SPAN + offset
  ) as FlowPos;
}

/** The number of the file a position is in (0, the script, for a plain offset). */
export function fileOfPos(pos: FlowPos): number {
  return pos >= FILE_SPAN ? Math.floor(pos / FILE_SPAN) : 0;
}

/** The offset of a position in its own file. */
export function offsetOfPos(pos: FlowPos): number {
  return pos - fileOfPos(pos) * FILE_SPAN;
}

/** Whether positions in the file numbered `index` carry its number (the script's do not need to). */
export function isNumberedFile(index: number): boolean {
  return index > 0 && index <= LAST_NUMBERED_FILE;
}

/** The shell sets the variable before the script starts (or it is a positional parameter passed). */
export const SET_BY_SHELL = -1 as SetAt;

export function assignedAt(pos: FlowPos): SetAt {
  return pos as number as SetAt;
}

/** Known set by a test (`[ -n "${X+x}" ] || exit`), coded below -1. */
export function testedAt(pos: FlowPos): SetAt {
  return (-pos - 2) as SetAt;
}

export function originOf(at: SetAt): SetOrigin {
  if (at === SET_BY_SHELL) return { kind: 'shell' };
  return at < -1 ? { kind: 'test', at: (-at - 2) as FlowPos } : { kind: 'assignment', at: at as number as FlowPos };
}

/** A SetAt kept by an analysis whose files were numbered `from` (by path; the script's null), in
 * the numbers of `paths`. A file `paths` lacks keeps its old number. */
export function renumberSetAt(at: SetAt, from: readonly (string | null)[], paths: readonly string[]): SetAt {
  if (at === SET_BY_SHELL) return at;
  const tested = at < -1;
  const p = tested ? -at - 2 : at;
  const f = Math.floor(p / FILE_SPAN);
  const to = paths.indexOf(from[f] ?? '');
  const q = (isNumberedFile(to) ? to * FILE_SPAN + (p - f * FILE_SPAN) : p) as FlowPos;
  return tested ? testedAt(q) : assignedAt(q);
}
