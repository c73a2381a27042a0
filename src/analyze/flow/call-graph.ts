// The call graph as the walks find it: for each caller (the top level or a function), the states
// at the call sites its latest walk passed, by callee. A function's entry state is the join of the
// states at its call sites (entries.ts).

import { listInWords } from '../in-words.js';
import type { Region } from '../model.js';
import type { State } from './state.js';

/** A walk that records call sites: the top level, or a function's body. */
export type Caller = Region | 'top';

export interface CallGraph {
  /** Calls seen in the latest walk of each caller: callee → sites. */
  readonly sites: Map<Caller, Map<string, CallSite[]>>;
  /** The callers whose walks called each function (a caller stays when its latest walk no
   * longer does; it then has no site for it). */
  readonly callers: Map<string, Set<Caller>>;
}

export function emptyCallGraph(): CallGraph {
  return { sites: new Map([['top', new Map()]]), callers: new Map() };
}

/** Records one call event of `caller` that may run each of `callees`. */
export function addCall(graph: CallGraph, caller: Caller, callees: readonly string[], site: CallSite): void {
  let byCallee = graph.sites.get(caller);
  if (!byCallee) graph.sites.set(caller, (byCallee = new Map()));
  for (const c of callees) {
    const list = byCallee.get(c);
    if (list) list.push(site);
    else byCallee.set(c, [site]);
    let from = graph.callers.get(c);
    if (!from) graph.callers.set(c, (from = new Set()));
    from.add(caller);
  }
}

/** Forgets the sites of `caller`, before it is walked again. */
export function forgetCalls(graph: CallGraph, caller: Caller): void {
  graph.sites.delete(caller);
}

/** Every site that calls `name`, caller by caller. */
export function sitesOf(graph: CallGraph, name: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const from of graph.callers.get(name) ?? [])
    for (const site of graph.sites.get(from)?.get(name) ?? []) sites.push(site);
  return sites;
}

/** The functions the latest walk of `caller` called. */
export function calleesOf(graph: CallGraph, caller: Caller): Iterable<string> {
  return graph.sites.get(caller)?.keys() ?? [];
}

/** Where a function is entered from: a call, a trap, `complete -F`, `export -f`, or (line 0)
 * another file that sourced this one. */
export interface CallSite {
  readonly state: State;
  readonly line: number;
  readonly how: 'call' | 'trap' | 'complete' | 'export' | 'outside';
}

/** The call sites of `name`, in words: "the calls of f on lines 3, 7 and a trap set on line 9". */
export function describeSites(name: string, sites: readonly CallSite[]): string {
  const parts: string[] = [];
  // One pass over the sites (rkhunter's display has 1,816), then each list sorted and deduplicated.
  const byHow = new Map<CallSite['how'], number[]>();
  for (const x of sites) {
    const list = byHow.get(x.how);
    if (list) list.push(x.line);
    else byHow.set(x.how, [x.line]);
  }
  const lines = (how: CallSite['how']): number[] => {
    const list = byHow.get(how);
    if (!list) return [];
    list.sort((a, b) => a - b);
    let n = 0;
    for (const l of list) if (n === 0 || list[n - 1] !== l) list[n++] = l;
    list.length = n;
    return list;
  };
  // rkhunter's display is called from 1,816 lines: every read in it named them all.
  const at = (ls: number[]): string => `line${ls.length === 1 ? '' : 's'} ${listInWords(ls.map(String))}`;
  const calls = lines('call');
  if (calls.length > 0) parts.push(`the call${calls.length === 1 ? '' : 's'} of ${name} on ${at(calls)}`);
  const traps = lines('trap');
  if (traps.length > 0) parts.push(`the trap${traps.length === 1 ? '' : 's'} set on ${at(traps)}`);
  const completes = lines('complete');
  if (completes.length > 0) parts.push(`bash's completion (\`complete -F\` on ${at(completes)})`);
  if (sites.some((x) => x.how === 'export' || x.how === 'outside'))
    parts.push(
      sites.some((x) => x.how === 'export') ? 'a child bash (it is exported)' : 'another file that sources this one',
    );
  return parts.join(' and ');
}
