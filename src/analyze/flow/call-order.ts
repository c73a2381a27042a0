// Which functions the analysis walks, and in which order: callees before their callers for the
// summaries (callers first for the entry states), and only the functions a walk can tell anything
// of the script: a library function that reaches no function of the script and runs no computed
// name needs no walk of its own.

import type { FlowContext } from './context.js';

/** Whether `name` needs a walk of its own in this analysis (memoised in the context): a
 * definition of the script's own, one that computes a command name, or one that calls a function
 * that needs one. */
export function needsWalk(ctx: FlowContext, name: string): boolean {
  const { needed, sharedWalks } = ctx;
  const funcs = ctx.program.funcs;
  return (
    needed.get(name) ??
    askCalls(name, {
      decisive: true,
      whenUndefined: false,
      memo: needed,
      known(f) {
        const known = needed.get(f);
        if (known !== undefined) return known;
        // The libraries' own answer, when an earlier analysis of them gave it: a library function
        // that calls no function of the script (names are apart, see shared-libraries.ts) needs
        // what it needed.
        if (sharedWalks && !(funcs.get(f) ?? []).some((d) => d.own)) {
          const yes = sharedWalks.has(f);
          needed.set(f, yes);
          return yes;
        }
        return undefined;
      },
      defs: (f) => funcs.get(f) ?? [],
      decides: (d) => d.own || d.computesAnywhere,
      callees: (d) => [...d.callees].filter((c) => funcs.has(c)),
    })
  );
}

/** A question asked of a function through the functions it calls, depth first. */
export interface CallQuestion<D> {
  /** The answer that ends the search: a definition that gives it gives it to its function, and a
   * function that has it to every function that calls it. */
  readonly decisive: boolean;
  /** The answer of a function with no definition. */
  readonly whenUndefined: boolean;
  /** Where answers are kept: the decisive ones, and the others once no function asked before them is
   * still open (a function met again on the way, a cycle, is taken for not decisive there). */
  readonly memo: Map<string, boolean>;
  /** An answer known without asking (memo's included), else undefined. */
  known(name: string): boolean | undefined;
  defs(name: string): readonly D[];
  /** Whether the definition gives the decisive answer on its own (else its callees decide). */
  decides(def: D): boolean;
  /** The functions it calls that have definitions. */
  callees(def: D): readonly string[];
}

/** One function being asked about: the definition and the callee being looked at. */
interface Asking<D> {
  readonly name: string;
  readonly defs: readonly D[];
  def: number;
  callees: readonly string[] | null;
  callee: number;
  /** The lowest depth of a function still open that its search met (its own depth when none). */
  low: number;
  /** How many not-yet-kept answers there were when it was pushed. */
  readonly held: number;
}

/** The answer of `root` to question `q`, with a stack of its own: a library's chain of calls
 * thousands deep overflowed the JavaScript stack as a recursion.
 *
 * A function met again while open (a cycle) is taken for not decisive there, so an answer that
 * leans on an open function is held until that function's own answer is known, Tarjan-style: a
 * function whose search met no function deeper than itself answers not decisive for everything its
 * search held. Keeping only the root's answer made a chain of n calls ask n² questions. */
export function askCalls<D>(root: string, q: CallQuestion<D>): boolean {
  const depthOf = new Map<string, number>();
  const stack: Asking<D>[] = [];
  const held: string[] = [];
  /** The answer at once, or undefined when `name` was pushed to be asked about. */
  const ask = (name: string): boolean | undefined => {
    const known = q.known(name);
    if (known !== undefined) return known;
    const depth = depthOf.get(name);
    if (depth !== undefined) {
      const top = stack[stack.length - 1] as Asking<D>;
      if (depth < top.low) top.low = depth;
      return !q.decisive;
    }
    depthOf.set(name, stack.length);
    stack.push({ name, defs: q.defs(name), def: 0, callees: null, callee: 0, low: stack.length, held: held.length });
    return undefined;
  };
  const answer = (a: Asking<D>, yes: boolean): boolean => {
    stack.pop();
    depthOf.delete(a.name);
    const depth = stack.length;
    if (yes === q.decisive) {
      // What its search held leaned on functions open then; some of them may be decisive too.
      held.length = a.held;
      q.memo.set(a.name, yes);
    } else if (a.low >= depth) {
      for (let i = a.held; i < held.length; i++) q.memo.set(held[i] as string, yes);
      held.length = a.held;
      q.memo.set(a.name, yes);
    } else {
      held.push(a.name);
      const caller = stack[depth - 1] as Asking<D>;
      if (a.low < caller.low) caller.low = a.low;
    }
    return yes;
  };
  let last = ask(root);
  while (stack.length > 0) {
    const a = stack[stack.length - 1] as Asking<D>;
    // The callee just asked about gave the decisive answer: so does this function.
    if (last === q.decisive) {
      last = answer(a, q.decisive);
      continue;
    }
    last = undefined;
    if (a.defs.length === 0) {
      last = answer(a, q.whenUndefined);
      continue;
    }
    for (;;) {
      if (a.callees === null) {
        const d = a.defs[a.def];
        if (d === undefined) {
          last = answer(a, !q.decisive);
          break;
        }
        if (q.decides(d)) {
          last = answer(a, q.decisive);
          break;
        }
        a.callees = q.callees(d);
        a.callee = 0;
      }
      const c = a.callees[a.callee++];
      if (c === undefined) {
        a.callees = null;
        a.def++;
        continue;
      }
      const now = ask(c);
      if (now === undefined) break; // asked about next, on the stack
      if (now === q.decisive) {
        last = answer(a, q.decisive);
        break;
      }
    }
  }
  return last as boolean;
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
  // Depth first, callees before callers, with a stack of its own: a chain of calls thousands deep
  // (f0 calls f1, which calls f2…) overflowed the JavaScript stack as a recursion.
  const stack: { name: string; callees: Iterator<string> }[] = [];
  const enter = (name: string): void => {
    state.set(name, 1);
    const callees: string[] = [];
    for (const def of funcs.get(name) ?? []) {
      if (computed(def)) cyclic = true;
      for (const callee of calls(def)) if (funcs.has(callee)) callees.push(callee);
    }
    stack.push({ name, callees: callees[Symbol.iterator]() });
  };
  for (const root of funcs.keys()) {
    if (state.has(root)) continue;
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const next = top.callees.next();
      if (next.done) {
        stack.pop();
        state.set(top.name, 2);
        order.push(top.name);
      } else if (state.get(next.value) === 1) cyclic = true;
      else if (!state.has(next.value)) enter(next.value);
    }
  }
  return { order, cyclic };
}
