// Phase 2: the entry state of every function, to a fixpoint over the call graph. The top level is
// walked once; a function's entry is the join of the states at its call sites (or, uncalled, the
// state after the top level), and it is walked again whenever that changes. These walks record
// every read of the script (reads.ts) and the call sites they pass (call-graph.ts).

import { listInWords } from '../in-words.js';
import type { Event, Read, Region } from '../model.js';
import {
  type CallSite,
  calleesOf,
  callsOf,
  describeGroupSites,
  describeSites,
  forgetCalls,
  type Group,
  groupCallsOf,
  groupLines,
  groupsWith,
} from './call-graph.js';
import { calleesFirst, needsWalk } from './call-order.js';
import { addNote, assign, type FlowContext, type FromWords, join, type RawStatus } from './context.js';
import type { FuncDef } from './digest.js';
import type { State } from './state.js';
import type { WalkOrder } from './summaries.js';
import { walkFunction, walkTopLevel } from './walk.js';

/** Where a function's walk starts: the state, where it comes from in words, and whether nothing
 * in the file calls it. */
interface Entry {
  readonly state: State;
  readonly text: string;
  readonly uncalled: boolean;
}

/** An entry a function was walked from, and the words its walk's reasons read. */
interface Walked extends Entry {
  readonly from: FromWords;
}

/** Walks the top level and every function that needs it from its entry state, until no entry
 * changes (20 passes at most); then notes the functions nothing in the file calls. */
export function settleEntries(ctx: FlowContext, { candidates, order }: WalkOrder): void {
  const { ops, program } = ctx;
  const top = ops.fresh(0);
  const reads = new Map<Read, RawStatus>();
  ctx.recorded.set('top', reads);
  walkTopLevel(ctx, top, reads);
  // A function nothing in the file calls runs, if at all, after the file's top level: from a
  // script that sourced it, or from bats (after `setup`).
  const afterTop = top.dead ? ops.fresh(0) : top;
  const entries = new Map<string, Walked>();
  const groups: MeetCache = { groups: new Map(), parts: new WeakMap(), texts: new Map() };
  // A function's entry is met again only when a walk changed the states at its call sites.
  // Callers go first, so that in a call graph without cycles one pass settles every entry; a
  // callee marked again after its turn waits for the next pass.
  const dirty = new Set([...candidates.keys()].filter((name) => needsWalk(ctx, name)));
  const callersFirst = callersFirstOrder(candidates, order);
  // A function no walk has called yet waits while walks to come may call it: walked as uncalled
  // first, from the state after the top level, it passed that state on to its callees, and in a
  // cycle that state never went away (`run() { out=$("$@"); }` in a sourced helper and a runner
  // whose tests call run: the runner's own globals came out unset). Once only such functions are
  // left, those no function calls by name are walked as uncalled (or else the first of them), and
  // the others wait again.
  const asUncalled = new Set<string>();
  const named = new Set<string>();
  for (const defs of candidates.values()) for (const def of defs) for (const c of def.callees) named.add(c);
  for (let pass = 0; pass < 20 && dirty.size > 0; ) {
    let walked = false;
    for (const name of callersFirst) {
      if (!dirty.has(name)) continue;
      const defs = program.funcs.get(name) ?? [];
      const entry = meetEntry(ctx, name, afterTop, groups);
      if (entry.uncalled && !entries.has(name) && !asUncalled.has(name)) continue;
      dirty.delete(name);
      walked = true;
      const known = entries.get(name);
      if (known && ops.same(known.state, entry.state) && known.text === entry.text) continue;
      if (known && ops.identical(known.state, entry.state)) {
        // The same state from other words (a caller walked again, its calls on new lines): a walk
        // would find what this one found, and the reasons it tells read the words when told.
        known.from.text = entry.text;
        entries.set(name, { ...entry, from: known.from });
        continue;
      }
      const from = { text: entry.text };
      entries.set(name, { ...entry, from });
      for (const def of defs) {
        for (const c of calleesOf(ctx.graph, def.region)) if (needsWalk(ctx, c)) dirty.add(c);
        forgetCalls(ctx.graph, def.region);
        walkFunction(ctx, def, entry.state, 'entry', from);
        for (const c of calleesOf(ctx.graph, def.region)) if (needsWalk(ctx, c)) dirty.add(c);
      }
    }
    if (walked) pass++;
    else {
      const waiting = callersFirst.filter((name) => dirty.has(name));
      const free = waiting.filter((name) => !named.has(name));
      for (const name of free.length > 0 ? free : waiting.slice(0, 1)) asUncalled.add(name);
    }
  }
  noteUncalled(ctx, entries);
}

/** Callers before callees, by every call a body makes by name, in subshells too (`x=$(f)` passes
 * f a call site as `f` does), so that without cycles one pass settles every entry. The summaries'
 * order (`order`, callees first) follows only the calls outside subshells; it breaks the ties. */
function callersFirstOrder(candidates: WalkOrder['candidates'], order: readonly string[]): string[] {
  const ranked = new Map<string, readonly FuncDef[]>();
  for (const name of order) ranked.set(name, candidates.get(name) ?? []);
  return calleesFirst(
    ranked,
    (def) => def.callees,
    () => false,
  ).order.reverse();
}

/** The join of a group's computed calls, the lists of sites it was made of and their lines. */
interface GroupEntry {
  readonly lists: readonly (readonly CallSite[])[];
  /** The join of each list. */
  readonly parts: readonly State[];
  readonly lines: readonly number[];
  readonly state: State;
}
/** What meeting the entries keeps from one meeting to the next: the groups' joins, the join of
 * each caller's list of calls (of a function or of a group), and the latest words for each
 * function's call sites. */
interface MeetCache {
  readonly groups: Map<Group, GroupEntry>;
  readonly parts: WeakMap<readonly CallSite[], State>;
  readonly texts: Map<string, { text: string }>;
}

/** The join of one caller's list of calls, kept while the list is the caller's latest; `where`
 * is asked only when a reason is told in words. */
function partOf(ctx: FlowContext, list: readonly CallSite[], cache: MeetCache, where: () => string): State {
  if (list.length === 1) return (list[0] as CallSite).state;
  let part = cache.parts.get(list);
  if (!part) {
    part = join(
      ctx,
      list.map((x) => x.state),
      where,
    );
    cache.parts.set(list, part);
  }
  return part;
}

/** The states at the computed calls that may run any function of `group`, met: one state for each
 * function of the group to meet with its own call sites. It is made again only when some of those
 * sites changed, not for each of the group's functions (rkhunter: 130 functions, 211 such calls),
 * and then from each caller's calls met before, only the caller walked since met again. The
 * statuses are those of meeting all the sites at once; a name the computed calls leave unset on
 * some paths only tells why in words of those calls. */
function groupEntry(ctx: FlowContext, group: Group, cache: MeetCache): GroupEntry {
  const lists = groupCallsOf(ctx.graph, group);
  const known = cache.groups.get(group);
  if (known && known.lists.length === lists.length && known.lists.every((x, i) => x === lists[i])) return known;
  const lines = groupLines(lists.flat());
  const parts = lists.map((list) =>
    partOf(ctx, list, cache, () => describeGroupSites(group, groupLines(list), ctx.program.paths)),
  );
  // A caller walked again often reaches its computed calls with the same statuses: then so is
  // their join, as settleEntries takes a function's entry to be.
  const state =
    known && known.parts.length === parts.length && parts.every((x, i) => ctx.ops.same(known.parts[i], x))
      ? known.state
      : join(ctx, parts, () => describeGroupSites(group, lines, ctx.program.paths));
  const entry = { lists, parts, lines, state };
  cache.groups.set(group, entry);
  return entry;
}

/** `afterTop` is never dead: a top level that cannot end counts as one that ran nothing. */
function meetEntry(ctx: FlowContext, name: string, afterTop: State, groups: MeetCache): Entry {
  const { input, ops, program, summaries } = ctx;
  const funcs = program.funcs;
  const lists = callsOf(ctx.graph, name);
  const sites: CallSite[] = lists.flat();
  const computed: GroupEntry[] = [];
  for (const group of groupsWith(ctx.graph, name)) {
    const g = groupEntry(ctx, group, groups);
    if (g.lists.length > 0) computed.push(g);
  }
  // In a library, another file may call any function, with any arguments, once it has sourced
  // this one: one more call site, after the top level, with no argument known.
  // (A function bash alone runs, through `complete -F`, keeps its three arguments.)
  const outside =
    input.library === true &&
    (computed.length > 0 || sites.some((x) => x.how === 'call' || x.how === 'trap')) &&
    (funcs.get(name) ?? []).some((d) => d.own && !d.region.flag);
  let fromOutside: State | null = null;
  if (outside || sites.some((x) => x.how === 'export')) {
    fromOutside = ops.clone(afterTop);
    fromOutside.argc = 0;
    sites.push({ state: fromOutside, line: 0, how: 'outside' });
  }
  if (sites.length === 0 && computed.length === 0) {
    const state = ops.clone(afterTop);
    if (input.bats && !/^setup/.test(name) && name !== 'teardown_file') {
      // bats runs setup before each test, in its shell; setup_file once, in another process,
      // so only what it exports reaches the tests.
      for (const [n, at] of summaries.get('setup')?.gen ?? []) assign(ctx, state, n, at);
      const exported = new Set(
        (funcs.get('setup_file') ?? []).flatMap((d) => [
          ...eventsOf(d.region, (e) => (e.kind === 'declare' && e.flags.startsWith('export') ? e.name : null)),
        ]),
      );
      for (const [n, at] of summaries.get('setup_file')?.gen ?? []) if (exported.has(n)) assign(ctx, state, n, at);
    }
    return { state, text: `from the end of the file's top level (${name} is not called in this file)`, uncalled: true };
  }
  const text = describeSites(
    name,
    sites,
    program.paths,
    computed.map((g) => g.lines),
  );
  // One caller and nothing else: its calls are met at once.
  if (lists.length <= 1 && fromOutside === null && computed.length === 0) {
    const state = join(
      ctx,
      sites.map((x) => x.state),
      text,
    );
    return { state, text: `from ${text}`, uncalled: false };
  }
  // A caller's calls are met first, and again only once it is walked again (rkhunter's display
  // has 1,816 call sites in 70 callers); their reasons, told later, name every call site.
  let latest = groups.texts.get(name);
  if (!latest) groups.texts.set(name, (latest = { text }));
  latest.text = text;
  const words = latest;
  const states = lists.map((list) => partOf(ctx, list, groups, () => words.text));
  if (fromOutside) states.push(fromOutside);
  for (const g of computed) states.push(g.state);
  const state = join(ctx, states, text);
  return { state, text: `from ${text}`, uncalled: false };
}

/** One note for the script's functions nothing in it calls (bats calls its tests and hooks itself). */
function noteUncalled(ctx: FlowContext, entries: ReadonlyMap<string, Entry>): void {
  const uncalled: FuncDef[] = [];
  for (const [name, entry] of entries)
    if (entry.uncalled) for (const def of ctx.program.funcs.get(name) ?? []) if (def.own) uncalled.push(def);
  const first = uncalled.sort((a, b) => a.region.start - b.region.start)[0];
  if (!first || ctx.input.bats) return;
  const names = [...new Set(uncalled.map((d) => d.name))];
  const list = names.length === 1 ? `${names[0]} is` : `${listInWords(names, true)} are`;
  addNote(ctx, {
    start: first.region.start,
    end: first.region.end,
    code: 'function-not-called',
    message: `${list} not called in this file: reads in ${names.length === 1 ? 'it are' : 'them are'} checked as if ${names.length === 1 ? 'it' : 'they'} ran after the file's top level (as when another script sources this file)`,
  });
}

/** The names `pick` gives for the events of a function body: not in nested functions, which run
 * when called, nor in subshells, whose effects stay there. */
function eventsOf(fn: Region, pick: (e: Event) => string | null): Set<string> {
  const out = new Set<string>();
  const stack: Region[] = [fn];
  for (let r = stack.pop(); r; r = stack.pop()) {
    for (const e of r.events) {
      if (e.kind === 'region') {
        if (e.shape !== 'function' && e.shape !== 'subshell') stack.push(e);
        continue;
      }
      const n = pick(e);
      if (n !== null) out.add(n);
    }
  }
  return out;
}
