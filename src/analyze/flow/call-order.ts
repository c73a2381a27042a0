// Which functions the analysis walks, and in which order: callees before their callers for the
// summaries (callers first for the entry states), and only the functions a walk can tell anything
// of the script: a library function that reaches no function of the script and runs no computed
// name needs no walk of its own.

import type { FlowContext } from './context.js';

/** Whether `name` needs a walk of its own in this analysis (memoised in the context). */
export function needsWalk(ctx: FlowContext, name: string): boolean {
  return ctx.needed.get(name) ?? needs(ctx, name, new Set());
}

function needs(ctx: FlowContext, name: string, seen: Set<string>): boolean {
  const { needed, sharedWalks } = ctx;
  const funcs = ctx.program.funcs;
  const known = needed.get(name);
  if (known !== undefined) return known;
  // The libraries' own answer, when an earlier analysis of them gave it: a library function that
  // calls no function of the script (names are apart, see shared-libraries.ts) needs what it needed.
  if (sharedWalks && !(funcs.get(name) ?? []).some((d) => d.own)) {
    const yes = sharedWalks.has(name);
    needed.set(name, yes);
    return yes;
  }
  if (seen.has(name)) return false;
  seen.add(name);
  const defs = funcs.get(name) ?? [];
  const yes = defs.some(
    (d) => d.own || d.computesAnywhere || [...d.callees].some((c) => funcs.has(c) && needs(ctx, c, seen)),
  );
  seen.delete(name);
  // A cycle's answer is final once its first member has it.
  if (yes || seen.size === 0) needed.set(name, yes);
  return yes;
}

/** Function names ordered so that a function comes after the ones it calls, and whether that
 * cannot be done (a call cycle, or a computed call, whose callees are not known here). */
export function calleesFirst<D>(
  funcs: ReadonlyMap<string, readonly D[]>,
  calls: (def: D) => Set<string>,
  computed: (def: D) => boolean,
): { order: string[]; cyclic: boolean } {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  let cyclic = false;
  const visit = (name: string): void => {
    const seen = state.get(name);
    if (seen === 2) return;
    if (seen === 1) {
      cyclic = true;
      return;
    }
    state.set(name, 1);
    for (const def of funcs.get(name) ?? []) {
      if (computed(def)) cyclic = true;
      for (const callee of calls(def)) if (funcs.has(callee)) visit(callee);
    }
    state.set(name, 2);
    order.push(name);
  };
  for (const name of funcs.keys()) visit(name);
  return { order, cyclic };
}
