// Phase 1: the summary of every function, callees first, to a fixpoint only when calls go round
// (or are computed). Functions of sourced libraries whose summaries an earlier analysis kept
// (shared-libraries.ts) are not walked again, unless they need a walk of their own.

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
  const { order, cyclic } = calleesFirst(
    candidates,
    (def) => def.calls,
    (def) => def.computed,
  );
  // With cycles, a later round redoes only the functions whose callees' summaries changed: the
  // callers by name, and every function that runs a computed name (it may call any).
  const callers = new Map<string, Set<string>>();
  const computing = new Set<string>();
  for (const [name, defs] of candidates) {
    for (const def of defs) {
      if (def.computed) computing.add(name);
      for (const c of def.calls) (callers.get(c) ?? callers.set(c, new Set()).get(c))?.add(name);
    }
  }
  // The shared summaries stand: only the others are found here.
  const own = shared === null ? order : order.filter((name) => !shared.known.has(name));
  let todo = new Set(own);
  for (let round = 0; round < (cyclic ? 12 : 1) && todo.size > 0; round++) {
    let changed = false;
    const next = new Set<string>();
    for (const name of own) {
      if (!todo.has(name)) continue;
      const parts = (funcs.get(name) ?? []).map((def) => summaryOf(ctx, def));
      const merged = parts.length === 1 ? (parts[0] as Summary) : mergeSummaries(parts);
      if (!sameSummary(ctx.summaries.get(name), merged)) {
        ctx.summaries.set(name, merged);
        changed = true;
        for (const c of callers.get(name) ?? []) next.add(c);
        for (const c of computing) next.add(c);
      }
    }
    if (!changed) break;
    todo = next;
  }
  return { candidates, order };
}

/** One definition's summary, from a walk of its body (with the callees' summaries so far). */
function summaryOf(ctx: FlowContext, def: FuncDef): Summary {
  const { ops, program, summaries } = ctx;
  // Nothing in it can assign a global, unset, exit or call a function that does: nothing to walk.
  if (isInert(def, program.funcs, summaries)) return INERT;
  const end = walkFunction(ctx, def, ops.fresh(0), 'summary');
  const gen = new Map<string, SetAt>();
  if (!end.dead) {
    ops.eachSet(end, (i, at) => {
      const n = program.table.names[i] as string;
      // Assigned in the function: not a name the shell had set already.
      if (at !== SET_BY_SHELL && !def.locals.has(n)) gen.set(n, at);
    });
  }
  const kill = new Set<string>();
  for (const n of def.unsets) if (!def.locals.has(n)) kill.add(n);
  for (const c of def.calls) for (const n of summaries.get(c)?.kill ?? []) if (!def.locals.has(n)) kill.add(n);
  return { gen, kill, noReturn: end.dead, opaque: end.dead ? -1 : end.opaque };
}
