// Phase 1: the summary of every function, callees first, to a fixpoint only when calls go round
// (or are computed). Functions of sourced libraries whose summaries an earlier analysis kept
// (shared-libraries.ts) are not walked again, unless they need a walk of their own.

import { variableOf } from '../model.js';
import { calleesFirst, needsWalk } from './call-order.js';
import type { FlowContext } from './context.js';
import type { FuncDef } from './digest.js';
import { SET_BY_SHELL, type SetAt } from './positions.js';
import type { SharedLibraries } from './shared-libraries.js';
import { INERT, isInert, mergeSummaries, type Summary, sameSummary } from './summary.js';
import { walkFunction } from './walk.js';

/** The functions walked in this analysis, and their order: callees first. */
export interface WalkOrder {
  readonly candidates: ReadonlyMap<string, readonly FuncDef[]>;
  readonly order: readonly string[];
}

/** Fills ctx.summaries (the shared ones are in it already). */
export function summarize(ctx: FlowContext, shared: SharedLibraries | null): WalkOrder {
  const { funcs } = ctx.program;
  let candidates = funcs;
  if (shared !== null) {
    // The script's functions come first in the program, then the libraries'.
    const some = new Map<string, readonly FuncDef[]>();
    const add = (name: string): void => {
      some.set(name, funcs.get(name) ?? []);
    };
    if (shared.walked !== null) {
      for (const name of ctx.program.ownFunctions) add(name);
      for (const name of shared.walked) add(name);
    } else for (const name of funcs.keys()) if (!shared.known.has(name) || needsWalk(ctx, name)) add(name);
    candidates = some;
  }
  // A function that sources a file (or runs `eval`) may call any function through it, as one
  // that runs a computed name may: `f() { . lib.sh; }` where lib.sh runs `run f`. Its summary
  // then waits for theirs: without that, f was summarised before run was, and the call of run
  // in lib.sh counted for nothing on the first analysis of a process (a later one, with the
  // libraries' summaries kept, gave another answer).
  const mayCallAny = (def: FuncDef): boolean => def.computed || def.reads;
  const { order, cyclic } = calleesFirst(candidates, (def) => def.calls, mayCallAny);
  // With cycles, a later round redoes only the functions whose callees' summaries changed: the
  // callers by name, and every function that may call any.
  const callers = new Map<string, Set<string>>();
  const computing = new Set<string>();
  for (const [name, defs] of candidates) {
    for (const def of defs) {
      if (mayCallAny(def)) computing.add(name);
      for (const c of def.calls) (callers.get(c) ?? callers.set(c, new Set()).get(c))?.add(name);
    }
  }
  // The shared summaries stand: only the others are found here.
  const own = shared === null ? order : order.filter((name) => !shared.known.has(name));
  // A round redoes the callers of every summary that changed, and every function that runs a
  // computed name; most of them had walked after the change already, and are skipped.
  const stale = staleness();
  let todo = new Set(own);
  for (let round = 0; round < (cyclic ? 12 : 1) && todo.size > 0; round++) {
    let changed = false;
    const next = new Set<string>();
    for (const name of own) {
      if (!todo.has(name) || !stale.walk(name)) continue;
      const asked = new Set<string>();
      ctx.summaries.asked = asked;
      const parts = (funcs.get(name) ?? []).map((def) => summaryOf(ctx, def));
      ctx.summaries.asked = null;
      stale.asked(name, asked);
      const merged = parts.length === 1 ? (parts[0] as Summary) : mergeSummaries(parts);
      if (!sameSummary(ctx.summaries.get(name), merged)) {
        ctx.summaries.set(name, merged);
        stale.changed(name);
        changed = true;
        for (const c of callers.get(name) ?? []) next.add(c);
      }
    }
    if (!changed) break;
    // Once a round, not once per change: 8,000 wrappers running `"$@"` were added again for each
    // of 8,000 changed summaries.
    for (const c of computing) next.add(c);
    todo = next;
  }
  return { candidates, order };
}

/** Whether a function's walk may give a summary other than its last: only when a summary that
 * walk asked for (Summaries.asked: of a function it calls, by name, through a computed name, in a
 * file it sources or code it evals) was set after it. Summary walks read nothing else, so a
 * skipped walk is one that would have changed nothing. A function that sources a file once walked
 * again after any change; now only after a change of what its walk asked for (ltmain.sh: 50 of
 * 173 walks gave the summary before). */
function staleness(): {
  walk(name: string): boolean;
  asked(name: string, names: ReadonlySet<string>): void;
  changed(name: string): void;
} {
  let clock = 0;
  const setAt = new Map<string, number>();
  const walkedAt = new Map<string, number>();
  const askedBy = new Map<string, ReadonlySet<string>>();
  const setSince = (name: string, last: number): boolean => {
    for (const c of askedBy.get(name) ?? []) if ((setAt.get(c) ?? -1) > last) return true;
    return false;
  };
  return {
    /** Whether to walk `name` now (then its walk counts as done now). */
    walk(name) {
      const last = walkedAt.get(name);
      if (last !== undefined && !setSince(name, last)) return false;
      walkedAt.set(name, clock);
      return true;
    },
    /** The summaries the walk of `name` just made asked for. */
    asked(name, names) {
      askedBy.set(name, names);
    },
    changed(name) {
      setAt.set(name, ++clock);
    },
  };
}

/** One definition's summary, from a walk of its body (with the callees' summaries so far). */
function summaryOf(ctx: FlowContext, def: FuncDef): Summary {
  const { ops, program, summaries } = ctx;
  // Nothing in it can assign a global, unset, exit or call a function that does: nothing to walk.
  if (isInert(def, program.funcs, summaries)) return INERT;
  ctx.sourcedDeclares = new Set();
  const end = walkFunction(ctx, def, ops.fresh(0), 'summary');
  // What the files it sources declare (`declare X=1` at their top level) is its own too.
  const sourced = ctx.sourcedDeclares;
  ctx.sourcedDeclares = null;
  const locals = (n: string): boolean => def.locals.has(n) || sourced.has(n);
  // Its locals, and the elements of its local arrays (`local -A m=([a]=1)`, elements.ts).
  const local = (n: string): boolean => locals(n) || locals(variableOf(n));
  const gen = new Map<string, SetAt>();
  if (!end.dead) {
    ops.eachSet(end, (i, at) => {
      const n = program.table.names[i] as string;
      // Assigned in the function: not a name the shell had set already.
      if (at !== SET_BY_SHELL && !local(n)) gen.set(n, at);
    });
  }
  // A local name is the caller's until it is surely local: an unset before it is the caller's.
  const localFrom = (n: string): number =>
    def.localFrom.get(n) ?? def.localFrom.get(variableOf(n)) ?? Number.POSITIVE_INFINITY;
  const callers = (n: string, at: number): boolean => !local(n) || at < localFrom(n);
  const kill = new Set<string>();
  for (const [n, at] of def.unsetsAt) if (callers(n, at)) kill.add(n);
  // Where a sourced file's declaration comes is not followed: anything may unset the caller's
  // name before it.
  for (const n of sourced) if (!def.locals.has(n) && program.unsetAnywhere.has(n)) kill.add(n);
  // Each callee's kills once, however often it is called (ltmain.sh: functions that may unset
  // 1,400 names, called everywhere), from its first call: a local name is the caller's when
  // unset before it is surely local, and the first call is the one most often before.
  const firstCall = new Map<ReadonlySet<string>, number>();
  for (const [c, at] of def.callsAt) {
    const kills = summaries.get(c)?.kill;
    if (kills === undefined || kills.size === 0) continue;
    const first = firstCall.get(kills);
    if (first === undefined || at < first) firstCall.set(kills, at);
  }
  const noLocals = def.locals.size === 0 && sourced.size === 0;
  for (const [kills, at] of firstCall) {
    if (noLocals) for (const n of kills) kill.add(n);
    else for (const n of kills) if (callers(n, at)) kill.add(n);
  }
  // What the walk unset on a path that returns: also through a computed call (`"$cmd"`, `"$@"`)
  // and in a file the function sources, which the body does not name. A local name the walk left
  // unset only counts when one of those ran before it was surely local, and something in the
  // files can unset it: its own `local` is not the caller's.
  if (!end.dead)
    ops.eachKilled(end, (i) => {
      const n = program.table.names[i] as string;
      if (!local(n)) kill.add(n);
      else if (
        def.unknownFrom < localFrom(n) &&
        (program.unsetAnywhere.has(n) || program.unsetAnywhere.has(variableOf(n)))
      )
        kill.add(n);
    });
  return { gen, kill, noReturn: end.dead, opaque: end.dead ? -1 : end.opaque };
}
