// Definite assignment over the model, the way a compiler computes it: a read is unsafe when some
// path from the start of the script — or, inside a function, from some place it is called — reaches
// it with the variable unassigned (never assigned on that path, or `unset` or made `local` since).
//
// The walk (walk.ts) carries one State per path (state.ts): the names assigned on every path so
// far, the names that may be unset (each with why, for the edit's reason), the names a file
// nounset could not follow may have set, and how many positional parameters there are at least.
// Functions get a summary (summaries.ts: what every return path assigns, what it may unset,
// whether it always exits) and an entry state (entries.ts: the join of the states at their call
// sites), computed to a fixpoint over the call graph. ShellCheck's CFG.hs / CFGAnalysis.hs split
// is the model: the program (program.ts, digest.ts) apart from the solver, with an explicit context.

import { arrayBase, NOUNSET_OFF, NOUNSET_ON } from '../model.js';
import { emptyCallGraph } from './call-graph.js';
import { needsWalk } from './call-order.js';
import type { FlowContext } from './context.js';
import { settleEntries } from './entries.js';
import { registerProgram } from './program.js';
import { finishStatuses, isPositional } from './reads.js';
import { sharedLibraries } from './shared-libraries.js';
import { stateOps } from './state.js';
import { summarize } from './summaries.js';
import { Summaries } from './summary.js';
import type { FlowInput, FlowResult } from './types.js';

/** Each read's status, the notes, and how to name a position the statuses hold. */
export function analyzeFlow(input: FlowInput): FlowResult {
  // Functions, sourced files and every name they mention, found before any walk.
  const program = registerProgram(input);
  // Whether nounset is on: two pseudo-variables (see NOUNSET_ON), always in the table.
  const nounsetOn = program.table.id(NOUNSET_ON);
  const nounsetOff = program.table.id(NOUNSET_OFF);
  const atStart = input.nounsetAtStart ?? 'unknown';
  // States: bitsets over every name the script and the files it sources mention.
  const ops = stateOps(program.table, (name) =>
    name === NOUNSET_ON
      ? atStart === 'on'
      : name === NOUNSET_OFF
        ? atStart === 'off'
        : // A variable the shell sets is set as an array too (`${#BASH_VERSINFO[@]}`).
          input.initiallySet(arrayBase(name) ?? name) && !isPositional(name),
  );
  const shared = input.stateKey === undefined ? null : sharedLibraries(input.stateKey, program);
  const ctx: FlowContext = {
    input,
    program,
    ops,
    nounsetOn,
    nounsetOff,
    summaries: new Summaries(shared?.known ?? null),
    graph: emptyCallGraph(),
    notes: [],
    noted: new Set(),
    recorded: new Map(),
    needed: new Map(),
    computedCallees: new Map(),
    calleeLists: new Map(),
    runnable: new Map(),
    calleeKills: new WeakMap(),
    killStories: new WeakMap(),
    killOrders: new WeakMap(),
    movedElements: new Map(),
    sharedWalks: shared?.walks ?? null,
    // Before an earlier analysis kept the libraries' summaries, no walk of them is kept either.
    sharedKnown: shared?.walks ? shared.known : null,
    log: null,
    sourcedDeclares: null,
    testedWhereUnset: new Map(),
  };
  const order = summarize(ctx, shared);
  settleEntries(ctx, order);
  shared?.keep(ctx.summaries, (name) => needsWalk(ctx, name));
  return {
    status: finishStatuses(ctx),
    notes: ctx.notes,
    lineAt: program.lineAt,
    setTestedInSources: program.setTestedInSources,
    testedWhereUnset: ctx.testedWhereUnset,
  };
}
