// What walking a sourced file's top level did, kept across analyses in this thread: 600 test
// scripts that source one test library each walked its top level (hundreds of events) again. A
// walk is kept when it wrote only names (no eval, nameref or file it could not follow, no computed
// command name) and ran only functions whose summaries the libraries share: then it left every
// other name as it was, and what it did to the names it wrote follows from their values before it
// (a path-insensitive walk reads no value). A later analysis that meets the file with those same
// values, the same file numbers and the same shared summaries, and in which none of the functions
// the file runs needs a walk of its own (whose entry the call sites would feed), sets the names as
// kept instead of walking. A memo, not state: a hit gives what the walk would.

import type { Region } from '../model.js';
import { needsWalk } from './call-order.js';
import type { FlowContext, WalkLog } from './context.js';
import { modelId } from './digest.js';
import type { State } from './state.js';
import type { Summary } from './summary.js';

interface Kept {
  readonly known: ReadonlyMap<string, Summary>;
  /** The names the walk wrote, and for each its bits and slot before the walk (flagsOf, slotAt). */
  readonly names: readonly string[];
  readonly before: readonly number[];
  readonly argc: number;
  /** For each name its bits after, and its slot or (told) its story in words. */
  readonly after: readonly (number | string)[];
  readonly argcAfter: number;
  readonly dead: boolean;
  /** The commands it ran by name, each with whether it was a function of the program. */
  readonly calls: readonly (readonly [string, boolean])[];
}

const KEPT = new Map<string, Kept[]>();
const KEYS_MAX = 16;
const PER_KEY = 4;

/** True when the function `name` runs in a kept walk as the shared summaries say: it has one in
 * `known`, and this analysis does not walk it apart (the call sites would feed its entry). */
function runsAsShared(ctx: FlowContext, known: ReadonlyMap<string, Summary>, name: string): boolean {
  return known.has(name) && !needsWalk(ctx, name);
}

/** A log for a walk to keep: nothing done yet. */
export function emptyLog(): WalkLog {
  return { writes: new Set(), calls: new Map(), opaque: false, computed: false };
}

/** The key of walks of `model` as file number `file` in this analysis, or null when none can be
 * kept (no shared summaries, no state key). */
export function keptKey(ctx: FlowContext, model: Region, file: number): string | null {
  if (ctx.sharedKnown === null || ctx.input.stateKey === undefined) return null;
  return `${modelId(model)}\0${file}\0${ctx.input.stateKey}\0${ctx.program.paths.slice(1).join('\0')}`;
}

/** Sets s as a kept walk from its state would; false when none fits. */
export function replay(ctx: FlowContext, key: string, s: State): boolean {
  const list = KEPT.get(key);
  if (!list || s.dead || s.opaque >= 0) return false;
  const { ops, program } = ctx;
  const table = program.table;
  for (const k of list) {
    if (k.known !== ctx.sharedKnown || k.argc !== s.argc) continue;
    const ids = k.names.map((n) => table.id(n));
    let fits = true;
    for (let j = 0; j < ids.length && fits; j++) {
      const i = ids[j] as number;
      fits = ops.flagsOf(s, i) === k.before[2 * j] && ops.slotAt(s, i) === k.before[2 * j + 1];
    }
    if (!fits) continue;
    for (const [name, wasFunction] of k.calls) {
      const isFunction = program.funcs.has(name);
      if (isFunction !== wasFunction || (isFunction && !runsAsShared(ctx, k.known, name))) fits = false;
    }
    if (!fits) continue;
    ids.forEach((i, j) => {
      ops.restore(s, i, k.after[2 * j] as number, k.after[2 * j + 1] as number | string);
    });
    s.argc = k.argcAfter;
    s.dead = k.dead;
    replays++;
    return true;
  }
  return false;
}

/** Keeps the walk that took `before` to `after` (the log says what it did), when it can be. */
export function keep(ctx: FlowContext, key: string, before: State, after: State, log: WalkLog): void {
  const known = ctx.sharedKnown;
  if (known === null || log.opaque || log.computed || before.dead || before.opaque >= 0 || after.opaque >= 0) return;
  for (const [name, isFunction] of log.calls) if (isFunction && !runsAsShared(ctx, known, name)) return;
  const { ops, program } = ctx;
  const names: string[] = [];
  const was: number[] = [];
  const now: (number | string)[] = [];
  for (const i of log.writes) {
    const flags = ops.flagsOf(before, i);
    // A story's number means nothing to another analysis.
    if ((flags & 8) !== 0) return;
    names.push(program.table.names[i] as string);
    was.push(flags, ops.slotAt(before, i));
    const end = ops.flagsOf(after, i);
    now.push(end, (end & 8) !== 0 ? (ops.whyOf(after, i) ?? '') : ops.slotAt(after, i));
  }
  const kept: Kept = {
    known,
    names,
    before: was,
    argc: before.argc,
    after: now,
    argcAfter: after.argc,
    dead: after.dead,
    calls: [...log.calls],
  };
  const list = KEPT.get(key) ?? [];
  KEPT.delete(key);
  KEPT.set(key, [kept, ...list].slice(0, PER_KEY));
  if (KEPT.size > KEYS_MAX) KEPT.delete(KEPT.keys().next().value as string);
}

/** Forgets the kept walks (forgetSharedAnalyses calls it, for tests that compare with a fresh
 * analysis). */
export function forgetKeptWalks(): void {
  KEPT.clear();
  replays = 0;
}

/** How many sourced-file walks were replayed since the last forget (for tests). */
export function keptWalkReplays(): number {
  return replays;
}

let replays = 0;
