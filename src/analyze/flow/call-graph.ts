// The call graph as the walks find it: for each caller (the top level or a function), the states
// at the call sites its latest walk passed, by callee. A function's entry state is the join of the
// states at its call sites (entries.ts). A computed call (`"$cmd"`) that may run many functions is
// one site of a group, the list of functions it may run, not a site of each: rkhunter has 211 such
// calls and 130 functions, and every entry joined all of them again.

import { listInWords } from '../in-words.js';
import type { Region } from '../model.js';
import { type FlowPos, fileOfPos, flowPos, offsetOfPos } from './positions.js';
import type { State } from './state.js';

/** A walk that records call sites: the top level, or a function's body. */
export type Caller = Region | 'top';

/** The functions one computed call may run; calls that may run the same ones share the array. */
export type Group = readonly string[];

export interface CallGraph {
  /** Calls seen in the latest walk of each caller: callee → sites. */
  readonly sites: Map<Caller, Map<string, CallSite[]>>;
  /** The callers whose walks called each function (a caller stays when its latest walk no
   * longer does; it then has no site for it). */
  readonly callers: Map<string, Set<Caller>>;
  /** Computed calls seen in the latest walk of each caller: group → sites. */
  readonly groupSites: Map<Caller, Map<Group, CallSite[]>>;
  /** The callers whose walks made each group's calls (kept as `callers` is). */
  readonly groupCallers: Map<Group, Set<Caller>>;
  /** The groups each function is in. */
  readonly groupsOf: Map<string, Set<Group>>;
}

export function emptyCallGraph(): CallGraph {
  return {
    sites: new Map([['top', new Map()]]),
    callers: new Map(),
    groupSites: new Map(),
    groupCallers: new Map(),
    groupsOf: new Map(),
  };
}

/** Records one call event of `caller` that may run each of `callees`; a computed call's callees
 * are a group (one array for every call that may run the same functions). */
export function addCall(
  graph: CallGraph,
  caller: Caller,
  callees: readonly string[],
  site: CallSite,
  computed = false,
): void {
  if (computed && callees.length > 1) {
    addGroupCall(graph, caller, callees, site);
    return;
  }
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

function addGroupCall(graph: CallGraph, caller: Caller, group: Group, site: CallSite): void {
  let byGroup = graph.groupSites.get(caller);
  if (!byGroup) graph.groupSites.set(caller, (byGroup = new Map()));
  const list = byGroup.get(group);
  if (list) list.push(site);
  else byGroup.set(group, [site]);
  let from = graph.groupCallers.get(group);
  if (!from) {
    graph.groupCallers.set(group, (from = new Set()));
    for (const c of group) {
      let groups = graph.groupsOf.get(c);
      if (!groups) graph.groupsOf.set(c, (groups = new Set()));
      groups.add(group);
    }
  }
  from.add(caller);
}

/** Forgets the sites of `caller`, before it is walked again. */
export function forgetCalls(graph: CallGraph, caller: Caller): void {
  graph.sites.delete(caller);
  graph.groupSites.delete(caller);
}

/** The sites that call `name` by name (or as the one function a computed call may run): one list
 * per caller that has some, from its latest walk (a new list each walk). */
export function callsOf(graph: CallGraph, name: string): (readonly CallSite[])[] {
  return listsOf(graph.callers, graph.sites, name);
}

/** The computed calls of `group`, as callsOf gives a function's. */
export function groupCallsOf(graph: CallGraph, group: Group): (readonly CallSite[])[] {
  return listsOf(graph.groupCallers, graph.groupSites, group);
}

/** The lists of sites of `key`, caller by caller. */
function listsOf<K>(
  callers: ReadonlyMap<K, ReadonlySet<Caller>>,
  sites: ReadonlyMap<Caller, ReadonlyMap<K, readonly CallSite[]>>,
  key: K,
): (readonly CallSite[])[] {
  const lists: (readonly CallSite[])[] = [];
  for (const from of callers.get(key) ?? []) {
    const list = sites.get(from)?.get(key);
    if (list) lists.push(list);
  }
  return lists;
}

/** The groups with `name` in them that some walk's computed calls may run. */
export function groupsWith(graph: CallGraph, name: string): Iterable<Group> {
  return graph.groupsOf.get(name) ?? [];
}

/** The functions the latest walk of `caller` called, by name or through a computed call. */
export function calleesOf(graph: CallGraph, caller: Caller): Iterable<string> {
  const named = graph.sites.get(caller)?.keys() ?? [];
  const groups = graph.groupSites.get(caller);
  if (groups === undefined) return named;
  const out = [...named];
  for (const group of groups.keys()) out.push(...group);
  return out;
}

/** Where a function is entered from: a call, a trap, `complete -F`, `export -f`, or (line 0)
 * another file that sourced this one. */
export interface CallSite {
  readonly state: State;
  /** The line, with the number of the file it is in (siteLine). */
  readonly line: number;
  readonly how: 'call' | 'trap' | 'complete' | 'export' | 'outside';
}

/** A call site's line as CallSite keeps it: line `line` of the file numbered `file`, coded as a
 * position (positions.ts) is, so that the lines of the script sort first and each file's together. */
export function siteLine(file: number, line: number): number {
  return flowPos(file, line);
}

/** The call sites of `name`, in words: "the calls of f on lines 3, 7 and a trap set on line 9".
 * `computed`: the lines of the computed calls that may run it too, each list sorted. */
export function describeSites(
  name: string,
  sites: readonly CallSite[],
  paths: readonly string[],
  computed: readonly (readonly number[])[] = [],
): string {
  const parts: string[] = [];
  // One pass over the sites (rkhunter's display has 1,816), then each list sorted and deduplicated.
  const byHow = new Map<CallSite['how'], number[]>();
  for (const x of sites) {
    const list = byHow.get(x.how);
    if (list) list.push(x.line);
    else byHow.set(x.how, [x.line]);
  }
  const lines = (how: CallSite['how']): number[] => sortedLines(byHow.get(how) ?? []);
  let calls = lines('call');
  for (const more of computed) calls = mergeLines(calls, more);
  if (calls.length > 0) parts.push(`the call${calls.length === 1 ? '' : 's'} of ${name} on ${atLines(calls, paths)}`);
  const traps = lines('trap');
  if (traps.length > 0) parts.push(`the trap${traps.length === 1 ? '' : 's'} set on ${atLines(traps, paths)}`);
  const completes = lines('complete');
  if (completes.length > 0) parts.push(`bash's completion (\`complete -F\` on ${atLines(completes, paths)})`);
  if (sites.some((x) => x.how === 'export' || x.how === 'outside'))
    parts.push(
      sites.some((x) => x.how === 'export') ? 'a child bash (it is exported)' : 'another file that sources this one',
    );
  return parts.join(' and ');
}

/** The lines of a group's computed calls, sorted, each once. */
export function groupLines(sites: readonly CallSite[]): number[] {
  return sortedLines(sites.map((x) => x.line));
}

/** The computed calls of a group on `lines` (groupLines), in words. */
export function describeGroupSites(group: Group, lines: readonly number[], paths: readonly string[]): string {
  return `the computed command name${lines.length === 1 ? '' : 's'} on ${atLines(lines, paths)} (which may run ${listInWords(group, true)})`;
}

/** `list` sorted and without repeats, in place. */
function sortedLines(list: number[]): number[] {
  list.sort((a, b) => a - b);
  let n = 0;
  for (const l of list) if (n === 0 || list[n - 1] !== l) list[n++] = l;
  list.length = n;
  return list;
}

/** Two sorted lists of lines as one, each line once. */
function mergeLines(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x =
      j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

// rkhunter's display is called from 1,816 lines: every read in it named them all.
// Sorted site lines (siteLine), the script's first: "lines 3, 9, and line 41 of lib.sh".
function atLines(ls: readonly number[], paths: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ls.length; ) {
    const file = fileOfPos(ls[i] as FlowPos);
    const of: string[] = [];
    for (; i < ls.length && fileOfPos(ls[i] as FlowPos) === file; i++) of.push(String(offsetOfPos(ls[i] as FlowPos)));
    const words = `line${of.length === 1 ? '' : 's'} ${listInWords(of)}`;
    parts.push(file === 0 ? words : `${words} of ${paths[file] ?? '?'}`);
  }
  return parts.join(', and ');
}
