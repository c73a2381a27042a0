// The context every part of the analysis is handed (ShellCheck's CFG analysis passes one too):
// the program, the state operations, the summaries and call graph found so far, what the walks
// recorded; and a walk's frame, where it is. Nothing here is saved and restored by hand: a walk
// that goes somewhere else (a function, a sourced file, a subshell) gets a frame of its own.

import { arrayBase, type Call, type NounsetState, type Opaque, type Read, type SetTest } from '../model.js';
import type { Caller, CallGraph } from './call-graph.js';
import type { FuncDef } from './digest.js';
import { type FlowPos, originOf, type SetAt } from './positions.js';
import type { Program } from './program.js';
import type { State, StateOps, Status, Why } from './state.js';
import type { Summaries, Summary } from './summary.js';
import type { FlowInput, FlowNote } from './types.js';

export interface FlowContext {
  readonly input: FlowInput;
  readonly program: Program;
  readonly ops: StateOps;
  /** The names of the two pseudo-variables that say whether set -u is on (see NOUNSET_ON). */
  readonly nounsetOn: number;
  readonly nounsetOff: number;
  /** Function summaries: the shared ones, then what the fixpoint finds. */
  readonly summaries: Summaries;
  readonly graph: CallGraph;
  /** Notes in the order the recording walks met them, once each (by code and offset). */
  readonly notes: FlowNote[];
  readonly noted: Set<string>;
  /** The reads each recording walk found, by the code it walked; a walk of the same code from a new
   * entry state replaces its map. */
  readonly recorded: Map<Caller, Map<Read, RawStatus>>;
  /** Whether each function needs a walk of its own (call-order.ts), found once. */
  readonly needed: Map<string, boolean>;
  /** What each computed call may run (callees.ts), by the function it is in when it runs `"$@"`. */
  readonly computedCallees: Map<Call, Map<string, readonly string[]>>;
  /** Those lists, and a call by name's list of one, one array per list of names: calls that may
   * run the same functions are one group of the call graph (call-graph.ts), and share what their
   * callees may unset. */
  readonly calleeLists: Map<string, readonly string[]>;
  /** The functions `"$X"` may run, by X and its fallback (callees.ts): the same for every call. */
  readonly runnable: Map<string, readonly string[] | null>;
  /** What any one of a computed call's callees may unset (KillOrder), and the summaries'
   * killVersion it was found for (walk-call.ts). */
  readonly calleeKills: WeakMap<readonly string[], CalleeKills>;
  /** What a call unsets, found once per call and list of names (walk-call.ts). */
  readonly killStories: WeakMap<Call | Opaque, KillPlan>;
  /** A summary's kill set as such an order, found once per set (walk-call.ts). */
  readonly killOrders: WeakMap<ReadonlySet<string>, KillOrder>;
  /** For a name with elements by key (Program.dependents), the story of each element when a
   * change of the name moves its key, told once (unsetDependents). */
  readonly movedElements: Map<string, readonly number[]>;
  /** What the shared libraries say of that (shared-libraries.ts), or null. */
  readonly sharedWalks: ReadonlySet<string> | null;
  /** The shared summaries of the libraries (shared-libraries.ts), or null. */
  readonly sharedKnown: ReadonlyMap<string, Summary> | null;
  /** What the walk of a sourced file being kept does (source-cache.ts), or null. */
  log: WalkLog | null;
  /** While a summary walk runs: the names the files its function sources declare (`declare X=1`
   * at a file's top level is a local of the function that sources it). */
  sourcedDeclares: Set<string> | null;
  /** See FlowResult.testedWhereUnset. */
  readonly testedWhereUnset: Map<string, SetTest>;
}

/** What a walk did to the state beyond its names' values: the names it wrote, the commands it
 * ran by name (and whether each was a function of the program), whether it made the state opaque
 * or ran a computed command name. */
export interface WalkLog {
  readonly writes: Set<number>;
  readonly calls: Map<string, boolean>;
  opaque: boolean;
  computed: boolean;
}

/** Where `break` and `continue` of one loop take the walk. */
export interface LoopExits {
  readonly breaks: State[];
  readonly continues: State[];
}

/** Where a walk is. */
export interface Frame {
  /** The function whose body is walked (null at the top level). */
  readonly fn: FuncDef | null;
  /** The loops around, innermost last: pushed and popped in place as the walk enters them. */
  readonly loops: LoopExits[];
  /** `return` states of the function (or of a sourced file's top level); null at the top level. */
  readonly returns: State[] | null;
  /** The files being read, the innermost last (a file sourcing itself again is a cycle). */
  readonly files: readonly string[];
  /** The number of the file whose offsets the events hold (see positions.ts). */
  readonly file: number;
  /** Where this walk records reads; null: it records no read and no note (a summary walk, a
   * sourced file's code, a function of a sourced file). */
  readonly reads: Map<Read, RawStatus> | null;
  /** Whether this walk records call sites (the entry-state walks do; summary walks do not). */
  readonly collect: boolean;
  /** Where the paths the walk follows start, for reasons: "from line 1", "from the calls of f on …". */
  readonly from: FromWords;
  /** The walk of an `eval`'s code (a probe, eval-probes.ts): it records reads, and nothing else
   * (no note, no test of set-ness). */
  readonly probe?: true;
}

/** Those words, read only when a reason is told: a function whose entry state stays while its call
 * sites' words change (a caller walked again, the same state at a new line) keeps its walk, and
 * its reasons take the new words. */
export interface FromWords {
  text: string;
}

/** A read's status while the walks run: mutable, and an unset one's reason still to be told. */
export type RawStatus = (
  | { readonly kind: 'set'; readonly at: SetAt }
  | { readonly kind: 'unset'; readonly why: () => string; readonly emptyArray?: true; readonly killed?: true }
  | { readonly kind: 'unknown'; readonly source: FlowPos }
) & { nounset?: NounsetState };

export function statusIn(ctx: FlowContext, s: State, name: string): Status {
  const i = ctx.program.table.id(name);
  // A walk being kept asks only to decide whether to write the name (a read of a sourced file is
  // not recorded): the name's value before counts, as a written one's does.
  ctx.log?.writes.add(i);
  return ctx.ops.statusOf(s, i);
}

export function assign(ctx: FlowContext, s: State, name: string, at: SetAt): void {
  const i = ctx.program.table.id(name);
  ctx.log?.writes.add(i);
  ctx.ops.assign(s, i, at);
  // An element or a whole array assigned moves no key (only `unset` or `NAME=(…)` empties one).
  if (ctx.program.dependents !== null && !name.endsWith(']')) unsetDependents(ctx, s, name);
}

/** The names a call unsets (each once), their numbers, and the one story that tells each. */
export interface KillPlan {
  readonly of: KillOrder;
  readonly names: readonly string[];
  readonly ids: readonly number[];
  /** A CallStory (state.ts) for all of them. */
  readonly story: number;
}

/** The names a list of kills unsets, each once, in the order of its last kill in the list; their
 * numbers; and the callee of that last kill. */
export interface KillOrder {
  readonly names: readonly string[];
  readonly ids: readonly number[];
  readonly callees: readonly string[];
  /** The ids as ops.killEach takes them, found when first needed. */
  masks?: readonly number[];
  /** Whether none of the names has elements by key to unset with it (Program.dependents). */
  noDependents?: boolean;
  /** The callee of each name, for reasons: built when a first one is told (walk-call.ts killsOf). */
  calleeOf?: ReadonlyMap<string, string>;
}

/** lastKills's answer. */
export interface LastKills {
  readonly owner: ReadonlyMap<string, number>;
  readonly own: readonly (readonly string[])[];
}

/** What calleeKills keeps of a list: the order, the summaries' version and kill sets it was found
 * for, and lastKills's answer. */
export interface CalleeKills extends LastKills {
  readonly version: number;
  readonly order: KillOrder;
  readonly sets: readonly (ReadonlySet<string> | undefined)[];
}

/** What a call may unset (a story `ops.tellCall` gave: a call walked again tells nothing new),
 * killed. A name an earlier call's kill left unset on this path keeps that story: a call that may
 * run any function (ltmain.sh: 191 \`eval\`s, and functions that may unset 1,400 names) would copy
 * most of the state each time to say the same in other words. Its elements by key are unset again
 * all the same: the key may have changed since. */
export function killTold(ctx: FlowContext, s: State, name: string, i: number, story: number): void {
  ctx.log?.writes.add(i);
  ctx.ops.killAgain(s, i, story);
  // The story as a reason, a closure, only for a name with elements by key (most have none).
  if (ctx.program.dependents?.has(name)) unsetDependents(ctx, s, name, ctx.ops.storyOf(story, i));
}

export function kill(ctx: FlowContext, s: State, name: string, why: Why): void {
  const i = ctx.program.table.id(name);
  ctx.log?.writes.add(i);
  ctx.ops.kill(s, i, why);
  if (ctx.program.dependents !== null) unsetDependents(ctx, s, name, why);
}

/** Unsets the elements a change of `name` may leave unset: `${map[$k]}` after k changes names
 * another element; `unset map` or `map=(…)` (`why`: how) leaves none of those before. */
function unsetDependents(ctx: FlowContext, s: State, name: string, why: Why | null = null): void {
  const elements = ctx.program.dependents?.get(name);
  if (elements === undefined) return;
  if (why !== null && (arrayBase(name) !== null || name.endsWith('[?]'))) {
    for (const e of elements) {
      const j = ctx.program.table.id(e);
      ctx.log?.writes.add(j);
      ctx.ops.kill(s, j, why);
    }
    return;
  }
  // A key that moves tells the same for every change of the name: one story each, not a closure
  // and a story at every assignment (dkms: a twentieth of what its analysis allocated).
  let stories = ctx.movedElements.get(name);
  if (stories === undefined) {
    stories = elements.map((e) => ctx.ops.tell(() => `${e} names another element once ${name} changes`));
    ctx.movedElements.set(name, stories);
  }
  for (let k = 0; k < elements.length; k++) {
    const j = ctx.program.table.id(elements[k] as string);
    ctx.log?.writes.add(j);
    ctx.ops.killTold(s, j, stories[k] as number);
  }
}

/** Whatever was unset or unassigned in s may now have been set by what runs at `at`. */
export function makeOpaque(ctx: FlowContext, s: State, at: FlowPos): void {
  if (ctx.log) ctx.log.opaque = true;
  ctx.ops.makeOpaque(s, at);
}

export function nounsetIn(ctx: FlowContext, s: State): NounsetState {
  return ctx.ops.isSet(s, ctx.nounsetOn) ? 'on' : ctx.ops.isSet(s, ctx.nounsetOff) ? 'off' : 'unknown';
}

/** The paths of `states` meeting. `where` names the construct in a reason; a function, since most
 * joins tell no story. */
export function join(ctx: FlowContext, states: readonly State[], where: string | (() => string)): State {
  let text = typeof where === 'string' ? where : null;
  return ctx.ops.join(states, (i, at) => {
    return () => {
      text ??= (where as () => string)();
      return story(ctx, ctx.program.table.names[i] ?? '', at, text);
    };
  });
}

/** Why `name` may be unset after a join: `at` is how one of the paths set it, if any did. */
function story(ctx: FlowContext, name: string, at: SetAt | null, where: string): string {
  if (at === null) return `${name} is not assigned on every path through ${where}`;
  const origin = originOf(at);
  if (origin.kind === 'test')
    return `${name} is known to be set (by the test on ${ctx.program.lineAt(origin.at)}) only on some paths through ${where}`;
  if (origin.kind === 'shell') return `${name} is not set on every path through ${where}`;
  return `${name} is assigned on ${ctx.program.lineAt(origin.at)} only on some paths through ${where}`;
}

/** Adds a note once, by its code and offset; only recording walks tell them, and only the first
 * visit of a place builds the rest of it (a computed call's names every function it may run). */
export function note(
  ctx: FlowContext,
  frame: Frame,
  code: FlowNote['code'],
  start: number,
  rest: () => Omit<FlowNote, 'code' | 'start'>,
): void {
  if (frame.reads === null || frame.probe) return;
  const key = `${code}:${start}`;
  if (ctx.noted.has(key)) return;
  ctx.noted.add(key);
  ctx.notes.push({ start, code, ...rest() });
}

export function addNote(ctx: FlowContext, n: FlowNote): void {
  const key = `${n.code}:${n.start}`;
  if (ctx.noted.has(key)) return;
  ctx.noted.add(key);
  ctx.notes.push(n);
}
