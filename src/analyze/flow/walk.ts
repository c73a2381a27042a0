// The walk: one path state carried through a model's events in program order. Branches join,
// loops run their body twice (enough for a fixpoint of assign/unset; once when the first pass
// unset nothing the loop started with), subshells do not leak, sourced files run in place, and a
// call applies the callee's summary. Each call site the walk passes is recorded (walk-call.ts,
// call-graph.ts) for the callee's entry state.

import { elementParts, listedKeys, literalKeys } from '../elements.js';
import {
  arrayBase,
  arrayKey,
  type Event,
  type Fact,
  isLocalDeclaration,
  type Region,
  type Source,
  type Write,
} from '../model.js';
import {
  assign,
  type FlowContext,
  type Frame,
  type FromWords,
  join,
  kill,
  type LoopExits,
  makeOpaque,
  note,
  statusIn,
} from './context.js';
import { digestOf, type FuncDef } from './digest.js';
import { assignedAt, type FlowPos, flowPos, type SetAt, testedAt } from './positions.js';
import { isPositional, recordRead } from './reads.js';
import { emptyLog, keep, keptKey, replay } from './source-cache.js';
import type { State } from './state.js';
import { namerefTargets, unsetNames } from './unset-names.js';
import { call, evalKills } from './walk-call.js';

/** Which walk of a function: one for its summary (from an empty state, recording nothing), or one
 * from its entry state, recording its reads (its own functions') and its call sites. */
export type WalkPurpose = 'summary' | 'entry';

/** Walks the script's top level from `s`, recording its reads and call sites. */
export function walkTopLevel(ctx: FlowContext, s: State, reads: NonNullable<Frame['reads']>): void {
  walkEvents(ctx, ctx.input.model.events, s, {
    fn: null,
    loops: [],
    returns: null,
    files: [ctx.input.path],
    file: 0,
    reads,
    collect: true,
    from: { text: 'from line 1' },
  });
}

/** Walks a function body from `entry`; returns its state where it returns. `from` says where the
 * entry state comes from, for reasons. */
export function walkFunction(
  ctx: FlowContext,
  def: FuncDef,
  entry: State,
  purpose: WalkPurpose,
  from: FromWords = { text: '' },
): State {
  const returns: State[] = [];
  const s = ctx.ops.clone(entry);
  let reads: Frame['reads'] = null;
  if (purpose === 'entry' && def.own) {
    reads = new Map();
    ctx.recorded.set(def.region, reads);
  }
  walkEvents(ctx, def.region.events, s, {
    fn: def,
    loops: [],
    returns,
    files: [def.file],
    file: def.fileIndex,
    reads,
    collect: purpose === 'entry',
    from,
  });
  return join(ctx, [s, ...returns], `${def.name}`);
}

/** Calls, by name, of commands that are no function of the program (nor a trap's handler). */
function onlyCommands(ctx: FlowContext, events: readonly Event[]): boolean {
  for (const e of events)
    if (e.kind !== 'call' || e.name === null || e.trap || ctx.program.funcs.has(e.name)) return false;
  return true;
}

function walkEvents(ctx: FlowContext, events: readonly Event[], s: State, frame: Frame): void {
  const { input } = ctx;
  // The last `&&`/`||` right side and the state where it ran, for the link after it.
  let prev: { region: Region; ran: State } | null = null;
  for (const e of events) {
    if (s.dead) return;
    if (e.kind === 'region' && e.shape === 'optional') {
      // A command whose redirection may fail that runs no function of the program (`echo x >
      // "$log"`): whether it runs changes nothing, so one path is walked, and no join made.
      if (e.name === '<' && e.facts === null && onlyCommands(ctx, e.events)) {
        prev = null;
        walkEvents(ctx, e.events, s, frame);
        continue;
      }
      prev = { region: e, ran: optional(ctx, e, s, frame, prev) };
      continue;
    }
    prev = null;
    switch (e.kind) {
      case 'read':
        recordRead(ctx, frame, e, s);
        // `${X:?msg}` stops the script when X is unset: past it, X is set.
        if ((e.op === ':?' || e.op === '?') && !isPositional(e.name))
          assign(ctx, s, e.element ?? e.name, assignedAt(flowPos(frame.file, e.start)));
        break;
      case 'write':
        // Offsets are the script's own: a sourced file's writes are never the block's.
        if (isPositional(e.name) || (frame.files[frame.files.length - 1] === input.path && input.ignoreWrite(e))) break;
        // `read -a NAME` at the end of input: bash 5.2 makes NAME an empty array, older ones leave it
        // as it was; not counted as an array then (its element 0 is gone either way: an unset event
        // follows).
        if (e.how === 'read array') break;
        // getopts sets OPTARG only for an option that takes an argument.
        if (e.how === 'getopts' && e.name === 'OPTARG') {
          if (statusIn(ctx, s, 'OPTARG') !== 2) break;
          kill(
            ctx,
            s,
            'OPTARG',
            `getopts on ${here(ctx, frame, e.start)} unsets OPTARG for an option without an argument`,
          );
          break;
        }
        // `for k in "${!map[@]}"`: map[$k] is there while no element was unset since the listing.
        if (e.listed !== undefined) {
          if (statusIn(ctx, s, listedKeys(e.listed)) === 2)
            assign(ctx, s, e.name, assignedAt(flowPos(frame.file, e.start)));
          break;
        }
        if (frame.fn?.namerefs.has(e.name)) {
          note(ctx, frame, 'opaque-assignment', e.start, () => ({
            end: e.end,
            message: `an assignment through the nameref ${e.name} may set any variable`,
            what: `an assignment through the nameref ${e.name}`,
          }));
          makeOpaque(ctx, s, flowPos(frame.file, e.start));
          break;
        }
        assign(ctx, s, e.name, assignedAt(flowPos(frame.file, e.start)));
        if (ctx.program.dependents?.has(e.name)) elementsByKey(ctx, s, e, assignedAt(flowPos(frame.file, e.start)));
        break;
      case 'unset': {
        // `unset ref` of a nameref unsets the variable it names (`local -n ref=$1`).
        if (frame.fn?.namerefs.has(e.name)) {
          const fn = frame.fn.name;
          for (const n of namerefTargets(ctx.program, e.name, fn))
            killVariable(
              ctx,
              s,
              n,
              () => `${n} may be unset on ${here(ctx, frame, e.start)}, through the nameref ${e.name}`,
            );
          break;
        }
        const why = (): string =>
          e.coproc
            ? `bash unsets ${arrayBase(e.name) ?? e.name} once the coprocess started on ${here(ctx, frame, e.start)} has finished, which may be before this read`
            : e.element0 === 'unset'
              ? `the \`unset\` on ${here(ctx, frame, e.start)} may remove element 0 of ${e.name}, which \`$${e.name}\` reads`
              : e.element0 === 'replaced'
                ? `${e.name} is given new elements on ${here(ctx, frame, e.start)}, maybe none at index 0, which \`$${e.name}\` reads`
                : e.name.endsWith('[?]')
                  ? `the elements of ${e.name.slice(0, -3)} are unset or replaced on ${here(ctx, frame, e.start)}`
                  : `${arrayBase(e.name) ?? e.name} is unset on ${here(ctx, frame, e.start)}`;
        kill(ctx, s, e.name, why);
        // `unset 'map[$k]'` may unset map[a], and `unset 'map[a]'` what map[$k] names (and a key a
        // loop over the keys listed may be gone).
        const aliases = ctx.program.aliases?.get(e.name);
        if (aliases)
          for (const a of aliases)
            kill(
              ctx,
              s,
              a,
              () => `${e.name} is unset on ${here(ctx, frame, e.start)}, and its key may be the key of ${a}`,
            );
        break;
      }
      case 'declare':
        if (frame.fn && isLocalDeclaration(e.flags) && !e.valued) {
          killVariable(
            ctx,
            s,
            e.name,
            () =>
              `${e.name} is declared without a value on ${here(ctx, frame, e.start)} (\`${e.flags.split(' ')[0]} ${e.name}\` makes a new, unset variable)`,
          );
        }
        break;
      case 'unset-computed': {
        // Which names it unsets depends on the program: not a walk to keep (source-cache.ts).
        if (ctx.log) ctx.log.opaque = true;
        for (const n of unsetNames(ctx.program, e, frame.fn?.name ?? null))
          killVariable(ctx, s, n, () =>
            e.code === undefined
              ? `${n} may be unset on ${here(ctx, frame, e.start)}, by an \`unset\` of a name computed when the script runs`
              : `${n} may be unset on ${here(ctx, frame, e.start)}, by the \`unset\` in the code ${e.via} holds, which runs there`,
          );
        break;
      }
      case 'set-test':
        // `export NAME` or `a+=(w)` in the script's own code, where NAME may still be unset: on
        // the walks that record reads (from the top level, and each function from its entry state).
        if (
          e.whereUnset &&
          frame.reads !== null &&
          !frame.probe &&
          frame.files[frame.files.length - 1] === input.path &&
          statusIn(ctx, s, e.name) !== 2
        )
          if (!ctx.testedWhereUnset.has(e.name)) ctx.testedWhereUnset.set(e.name, e);
        break;
      case 'opaque':
        note(ctx, frame, 'opaque-assignment', e.start, () => ({
          end: e.end,
          message: `${e.what} may assign variables nounset cannot name`,
          what: e.what,
        }));
        makeOpaque(ctx, s, flowPos(frame.file, e.start));
        // Then what a function it may run unsets: a path on which it is still unset.
        if (e.what === '`eval`' && !e.assignOnly) evalKills(ctx, e, s, frame);
        break;
      case 'source':
        source(ctx, e, s, frame);
        break;
      case 'call':
        call(ctx, e, s, frame);
        break;
      case 'jump':
        jump(ctx, e.how, e.levels, s, frame);
        break;
      case 'args':
        if (e.how === 'shift') s.argc = e.count === null ? 0 : Math.max(0, s.argc - e.count);
        else s.argc = (e.count ?? 0) + (e.splat ? s.argc : 0);
        break;
      case 'region':
        region(ctx, e, s, frame);
        break;
      case 'probe':
        // The code of an `eval` in the script's own text, on the walks that record its reads:
        // walked on a copy, it records only them, and no call site (eval-probes.ts).
        if (frame.reads !== null && frame.file === 0 && ctx.log === null)
          walkEvents(ctx, e.region.events, ctx.ops.clone(s), {
            ...frame,
            loops: [],
            returns: frame.returns === null ? null : [],
            collect: false,
            probe: true,
          });
        break;
    }
  }
}

/** Unsets a variable whole: its element 0 and the array (see arrayKey), for the same reason. */
function killVariable(ctx: FlowContext, s: State, name: string, why: () => string): void {
  kill(ctx, s, name, why);
  kill(ctx, s, arrayKey(name), why);
}

/** `for k in a b` or `k=a`: an element `map[$k]` is set where every key k now has is set. */
function elementsByKey(ctx: FlowContext, s: State, e: Write, at: SetAt): void {
  const words = e.words ?? (e.value ? [e.value] : null);
  const keys = words === null ? null : literalKeys(words);
  if (keys === null) return;
  for (const element of ctx.program.dependents?.get(e.name) ?? []) {
    const parts = elementParts(element);
    if (parts === null || element !== `${parts.array}[$${e.name}]`) continue;
    if (keys.every((k) => statusIn(ctx, s, `${parts.array}[${k}]`) === 2)) assign(ctx, s, element, at);
  }
}

function jump(
  ctx: FlowContext,
  how: 'exit' | 'return' | 'break' | 'continue',
  levels: number,
  s: State,
  frame: Frame,
): void {
  if (how === 'break' || how === 'continue') {
    const loop = frame.loops[Math.max(0, frame.loops.length - levels)];
    // Outside a loop bash ignores them (with a message).
    if (!loop) return;
    (how === 'break' ? loop.breaks : loop.continues).push(ctx.ops.clone(s));
  } else if (how === 'return') {
    // `return` at the top level of an executed script fails and the script goes on.
    if (!frame.returns) return;
    frame.returns.push(ctx.ops.clone(s));
  }
  s.dead = true;
}

/** Walks `events` from a copy of `s` for their reads only: the paths it follows go nowhere. For
 * code a condition keeps from running (`if true; then … else EVENTS`, `false && EVENTS`), from the
 * state before the condition: no path reaches it, so any status is true of it, and this one does
 * not make a name it assigns before reading it (`else c=0; echo "$c"`) look unset, nor an input of
 * the script. For a loop's condition, from the state a pass leaves, where it is tested again. A
 * walk that records nothing skips them. */
function walkForReads(ctx: FlowContext, events: readonly Event[], s: State, frame: Frame): void {
  if (frame.reads === null && !frame.collect) return;
  walkEvents(ctx, events, ctx.ops.clone(s), { ...frame, loops: [], returns: frame.returns === null ? null : [] });
}

/** "line N" (or "line N of lib.sh") of an offset in the code the walk is in. */
function here(ctx: FlowContext, frame: Frame, offset: number): string {
  return ctx.program.lineAt(flowPos(frame.file, offset));
}

/** What a test that passed (or failed) shows, applied to the path where it did. */
function applyFacts(ctx: FlowContext, s: State, facts: readonly Fact[] | null, at: FlowPos): void {
  if (!facts || s.dead) return;
  for (const f of facts) {
    if (f.kind === 'impossible') s.dead = true;
    else if (f.kind === 'argc') s.argc = Math.max(s.argc, f.min);
    else if (!isPositional(f.name) && statusIn(ctx, s, f.name) !== 2) assign(ctx, s, f.name, testedAt(at));
  }
}

function region(ctx: FlowContext, r: Region, s: State, frame: Frame): void {
  const { ops } = ctx;
  switch (r.shape) {
    case 'function':
      return; // runs when called
    case 'subshell': {
      // Nothing a subshell does reaches the state after it: a walk that records nothing (a
      // summary's) and keeps no log (a sourced file's, source-cache.ts) has nothing to find there.
      if (frame.reads === null && !frame.collect && ctx.log === null) return;
      const inner = ops.clone(s);
      walkEvents(ctx, r.events, inner, { ...frame, loops: [], returns: [] });
      return;
    }
    case 'branch': {
      const outs: State[] = [];
      // `;&` falls into the next arm; after `;;&` any later arm may run too (and, without a `*`
      // arm, none may).
      let fall: State | null = null;
      let testing: State | null = null;
      for (const arm of r.events) {
        if (arm.kind !== 'region') continue;
        let a = ops.clone(s);
        applyFacts(ctx, a, arm.facts, flowPos(frame.file, arm.start));
        if (a.dead && !s.dead) walkForReads(ctx, arm.events, s, frame);
        // Most arms neither fall through nor follow a `;;&`: no join, no array.
        if (fall || testing) {
          const from = [a];
          if (fall) from.push(fall);
          if (testing) from.push(testing);
          a = join(ctx, from, () => `the case on ${here(ctx, frame, r.start)}`);
        }
        walkEvents(ctx, arm.events, a, frame);
        if (arm.name === ';&') fall = a;
        else {
          fall = null;
          if (arm.name === ';;&') {
            testing = testing ? join(ctx, [testing, a], () => `the case on ${here(ctx, frame, r.start)}`) : a;
            if (!r.flag) outs.push(a);
          } else outs.push(a);
        }
      }
      if (fall) outs.push(fall);
      ctx.ops.replace(
        s,
        join(ctx, outs, () => `the if or case on ${here(ctx, frame, r.start)}`),
      );
      return;
    }
    case 'loop': {
      const where = (): string =>
        r.flag
          ? `the loop on ${here(ctx, frame, r.start)}, which \`break\` can leave first`
          : `the loop on ${here(ctx, frame, r.start)}, which may run zero times`;
      // `s` stays as it is until the end: it is the path that never enters the loop.
      const before = s;
      let entry = s;
      let last: State = ops.deadState();
      let exits: LoopExits = { breaks: [], continues: [] };
      // `for ((…; …; post))`: post runs where the body ends and where `continue` leaves it.
      const tail = r.events[r.events.length - 1];
      const post = tail?.kind === 'region' && tail.shape === 'post' ? tail : null;
      const events = post ? r.events.slice(0, -1) : r.events;
      for (let pass = 0; pass < 2; pass++) {
        exits = { breaks: [], continues: [] };
        let body = ops.clone(entry);
        applyFacts(ctx, body, r.facts, flowPos(frame.file, r.start));
        if (pass === 0 && body.dead && !entry.dead) walkForReads(ctx, r.events, entry, frame);
        // The loop stack is the frame's own: pushed for the body, popped after.
        frame.loops.push(exits);
        walkEvents(ctx, events, body, frame);
        frame.loops.pop();
        // Where a pass ends: the body's end and where `continue` left it.
        const passEnd = (): State =>
          exits.continues.length === 0 ? body : join(ctx, [body, ...exits.continues], where);
        if (post) {
          body = passEnd();
          exits.continues.length = 0;
          walkEvents(ctx, post.events, body, frame);
        }
        // The state the next pass starts from; null after the last pass.
        let next: State | null = null;
        if (pass === 0) {
          next = join(ctx, [before, body, ...exits.continues], where);
          // `shift` in the body: the count may go down on every pass.
          if (next.argc < before.argc) next.argc = 0;
          // A body that leaves every name as it found it (it may assign, but unsets nothing the loop
          // had set) would start its second pass where it started the first: the same verdicts at
          // every read and call. Each loop of a nest walked its body twice, so 16 nested loops
          // (firehol's rule()) walked the innermost 65,536 times.
          if (ops.same(next, before)) next = null;
        }
        // The condition is tested again after each pass: its reads see what the body left (`unset n`
        // in the body of `while [ "$n" -gt 0 ]`), after the last. Its effects stay those of its
        // first run.
        if (next === null && r.again && r.again.length > 0) walkForReads(ctx, r.again, passEnd(), frame);
        last = body;
        if (next === null) break;
        entry = next;
      }
      const never = before;
      applyFacts(ctx, never, r.skipFacts, flowPos(frame.file, r.start));
      const out = r.flag ? exits.breaks : [never, last, ...exits.continues, ...exits.breaks];
      ctx.ops.replace(s, join(ctx, out, where));
      return;
    }
    default:
      walkEvents(ctx, r.events, s, frame);
  }
}

/** Why an optional region (by its name, collect.ts) may not run, for reasons; the line it is on. */
const OPTIONAL_WHY: ReadonlyMap<string | null, (line: string) => string> = new Map([
  ['\r', (line: string) => `the call on ${line}, which a shell that keeps the line's \`\\r\` does not make`],
  [
    '<',
    (line: string) =>
      `the command on ${line}, which does not run when a redirection fails (a file missing or not writable, a descriptor not open)`,
  ],
  ['${', (line: string) => `the expansion on ${line}, whose word bash expands only on some runs`],
  ['?:', (line: string) => `the \`?:\` on ${line}, which evaluates one of its arms`],
]);
const AND_OR_WHY = (line: string): string => `the \`&&\`/\`||\` on ${line}`;

/** The right side of `&&` / `||`; returns the state where it ran, for the link after it. With
 * the same operator as that link (`a && b && c`, `a || b || c`) c runs only where b ran; with the
 * other (`a && b || c`, `a || b && c`) it is skipped only there. */
function optional(
  ctx: FlowContext,
  r: Region,
  s: State,
  frame: Frame,
  prev: { region: Region; ran: State } | null,
): State {
  const chained = r.flag && prev !== null;
  const same = chained && prev.region.name === r.name;
  const from = same ? prev.ran : s;
  const runs = ctx.ops.clone(from);
  const at = flowPos(frame.file, r.start);
  // A chained link keeps only what its left side adds (model.ts Region.added): where b ran, what
  // `a` showed holds already.
  applyFacts(ctx, runs, r.added ?? r.facts, at);
  if (runs.dead && !from.dead) walkForReads(ctx, r.events, from, frame);
  walkEvents(ctx, r.events, runs, frame);
  const skip = chained && !same ? prev.ran : s;
  applyFacts(ctx, skip, r.skipFacts, at);
  // join copies what it keeps: `runs` is not changed after, so it can be handed on.
  const where = (): string => (OPTIONAL_WHY.get(r.name) ?? AND_OR_WHY)(ctx.program.lineAt(at));
  ctx.ops.replace(s, join(ctx, [skip, runs], where));
  return runs;
}

/** How many files deep a chain of `source` is followed: each level is a recursion of the walk, and
 * a chain of 2,000 files overflowed the stack (real chains are a few files deep). */
const MAX_SOURCE_DEPTH = 100;

function source(ctx: FlowContext, e: Source, s: State, frame: Frame): void {
  const from = frame.files[frame.files.length - 1] ?? ctx.input.path;
  const outcome = ctx.program.load(e, from);
  const tooDeep = frame.files.length > MAX_SOURCE_DEPTH;
  if (outcome.kind === 'unresolved' || tooDeep || frame.files.includes(outcome.file.path)) {
    const reason =
      outcome.kind === 'unresolved'
        ? outcome.reason
        : tooDeep
          ? `it is sourced more than ${MAX_SOURCE_DEPTH} files deep, further than nounset follows a chain of \`source\``
          : `it sources itself again (a cycle through ${outcome.file.path})`;
    note(ctx, frame, 'source-not-followed', e.start, () => ({
      end: e.end,
      message: `nounset does not follow ${e.path ?? 'the file sourced here'}: ${reason}`,
    }));
    makeOpaque(ctx, s, flowPos(frame.file, e.start));
    return;
  }
  note(ctx, frame, 'source-followed', e.start, () => ({
    end: e.end,
    message: `follows ${outcome.file.path}: the variables and functions it sets count from here`,
  }));
  // The file runs here, in this shell; its top-level `return` ends only it. Its reads are not the
  // script's: nothing is recorded in it. What it does from a state an earlier analysis met it
  // with is done again from what that analysis kept (source-cache.ts).
  const file = ctx.program.fileIndex(outcome.file);
  // Sourced by a function, the file's `declare X=1` makes a local of that function.
  if (frame.fn !== null && ctx.sourcedDeclares !== null)
    for (const n of digestOf(outcome.file.model).topDeclares) ctx.sourcedDeclares.add(n);
  const key = frame.fn === null && ctx.log === null ? keptKey(ctx, outcome.file.model, file) : null;
  if (key !== null && replay(ctx, key, s)) return;
  // A walk to keep: the state before it, and its log (nested files are walked under it: with
  // ctx.log set they get no key).
  const kept = key === null ? null : { key, before: ctx.ops.clone(s), log: emptyLog() };
  if (kept !== null) ctx.log = kept.log;
  const returns: State[] = [];
  walkEvents(ctx, outcome.file.model.events, s, {
    ...frame,
    loops: [],
    returns,
    files: [...frame.files, outcome.file.path],
    file,
    reads: null,
  });
  ctx.ops.replace(s, join(ctx, [s, ...returns], `${outcome.file.path}`));
  if (kept !== null) {
    ctx.log = null;
    keep(ctx, kept.key, kept.before, s, kept.log);
  }
}
