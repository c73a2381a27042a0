// The Edit type, and the check that edits never claim the same text.

import type { Plan } from '../analyze/index.js';
import { EditConflictError } from '../errors.js';
import type { EditKind, FixOptions } from '../types/index.js';

/** A replacement of `[start, end)` in the input; `start === end` inserts. */
export interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One reviewable edit: the construct it is about (`[start, end)`, what the report shows) and
 * the changes that make it. Reference rewrites are insertions (`$X` → `${X:-}` inserts `{` and
 * `:-}`), so a rewrite of `${a[$i]}` and one of the `$i` inside it compose without overlapping. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly changes: readonly Change[];
  readonly kind: EditKind;
  readonly variable: string | null;
  /** Why, for the reviewer. */
  readonly reason: string;
  /** The transform that made it (set by the runner). */
  readonly transform: string;
}

/** Something a transform noticed and did not (or could not) fix. */
export interface Finding {
  readonly start: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

/** A transform: metadata plus one pure function from an analysed script to edits. */
export interface Transform {
  readonly name: string;
  readonly meta: { readonly description: string };
  run(
    plan: Plan,
    options: Required<Pick<FixOptions, 'defaults'>>,
  ): { edits: Omit<Edit, 'transform'>[]; findings: Finding[] };
}

function compareEdits(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end || (a.transform < b.transform ? -1 : a.transform > b.transform ? 1 : 0);
}

/** Sorts edits by (start, end, transform) and throws EditConflictError when two of them change
 * the same text, or insert at the same point (their order would be arbitrary), unless that point
 * ends the one's construct and begins the other's. */
export function sortEdits(edits: readonly Edit[], describe: (offset: number) => string): Edit[] {
  const sorted = [...edits].sort(compareEdits);
  const changes = sorted.flatMap((edit) => edit.changes.map((change) => ({ change, edit })));
  changes.sort((x, y) => x.change.start - y.change.start || x.change.end - y.change.end);
  for (let i = 1; i < changes.length; i++) {
    const a = changes[i - 1];
    const b = changes[i];
    if (!a || !b) continue;
    const at = b.change.start;
    // Insertions where one construct ends and the next begins (`$i"$@"`: `:-}` after `$i`, then
    // `${@+` before `"$@"`) go in the constructs' order, which the sort gives.
    const adjoining = a.edit.start < at && a.edit.end === at && b.edit.start === at && b.edit.end > at;
    const overlap =
      a.change.end > b.change.start ||
      (a.change.start === at && (a.change.start === a.change.end || at === b.change.end) && !adjoining);
    if (overlap) {
      throw new EditConflictError(
        `${describe(b.change.start)}: edits of ${a.edit.transform} (${a.edit.variable ?? 'block'}) and ${b.edit.transform} (${b.edit.variable ?? 'block'}) overlap`,
      );
    }
  }
  return sorted;
}

/** The indexes of the outermost of `edits`, which are sorted by (start, end): those no other holds.
 * An edit that holds the ones taken before it replaces them; one that only overlaps the last one
 * taken is left out (each caller checks what it builds from the result). */
export function outermostEdits(edits: readonly { readonly start: number; readonly end: number }[]): number[] {
  const taken: number[] = [];
  edits.forEach((e, i) => {
    for (
      let last = edits[taken[taken.length - 1] ?? -1];
      last && e.start <= last.start && e.end >= last.end;
      last = edits[taken[taken.length - 1] ?? -1]
    )
      taken.pop();
    const last = edits[taken[taken.length - 1] ?? -1];
    if (!last || e.start >= last.end) taken.push(i);
  });
  return taken;
}

/** For each edit, its own changes and those of the edits nested inside it (a reference inside
 * a subscript of another), in order; and the outermost edits, in order. One sweep. */
export function nestEdits(edits: readonly Edit[]): { outer: Edit[]; within: Map<Edit, Change[]> } {
  const within = new Map<Edit, Change[]>();
  const outer: Edit[] = [];
  const open: Edit[] = [];
  // Outer before inner: by start, then the longer first.
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const e of sorted) {
    // An insertion-only edit (the block) never contains another.
    while (open.length > 0) {
      const top = open[open.length - 1] as Edit;
      if (top.start < top.end && e.start >= top.start && e.end <= top.end && e.start < e.end) break;
      open.pop();
    }
    within.set(e, [...e.changes]);
    for (const o of open) (within.get(o) as Change[]).push(...e.changes);
    if (open.length === 0) outer.push(e);
    open.push(e);
  }
  // Most lists are one edit's own changes, in order already: V8's sort allocates even for those.
  for (const list of within.values()) if (!inOrder(list)) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return { outer, within };
}

function inOrder(changes: readonly Change[]): boolean {
  for (let i = 1; i < changes.length; i++) {
    const a = changes[i - 1] as Change;
    const b = changes[i] as Change;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** The text of `[start, end)` with `changes` (all inside it, sorted) applied. */
export function renderSpan(text: string, start: number, end: number, changes: readonly Change[]): string {
  let out = '';
  let pos = start;
  for (const c of changes) {
    out += text.slice(pos, c.start) + c.text;
    pos = c.end;
  }
  return out + text.slice(pos, end);
}
