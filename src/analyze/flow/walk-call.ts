// A call the walk passes: recorded as a call site of each function it may run (with the state
// there, for the callee's entry), and the callee's summary applied to the caller's state.

import { arrayBase, type Call, type Opaque } from '../model.js';
import { addCall, siteLine } from './call-graph.js';
import { calleesOf, patternCallees } from './callees.js';
import {
  assign,
  type CalleeKills,
  type FlowContext,
  type Frame,
  type KillOrder,
  type KillPlan,
  kill,
  killTold,
  type LastKills,
  makeOpaque,
  statusIn,
} from './context.js';
import { assignedAt, flowPos } from './positions.js';
import type { State } from './state.js';

/** What bash sets while it runs a function `complete -F` registered, also when `compgen -F`
 * runs it (test/flow/cases/func-complete.sh). Not COMP_WORDS: compgen leaves it unset. */
const COMPLETION_VARIABLES = ['COMP_CWORD', 'COMP_LINE', 'COMP_POINT', 'COMP_TYPE', 'COMP_KEY'];

/** What the callees may unset: each name once, in the order of its last kill when the callees'
 * kill sets are taken in turn, with the callee of that kill (its story names it). Found once per
 * list of callees while the summaries' kills stay as they are: a computed call may run each of
 * rkhunter's 130 functions, and ltmain.sh's 191 \`eval\`s each of its 106, which may unset 1,400
 * names between them. */
function calleeKills(ctx: FlowContext, callees: readonly string[]): KillOrder {
  const { summaries } = ctx;
  const known = ctx.calleeKills.get(callees);
  if (known && known.version === summaries.killVersion) {
    // Found from these callees' summaries, as if asked again.
    if (summaries.asked !== null) for (const c of callees) summaries.asked.add(c);
    return known.order;
  }
  const sets = callees.map((c) => summaries.get(c)?.kill);
  const found = known === undefined ? lastKills(sets) : lastKillsAgain(known, sets);
  const { own } = found;
  const names: string[] = [];
  const by: string[] = [];
  for (let i = 0; i < callees.length; i++)
    for (const n of own[i] as string[]) {
      names.push(n);
      by.push(callees[i] as string);
    }
  // Kills found again in the same order are the order found before: the calls keep their stories.
  const same =
    known !== undefined &&
    known.order.names.length === names.length &&
    names.every((n, k) => known.order.names[k] === n && known.order.callees[k] === by[k]);
  const order = same ? known.order : { names, ids: names.map((n) => ctx.program.table.id(n)), callees: by };
  ctx.calleeKills.set(callees, { version: summaries.killVersion, order, sets, ...found });
  return order;
}

/** Which callee (by index) unsets each name last, and each callee's such names in its set's order:
 * from the last callee back, a name first met is one that callee unsets last. */
function lastKills(sets: readonly (ReadonlySet<string> | undefined)[]): LastKills {
  const owner = new Map<string, number>();
  const own = new Array<string[]>(sets.length);
  for (let i = sets.length - 1; i >= 0; i--) {
    const mine: string[] = [];
    for (const n of sets[i] ?? [])
      if (!owner.has(n)) {
        owner.set(n, i);
        mine.push(n);
      }
    own[i] = mine;
  }
  return { owner, own };
}

/** lastKills after some callees' kill sets changed (a new set, as Summaries keeps an equal one),
 * from what it found before: only the changed sets are read, and the callees whose names moved. */
function lastKillsAgain(known: CalleeKills, sets: readonly (ReadonlySet<string> | undefined)[]): LastKills {
  const owner = new Map(known.owner);
  const own = known.own.slice();
  const changed: number[] = [];
  for (let i = 0; i < sets.length; i++) if (sets[i] !== known.sets[i]) changed.push(i);
  const moved = new Set<number>(changed);
  // A name a changed set gained goes to it when it is the last to have it.
  for (const i of changed)
    for (const n of sets[i] ?? []) {
      const o = owner.get(n);
      if (o === undefined || o < i) {
        if (o !== undefined) moved.add(o);
        owner.set(n, i);
      }
    }
  // A name a changed set lost goes to the last callee that still has it, if any.
  for (const i of changed)
    for (const n of known.sets[i] ?? []) {
      if (owner.get(n) !== i || sets[i]?.has(n)) continue;
      owner.delete(n);
      for (let j = i - 1; j >= 0; j--)
        if (sets[j]?.has(n)) {
          owner.set(n, j);
          moved.add(j);
          break;
        }
    }
  for (const i of moved) own[i] = [...(sets[i] ?? [])].filter((n) => owner.get(n) === i);
  return { owner, own };
}

/** What the function \`name\` unsets, its summary's kill set, as calleeKills gives a list's. */
function summaryKills(ctx: FlowContext, name: string, kill: ReadonlySet<string>): KillOrder {
  const known = ctx.killOrders.get(kill);
  if (known !== undefined && known.callees[0] === name) return known;
  const names = [...kill];
  const order = { names, ids: names.map((n) => ctx.program.table.id(n)), callees: names.map(() => name) };
  ctx.killOrders.set(kill, order);
  return order;
}

/** What the call \`e\` unsets, for \`order\` (calleeKills or summaryKills): the names, their numbers,
 * and one story that tells each, told once while the order stays, however often the call is walked. */
function killsOf(ctx: FlowContext, e: Call | Opaque, order: KillOrder, line: string): KillPlan {
  const known = ctx.killStories.get(e);
  if (known !== undefined && known.of === order) return known;
  const story = ctx.ops.tellCall({
    of: (n) => {
      // One map per order, not per call: a configure script tells names of hundreds of calls.
      order.calleeOf ??= new Map(order.names.map((x, k) => [x, order.callees[k] as string]));
      const c = order.calleeOf.get(n);
      return e.kind === 'call'
        ? `${n} may be unset by ${c}, called on ${line}`
        : `${n} may be unset by ${c}, which the \`eval\` on ${line} may run`;
    },
  });
  const plan: KillPlan = { of: order, names: order.names, ids: order.ids, story };
  ctx.killStories.set(e, plan);
  return plan;
}

/** Every function of the program but bats tests, which nothing calls by name: what an `eval` of
 * computed code may run. */
const ANY_NAME = /^/;

/** An `eval` of computed code may run any function: what any of them may unset counts (as after a
 * computed call; its other effects are the opaque event's). */
export function evalKills(ctx: FlowContext, e: Opaque, s: State, frame: Frame): void {
  const callees = patternCallees(ctx, ANY_NAME);
  if (callees.length > 0) anyCalleeKills(ctx, e, s, callees, ctx.program.lineAt(flowPos(frame.file, e.start)));
}

/** What any one of `callees` may unset, unset in s: which of them `e` runs is not known. */
function anyCalleeKills(ctx: FlowContext, e: Call | Opaque, s: State, callees: readonly string[], line: string): void {
  const kills = calleeKills(ctx, callees);
  if (kills.names.length > 0) applyKills(ctx, s, killsOf(ctx, e, kills, line));
}

/** Unsets what a KillPlan names in s. */
function applyKills(ctx: FlowContext, s: State, plan: KillPlan): void {
  // Names a sourced file's kept walk logs, or elements by key to unset with them: name by name.
  // (A program with such elements mostly has kills without them: dkms.)
  const dependents = ctx.program.dependents;
  if (dependents !== null) plan.of.noDependents ??= !plan.names.some((n) => dependents.has(n));
  if (ctx.log !== null || (dependents !== null && !plan.of.noDependents)) {
    for (let k = 0; k < plan.ids.length; k++)
      killTold(ctx, s, plan.names[k] as string, plan.ids[k] as number, plan.story);
    return;
  }
  plan.of.masks ??= ctx.ops.masksOf(plan.ids);
  ctx.ops.killEach(s, plan.of.masks, plan.story);
}

/** Applies the call `e` to `s`. */
export function call(ctx: FlowContext, e: Call, s: State, frame: Frame): void {
  const { ops, summaries } = ctx;
  if (ctx.log) {
    if (e.name === null) ctx.log.computed = true;
    else ctx.log.calls.set(e.name, ctx.program.funcs.has(e.name));
  }
  const callees = calleesOf(ctx, e, frame);
  if (callees.length === 0) return;
  const pos = flowPos(frame.file, e.start);
  // "line N", or "line N of lib.sh" in a sourced file.
  const line = ctx.program.lineAt(pos);
  if (frame.collect) {
    let entry: State;
    if (e.trap) {
      // A handler runs at any later point: only what nothing unsets or shadows is sure.
      entry = ops.clone(s);
      const when =
        e.later === 'complete'
          ? `bash runs the completion function registered on ${line}`
          : e.later === 'export'
            ? `a child bash runs the function exported on ${line}`
            : `the trap set on ${line} runs`;
      for (const n of ctx.program.killedAnywhere)
        kill(ctx, entry, n, () => `${n} may be unset or shadowed by \`local\` when ${when}`);
      // Set inside a function, it may run once that function has returned (an EXIT trap after
      // `local tmp=$(mktemp -d)`): its locals, and its callers', are gone then. Only the names
      // the shell itself sets are there whatever a function did.
      if (frame.fn !== null)
        for (const n of ctx.program.localAnywhere)
          if (!ctx.input.initiallySet(arrayBase(n) ?? n) && !ctx.program.killedAnywhere.has(n))
            kill(ctx, entry, n, () => `${n} may be a local of a function that has returned when ${when}`);
      // bash calls a completion function with the command, the word and the word before, and
      // the COMP_ variables set.
      entry.argc = e.later === 'complete' ? 3 : 0;
      if (e.later === 'complete') for (const n of COMPLETION_VARIABLES) assign(ctx, entry, n, assignedAt(pos));
    } else {
      entry = ops.clone(s);
      entry.argc = e.name === null ? 0 : e.fixedArgs + (e.splat ? s.argc : 0);
    }
    // The calls are the walked function's (its region), or the top level's.
    addCall(
      ctx.graph,
      frame.fn?.region ?? 'top',
      callees,
      {
        state: entry,
        line: siteLine(frame.file, ctx.program.lineIn(frame.file, e.start)),
        how: e.later ?? (e.trap ? 'trap' : 'call'),
      },
      e.name === null && !e.trap,
    );
  }
  if (definedLater(ctx, e, frame)) return;
  if (e.trap || e.name === null) {
    // Which one runs is not known: only what any of them may unset counts.
    anyCalleeKills(ctx, e, s, callees, line);
    return;
  }
  const sum = summaries.get(e.name);
  if (!sum) return;
  // A function it runs is not defined yet, or may have been unset (`unset -f`): that call is
  // `command not found`, so what the summary owes to it (an assignment, never returning) may not
  // happen. Only what the call may unset counts.
  const partly = callsUndefined(ctx, e, frame) || mayBeUnsetFunction(ctx, e, frame);
  if (sum.noReturn && !partly) {
    s.dead = true;
    return;
  }
  if (sum.kill.size > 0) {
    applyKills(ctx, s, killsOf(ctx, e, summaryKills(ctx, e.name, sum.kill), line));
  }
  if (sum.opaque >= 0) makeOpaque(ctx, s, pos);
  if (partly) return;
  for (const n of sum.gen.keys()) if (statusIn(ctx, s, n) !== 2) assign(ctx, s, n, assignedAt(pos));
}

/** Whether an `unset -f` of the called function may have run before the call: any one, unless the
 * call is on the script's own top level, outside loops, before every one in the script. */
function mayBeUnsetFunction(ctx: FlowContext, e: Call, frame: Frame): boolean {
  const unsets = e.name === null ? undefined : ctx.program.functionUnsets.get(e.name);
  if (unsets === undefined) return false;
  return !onOwnTopLevel(e, frame) || unsets.some((u) => u.file !== 0 || u.at < e.start);
}

/** A call on the script's own top level, outside any loop, of a function every definition of
 * which comes later in the script: bash has not defined it yet (`command not found`), so the call
 * changes nothing. */
function definedLater(ctx: FlowContext, e: Call, frame: Frame): boolean {
  return e.name !== null && onOwnTopLevel(e, frame) && firstDefinition(ctx, e.name) > e.end;
}

/** A call by name on the script's own top level, outside any loop: the only place where which
 * definitions have run is known. */
function onOwnTopLevel(e: Call, frame: Frame): boolean {
  return !e.trap && frame.fn === null && frame.file === 0 && frame.loops.length === 0;
}

/** A call on the script's own top level, outside any loop, of a function that calls (through
 * others, or in a file it sources) one every definition of which comes later in the script:
 * `g() { h; }; g; h() { Y=1; }` runs g while h is not defined yet. */
function callsUndefined(ctx: FlowContext, e: Call, frame: Frame): boolean {
  return e.name !== null && onOwnTopLevel(e, frame) && lastDefinitionReached(ctx, e.name) > e.end;
}

/** Where the first definition of `name` starts in the script, when every one is the script's
 * own; -Infinity when some is in a sourced file (or there is none). Per program, per name. */
function firstDefinition(ctx: FlowContext, name: string): number {
  const memo = definitionMemo(ctx).first;
  let at = memo.get(name);
  if (at === undefined) {
    const defs = ctx.program.funcs.get(name) ?? [];
    at =
      defs.length > 0 && defs.every((d) => d.own && d.fileIndex === 0)
        ? Math.min(...defs.map((d) => d.region.start))
        : Number.NEGATIVE_INFINITY;
    memo.set(name, at);
  }
  return at;
}

/** The latest firstDefinition of the functions a call of `name` may reach (its callees, theirs,
 * and every function of the script once one of them sources a file): a call of name before that
 * point runs one not defined yet. One walk per name (a 10 MB script defines each name hundreds of
 * times: walking the definitions again for every call was quadratic). */
function lastDefinitionReached(ctx: FlowContext, name: string): number {
  const memo = definitionMemo(ctx);
  const known = memo.reached.get(name);
  if (known !== undefined) return known;
  const funcs = ctx.program.funcs;
  let latest = Number.NEGATIVE_INFINITY;
  const seen = new Set<string>([name]);
  const stack = [name];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    for (const def of funcs.get(n) ?? []) {
      if (def.reads) {
        // It may call every function of the script: the latest of their definitions is the
        // answer, since any other function it reaches has none in the script (-Infinity). Walking
        // them from each such function was cubic (2,000 functions that source a file: 4 min).
        latest = Math.max(latest, latestOwnDefinition(ctx));
        memo.reached.set(name, latest);
        return latest;
      }
      for (const c of def.calls) {
        latest = Math.max(latest, firstDefinition(ctx, c));
        if (!seen.has(c)) {
          seen.add(c);
          stack.push(c);
        }
      }
    }
  }
  memo.reached.set(name, latest);
  return latest;
}

/** The latest firstDefinition of the script's own functions, found once per program. */
function latestOwnDefinition(ctx: FlowContext): number {
  const memo = definitionMemo(ctx);
  if (memo.anyOwn === undefined) {
    let latest = Number.NEGATIVE_INFINITY;
    for (const c of ctx.program.ownFunctions) latest = Math.max(latest, firstDefinition(ctx, c));
    memo.anyOwn = latest;
  }
  return memo.anyOwn;
}

interface DefinitionMemo {
  readonly first: Map<string, number>;
  readonly reached: Map<string, number>;
  /** latestOwnDefinition's answer. */
  anyOwn?: number;
}
const DEFINITIONS = new WeakMap<object, DefinitionMemo>();
function definitionMemo(ctx: FlowContext): DefinitionMemo {
  let memo = DEFINITIONS.get(ctx.program);
  if (!memo) DEFINITIONS.set(ctx.program, (memo = { first: new Map(), reached: new Map() }));
  return memo;
}
