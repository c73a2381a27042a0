// Definite assignment over the model, the way a compiler computes it: a read is unsafe when some
// path from the start of the script — or, inside a function, from some place it is called — reaches
// it with the variable unassigned (never assigned on that path, or `unset` or made `local` since).
//
// The walk carries one State per path: the names assigned on every path so far, the names that may
// be unset (each with why, for the edit's reason), the names a file nounset could not follow may
// have set, and how many positional parameters there are at least. Branches join by intersection,
// loops run their body twice (enough for a fixpoint of assign/unset), subshells do not leak.
// Functions get a summary (what every return path assigns, what it may unset, whether it always
// exits) and an entry state: the meet of the states at their call sites, computed to a fixpoint
// over the call graph.

import { NameTable, stateOps, type State, type Status } from './flow-state.js';
import type { Word } from '../parse/ast.js';
import { wordText } from './builtins.js';
import { commandVariable, namePattern } from './collect.js';
import { NOUNSET_OFF, NOUNSET_ON, arrayKey, isLocalDeclaration, type Call, type Event, type Fact, type NounsetState, type Read, type Region, type Source, type Write } from './model.js';

export type ReadStatus = (
  /** `at`: the assignment's offset; -1 when the shell sets it; below -1 a test's (see testedAt). */
  | { readonly kind: 'set'; readonly at: number }
  /** `emptyArray`: the array is assigned, but maybe with no element 0. */
  | { readonly kind: 'unset'; readonly why: string; readonly emptyArray?: true }
  | { readonly kind: 'unknown'; readonly source: number }
) & {
  /** Whether `set -u` is on where the read runs, on every walk that reached it. */
  readonly nounset?: NounsetState;
};

/** A sourced file, loaded and modelled. */
export interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly model: Region;
  readonly lineOf: (offset: number) => number;
}

/** Offsets of sourced files are stored above this, times the file's index (see analyzeFlow). */
const FILE_SPAN = 2 ** 22;

export type SourceOutcome = { readonly kind: 'file'; readonly file: LoadedFile } | { readonly kind: 'unresolved'; readonly reason: string };

/** Where a function is entered from: a call, a trap, `complete -F`, `export -f`, or (line 0)
 * another file that sourced this one. */
interface CallSite {
  readonly state: State;
  readonly line: number;
  readonly trap: boolean;
  readonly how: 'call' | 'trap' | 'complete' | 'export' | 'outside';
}

/** The call sites of `name`, in words: "the calls of f on lines 3, 7 and a trap set on line 9". */
function describeSites(name: string, sites: readonly CallSite[]): string {
  const parts: string[] = [];
  const lines = (how: CallSite['how']): number[] => [...new Set(sites.filter((x) => x.how === how).map((x) => x.line))].sort((a, b) => a - b);
  const at = (ls: number[]): string => `line${ls.length === 1 ? '' : 's'} ${ls.join(', ')}`;
  const calls = lines('call');
  if (calls.length > 0) parts.push(`the call${calls.length === 1 ? '' : 's'} of ${name} on ${at(calls)}`);
  const traps = lines('trap');
  if (traps.length > 0) parts.push(`the trap${traps.length === 1 ? '' : 's'} set on ${at(traps)}`);
  const completes = lines('complete');
  if (completes.length > 0) parts.push(`bash's completion (\`complete -F\` on ${at(completes)})`);
  if (sites.some((x) => x.how === 'export' || x.how === 'outside')) parts.push(sites.some((x) => x.how === 'export') ? 'a child bash (it is exported)' : 'another file that sources this one');
  return parts.join(' and ');
}

export interface FlowInput {
  readonly model: Region;
  /** The path of the script, for sourced files' cycles. */
  readonly path: string;
  readonly lineOf: (offset: number) => number;
  /** Names the shell sets before the script starts. */
  readonly initiallySet: (name: string) => boolean;
  /** Whether `set -u` is on when the script starts (`unknown` for a library whose callers are not
   * known). */
  readonly nounsetAtStart?: NounsetState;
  /** Writes the walk leaves out (the env-init block's own lines). */
  readonly ignoreWrite: (w: Write) => boolean;
  /** Resolves and loads the file a `source` names; `from` is the file holding it. */
  readonly loadSource: (source: Source, from: string) => SourceOutcome;
  /** A Bats file: `setup` runs before each test. */
  readonly bats: boolean;
  /** What decides the state a walk starts from (the dialect, what the shell sets, whether set -u
   * is on): library summaries are shared between analyses with the same key; none without one. */
  readonly stateKey?: string;
  /** Other files may source this one and call its functions with any arguments. */
  readonly library?: boolean;
}

export interface FlowNote {
  readonly start: number;
  readonly end: number;
  readonly code: 'source-followed' | 'source-not-followed' | 'function-not-called' | 'computed-call' | 'opaque-assignment';
  readonly message: string;
  /** For source-not-followed and opaque-assignment: the names read after it that it may set. */
  readonly names?: string[];
}

export interface FlowResult {
  readonly status: Map<Read, ReadStatus>;
  readonly notes: FlowNote[];
  /** "line N" (or "line N of lib.sh") for an offset a ReadStatus holds. */
  readonly lineAt: (pos: number) => string;
}

interface Summary {
  readonly gen: Map<string, number>;
  readonly kill: Set<string>;
  readonly noReturn: boolean;
  readonly opaque: number;
}

interface FuncDef {
  readonly name: string;
  readonly region: Region;
  readonly file: string;
  readonly fileIndex: number;
  /** Defined in the script itself (its reads are reported), not in a sourced file. */
  readonly own: boolean;
  /** Names declared local (or declare/typeset without -g) in its body, and namerefs. */
  readonly locals: Set<string>;
  readonly namerefs: Set<string>;
  /** Names its body unsets, the functions it calls by name, and whether it runs a computed name
   * (found once: the summaries ask on every round). */
  readonly unsets: Set<string>;
  readonly calls: Set<string>;
  readonly computed: boolean;
  /** It sources a file or runs something nounset cannot see into (outside subshells): what it
   * does depends on more than its own text. */
  readonly reads: boolean;
}

/** Where a walk is: jumps go to the innermost loop, function or file that takes them. */
interface Frame {
  readonly fn: FuncDef | null;
  readonly loops: { breaks: State[]; continues: State[] }[];  // a stack, pushed and popped in place
  /** `return` states of the function (or of a sourced file's top level). */
  readonly returns: State[] | null;
  readonly files: string[];
}

export function analyzeFlow(input: FlowInput): FlowResult {
  const lineOf = input.lineOf;
  // Offsets in a sourced file are kept with the file's index above FILE_SPAN (the script is 0),
  // so that a reason names the right file and line.
  const paths: string[] = [input.path];
  const lineOfs: ((offset: number) => number)[] = [lineOf];
  let cur = 0;
  const fileIndex = (file: LoadedFile): number => {
    let i = paths.indexOf(file.path);
    if (i === -1) {
      i = paths.length;
      paths.push(file.path);
      lineOfs.push(file.lineOf);
    }
    return i;
  };
  const pos = (offset: number): number => (cur === 0 || cur > 127 || offset >= FILE_SPAN ? offset : cur * FILE_SPAN + offset);
  /** "line N", or "line N of lib.sh" for an encoded offset in a sourced file. */
  const lineAt = (p: number): string => {
    const file = p >= FILE_SPAN ? Math.floor(p / FILE_SPAN) : 0;
    const line = (lineOfs[file] ?? lineOf)(p - file * FILE_SPAN);
    return file === 0 ? `line ${line}` : `line ${line} of ${paths[file] ?? '?'}`;
  };
  const here = (offset: number): string => lineAt(pos(offset));
  const notes: FlowNote[] = [];
  const status = new Map<Read, ReadStatus>();
  const funcs = new Map<string, FuncDef[]>();
  const loaded = new Map<string, SourceOutcome>();
  const summaries = new Map<string, Summary>();
  /** Calls seen in the latest walk of each caller (top level or a function): callee → states. */
  const callStates = new Map<Region | 'top', Map<string, CallSite[]>>();
  /** The callers (top level or functions) whose latest walk called each function. */
  const callersOf = new Map<string, Set<Region | 'top'>>();
  let caller: Region | 'top' = 'top';
  let recording = false;
  let collecting = false;
  // Notes are gathered by the walks that record reads, once each.
  const noted = new Set<string>();
  const note = (n: FlowNote): void => {
    const key = `${n.code}:${n.start}`;
    if (!recording || current === null || noted.has(key)) return;
    noted.add(key);
    notes.push(n);
  };

  // Names assigned anywhere after each offset, for "assigned later" reasons; names killed anywhere,
  // for trap handlers.
  const writesOf = new Map<string, number[]>();
  /** The digests of the files registered: what every write of a name assigns (a word, or not a
   * plain assignment) and the calls of each function, asked of them when a computed call needs it. */
  const digests: FileDigest[] = [];
  const valuesOf = (name: string): (Word | null | undefined)[] => digests.flatMap((d) => d.valuesByName().get(name) ?? []);
  const callsOf = (name: string): Call[] => digests.flatMap((d) => d.callsByName().get(name) ?? []);
  const killedAnywhere = new Set<string>();

  // ---- functions, sourced files and every name they mention, found before any walk ----
  const table = new NameTable();
  const registerFile = (model: Region, file: string, own: boolean, index: number): void => {
    const d = digestOf(model);
    for (const n of d.names) table.id(n);
    for (const def of d.defs(file, index, own)) {
      const list = funcs.get(def.name);
      if (list) list.push(def);
      else funcs.set(def.name, [def]);
    }
    digests.push(d);
    if (own) {
      for (const e of d.writes) {
        const list = writesOf.get(e.name);
        if (list) list.push(e.start);
        else writesOf.set(e.name, [e.start]);
      }
    }
    for (const n of d.killed) killedAnywhere.add(n);
    for (const e of d.sources) {
      const outcome = load(e, file);
      if (outcome.kind === 'file' && !registered.has(outcome.file.path)) {
        registered.add(outcome.file.path);
        libraryModels.push(outcome.file.model);
        registerFile(outcome.file.model, outcome.file.path, false, fileIndex(outcome.file));
      }
    }
  };
  const registered = new Set<string>([input.path]);
  /** The models of the sourced files registered (see sharedSummaries). */
  const libraryModels: Region[] = [];
  const needed = new Map<string, boolean>();
  const load = (e: Source, from: string): SourceOutcome => {
    const key = `${from}\0${e.start}`;
    let outcome = loaded.get(key);
    if (!outcome) {
      outcome = input.loadSource(e, from);
      loaded.set(key, outcome);
    }
    return outcome;
  };
  registerFile(input.model, input.path, true, 0);
  // Whether nounset is on: two pseudo-variables (see NOUNSET_ON), always in the table.
  const uOn = table.id(NOUNSET_ON);
  const uOff = table.id(NOUNSET_OFF);
  const atStart = input.nounsetAtStart ?? 'unknown';

  // ---- states: bitsets over every name the script and the files it sources mention ----
  const ops = stateOps(table, (name) =>
    name === NOUNSET_ON ? atStart === 'on' : name === NOUNSET_OFF ? atStart === 'off' : input.initiallySet(name) && !isPositional(name),
  );
  const nounsetIn = (s: State): NounsetState => (ops.isSet(s, uOn) ? 'on' : ops.isSet(s, uOff) ? 'off' : 'unknown');
  const id = (name: string): number => table.id(name);
  const fresh = ops.fresh;
  const clone = ops.clone;
  const deadState = ops.deadState;
  const statusIn = (s: State, name: string): Status => ops.statusOf(s, id(name));
  const assign = (s: State, name: string, at: number): void => ops.assign(s, id(name), at);
  const kill = (s: State, name: string, text: string): void => ops.kill(s, id(name), text);
  const makeOpaque = ops.makeOpaque;
  const sameState = ops.same;
  /** `where` names the construct in a reason; a function, since most joins tell no story. */
  const join = (states: readonly State[], where: string | (() => string)): State => {
    let text = typeof where === 'string' ? where : null;
    return ops.join(states, (i, at) => {
      text ??= (where as () => string)();
      return story(table.names[i] ?? '', at, text);
    });
  };
  const story = (name: string, at: number | null, where: string): string => {
    if (at === null) return `${name} is not assigned on every path through ${where}`;
    if (at < -1) return `${name} is known to be set (by the test on ${lineAt(testedAt(at))}) only on some paths through ${where}`;
    if (at === -1) return `${name} is not set on every path through ${where}`;
    return `${name} is assigned on ${lineAt(at)} only on some paths through ${where}`;
  };

  const applyFacts = (s: State, facts: readonly Fact[] | null, at: number): void => {
    if (!facts || s.dead) return;
    for (const f of facts) {
      if (f.kind === 'impossible') s.dead = true;
      else if (f.kind === 'argc') s.argc = Math.max(s.argc, f.min);
      else if (!isPositional(f.name) && statusIn(s, f.name) !== 2) assign(s, f.name, testedAt(at));
    }
  };

  // ---- reads ----
  let entryText = 'from line 1';
  // Each walk of the script's own code records into its own map, replaced when that code is
  // walked again from a new entry state; the last walks' maps are the result.
  const recorded = new Map<Region | 'top', Map<Read, RawStatus>>();
  let current: Map<Read, RawStatus> | null = null;
  const record = (read: Read, s: State): void => {
    if (!recording || current === null) return;
    const old = current.get(read);
    const u = nounsetIn(s);
    const nounset = old === undefined || old.nounset === u ? u : 'unknown';
    // A read visited more than once (a loop body) keeps its worst verdict.
    const st = readStatus(read, s);
    if (!old || rank(st) < rank(old)) {
      st.nounset = nounset;
      current.set(read, st);
    } else old.nounset = nounset;
  };
  /** A read's status as the walk finds it; an unset one tells why only when asked at the end
   * (building the words on every visit of every read cost more than the rest of the walk). */
  const readStatus = (read: Read, s: State): RawStatus => {
    const name = read.name;
    if (isPositional(name)) {
      const n = Number(name);
      if (name === '0' || n <= s.argc) return { kind: 'set', at: -1 };
      const argc = s.argc;
      const from = entryText;
      return { kind: 'unset', why: () => (argc === 0 ? `no argument $${name} is guaranteed on the path ${from} to line ${lineOf(read.start)}` : `only ${argc} argument${argc === 1 ? ' is' : 's are'} guaranteed on the path ${from} to line ${lineOf(read.start)}, not $${name}`) };
    }
    // `"$@"` and `$*`: bash before 4.1 stops on them when there is no argument (plan.ts asks only then).
    if (name === '@' || name === '*') {
      if (s.argc > 0) return { kind: 'set', at: -1 };
      const from = entryText;
      return { kind: 'unset', why: () => `no argument is guaranteed on the path ${from} to line ${lineOf(read.start)}` };
    }
    // `${#a[@]}`, `${#a[i]}` need the array; every other read, its element 0 (see arrayKey).
    const key = read.node.type === 'ParamExp' && read.node.length && read.node.index ? arrayKey(name) : name;
    const st = statusIn(s, key);
    const i = id(key);
    if (st === 2) return { kind: 'set', at: ops.atOf(s, i) };
    if (st === 1) return { kind: 'unknown', source: ops.isUnknown(s, i) ? ops.atOf(s, i) : s.opaque };
    if (key === name && statusIn(s, arrayKey(name)) === 2) {
      const at = ops.atOf(s, id(arrayKey(name)));
      return { kind: 'unset', emptyArray: true, why: () => `${name} is an array${at >= 0 ? ` assigned on ${lineAt(at)}` : ''} that may have no element 0 (\`a=($(cmd))\`, \`read -a\`, \`mapfile\` give none when there is nothing to read), and \`$${name}\` and \`\${${name}[0]}\` stop on it under set -u; it is read on line ${lineOf(read.start)}` };
    }
    const w = ops.whyOf(s, i);
    if (w) return { kind: 'unset', why: () => `${w}; it is read on line ${lineOf(read.start)}` };
    const from = entryText;
    return {
      kind: 'unset',
      why: () => {
        const writes = writesOf.get(name) ?? [];
        const later = writes.find((o) => o > read.end);
        const earlier = writes.filter((o) => o < read.start).pop();
        const tail =
          earlier !== undefined
            ? ` (its assignment on line ${lineOf(earlier)} does not reach here: it is in a subshell, a pipeline, a function not called first, or on another path)`
            : later !== undefined
              ? ` (it is assigned on line ${lineOf(later)}, after this read)`
              : '';
        return `${name} is read on line ${lineOf(read.start)} with no assignment on the path ${from}${tail}`;
      },
    };
  };

  // ---- the walk ----
  const walk = (events: readonly Event[], s: State, frame: Frame): void => {
    // The last `&&`/`||` right side and the state where it ran, for the link after it.
    let prev: { region: Region; ran: State } | null = null;
    for (const e of events) {
      if (s.dead) return;
      if (e.kind === 'region' && e.shape === 'optional') {
        prev = { region: e, ran: optional(e, s, frame, prev) };
        continue;
      }
      prev = null;
      switch (e.kind) {
        case 'read':
          record(e, s);
          // `${X:?msg}` stops the script when X is unset: past it, X is set.
          if ((e.op === ':?' || e.op === '?') && !isPositional(e.name)) assign(s, e.name, pos(e.start));
          break;
        case 'write':
          // Offsets are the script's own: a sourced file's writes are never the block's.
          if (isPositional(e.name) || (frame.files[frame.files.length - 1] === input.path && input.ignoreWrite(e))) break;
          // `read -a NAME` at the end of input leaves NAME as it was.
          if (e.how === 'read array') break;
          // getopts sets OPTARG only for an option that takes an argument.
          if (e.how === 'getopts' && e.name === 'OPTARG') {
            if (statusIn(s, 'OPTARG') !== 2) break;
            kill(s, 'OPTARG', `getopts on ${here(e.start)} unsets OPTARG for an option without an argument`);
            break;
          }
          if (frame.fn?.namerefs.has(e.name)) {
            note({ start: e.start, end: e.end, code: 'opaque-assignment', message: `an assignment through the nameref ${e.name} may set any variable` });
            makeOpaque(s, pos(e.start));
            break;
          }
          assign(s, e.name, pos(e.start));
          break;
        case 'unset':
          kill(s, e.name, `${e.name} is unset on ${here(e.start)}`);
          break;
        case 'declare':
          if (frame.fn && isLocalDeclaration(e.flags) && !e.valued) {
            const why = `${e.name} is declared without a value on ${here(e.start)} (\`${e.flags.split(' ')[0]} ${e.name}\` makes a new, unset variable)`;
            kill(s, e.name, why);
            kill(s, arrayKey(e.name), why);
          }
          break;
        case 'set-test':
          break;
        case 'opaque':
          note({ start: e.start, end: e.end, code: 'opaque-assignment', message: `${e.what} may assign variables nounset cannot name` });
          makeOpaque(s, pos(e.start));
          break;
        case 'source':
          source(e, s, frame);
          break;
        case 'call':
          call(e, s, frame);
          break;
        case 'jump':
          jump(e.how, e.levels, s, frame);
          break;
        case 'args':
          if (e.how === 'shift') s.argc = e.count === null ? 0 : Math.max(0, s.argc - e.count);
          else s.argc = (e.count ?? 0) + (e.splat ? s.argc : 0);
          break;
        case 'region':
          region(e, s, frame);
          break;
      }
    }
  };

  const jump = (how: 'exit' | 'return' | 'break' | 'continue', levels: number, s: State, frame: Frame): void => {
    if (how === 'break' || how === 'continue') {
      const loop = frame.loops[Math.max(0, frame.loops.length - levels)];
      // Outside a loop bash ignores them (with a message).
      if (!loop) return;
      (how === 'break' ? loop.breaks : loop.continues).push(clone(s));
    } else if (how === 'return') {
      // `return` at the top level of an executed script fails and the script goes on.
      if (!frame.returns) return;
      frame.returns.push(clone(s));
    }
    s.dead = true;
  };

  const region = (r: Region, s: State, frame: Frame): void => {
    switch (r.shape) {
      case 'function':
        return; // runs when called
      case 'subshell': {
        const inner = clone(s);
        walk(r.events, inner, { fn: frame.fn, loops: [], returns: [], files: frame.files });
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
          let a = clone(s);
          applyFacts(a, arm.facts, pos(arm.start));
          // Most arms neither fall through nor follow a `;;&`: no join, no array.
          if (fall || testing) {
            const from = [a];
            if (fall) from.push(fall);
            if (testing) from.push(testing);
            a = join(from, () => `the case on ${here(r.start)}`);
          }
          walk(arm.events, a, frame);
          if (arm.name === ';&') fall = a;
          else {
            fall = null;
            if (arm.name === ';;&') {
              testing = testing ? join([testing, a], () => `the case on ${here(r.start)}`) : a;
              if (!r.flag) outs.push(a);
            } else outs.push(a);
          }
        }
        if (fall) outs.push(fall);
        replace(s, join(outs, () => `the if or case on ${here(r.start)}`));
        return;
      }
      case 'loop': {
        const where = (): string => (r.flag ? `the loop on ${here(r.start)}, which \`break\` can leave first` : `the loop on ${here(r.start)}, which may run zero times`);
        // `s` stays as it is until the end: it is the path that never enters the loop.
        const before = s;
        let entry = s;
        let last: State = deadState();
        let loopFrame = { breaks: [] as State[], continues: [] as State[] };
        for (let pass = 0; pass < 2; pass++) {
          loopFrame = { breaks: [], continues: [] };
          const body = clone(entry);
          applyFacts(body, r.facts, pos(r.start));
          // The loop stack is the frame's own: pushed for the body, popped after.
          frame.loops.push(loopFrame);
          walk(r.events, body, frame);
          frame.loops.pop();
          last = body;
          if (pass === 0) {
            const next = join([before, body, ...loopFrame.continues], where);
            // `shift` in the body: the count may go down on every pass.
            if (next.argc < before.argc) next.argc = 0;
            entry = next;
          }
        }
        const never = before;
        applyFacts(never, r.skipFacts, pos(r.start));
        const exits = r.flag ? loopFrame.breaks : [never, last, ...loopFrame.continues, ...loopFrame.breaks];
        replace(s, join(exits, where));
        return;
      }
      default:
        walk(r.events, s, frame);
    }
  };

  /** The right side of `&&` / `||`; returns the state where it ran, for the link after it. With
   * the same operator as that link (`a && b && c`, `a || b || c`) c runs only where b ran; with the
   * other (`a && b || c`, `a || b && c`) it is skipped only there. */
  const optional = (r: Region, s: State, frame: Frame, prev: { region: Region; ran: State } | null): State => {
    const chained = r.flag && prev !== null;
    const same = chained && prev.region.name === r.name;
    const runs = clone(same ? prev.ran : s);
    applyFacts(runs, r.facts, pos(r.start));
    walk(r.events, runs, frame);
    const skip = chained && !same ? prev.ran : s;
    applyFacts(skip, r.skipFacts, pos(r.start));
    // join copies what it keeps: `runs` is not changed after, so it can be handed on.
    replace(s, join([skip, runs], () => `the \`&&\`/\`||\` on ${here(r.start)}`));
    return runs;
  };

  const replace = (s: State, by: State): void => {
    s.dead = by.dead;
    s.bits = by.bits;
    // The slots are shared from now on: neither may write them in place.
    s.at = by.at;
    s.atOwned = false;
    by.atOwned = false;
    s.opaque = by.opaque;
    s.argc = by.argc;
  };

  const source = (e: Source, s: State, frame: Frame): void => {
    const from = frame.files[frame.files.length - 1] ?? input.path;
    const outcome = load(e, from);
    if (outcome.kind === 'unresolved' || frame.files.includes(outcome.file.path)) {
      const reason = outcome.kind === 'unresolved' ? outcome.reason : `it sources itself again (a cycle through ${outcome.file.path})`;
      note({ start: e.start, end: e.end, code: 'source-not-followed', message: `nounset does not follow ${e.path ?? 'the file sourced here'}: ${reason}` });
      makeOpaque(s, pos(e.start));
      return;
    }
    note({ start: e.start, end: e.end, code: 'source-followed', message: `follows ${outcome.file.path}: the variables and functions it sets count from here` });
    // The file runs here, in this shell; its top-level `return` ends only it.
    const returns: State[] = [];
    const wasRecording = recording;
    const wasCur = cur;
    recording = false;
    cur = fileIndex(outcome.file);
    walk(outcome.file.model.events, s, { fn: frame.fn, loops: [], returns, files: [...frame.files, outcome.file.path] });
    recording = wasRecording;
    cur = wasCur;
    replace(s, join([s, ...returns], `${outcome.file.path}`));
  };

  // A bats test is a function nothing can call by name.
  const matching = (pattern: RegExp): string[] => [...funcs.keys()].filter((n) => pattern.test(n) && !(funcs.get(n) ?? []).every((d) => d.region.flag));
  /** Functions a `"$@"` (or `$1`) run inside `fn` may be: the literal arguments its callers pass;
   * null when a caller passes a computed one, or nothing calls fn. */
  const forwarded = (fn: string): string[] | null => {
    const calls = callsOf(fn);
    if (calls.length === 0 || calls.some((c) => c.dynArgs)) return null;
    return [...new Set(calls.flatMap((c) => c.litArgs))];
  };
  /** Functions `"$X"` may run: what X is assigned, as a pattern when computed; null when X is
   * also set by read, for, an array... A variable the file never assigns comes from outside and is
   * taken to name a command, not one of its functions. */
  const runnableBy = (name: string, fallback: string | null): string[] | null => {
    const out = new Set<string>(fallback !== null && funcs.has(fallback) ? [fallback] : []);
    for (const value of valuesOf(name)) {
      if (!value) return null;
      // `X=${X:-make}`: the default is one more value.
      const self = commandVariable(value);
      const text = self && self.name === name ? self.fallback : wordText(value);
      if (text !== null) {
        if (funcs.has(text)) out.add(text);
      } else for (const n of matching(namePattern(value))) out.add(n);
    }
    return [...out];
  };
  const calleesOf = (e: Call, frame: Frame): string[] => {
    if (e.name !== null) return funcs.has(e.name) ? [e.name] : [];
    const pattern = e.pattern;
    if (!pattern) return [];
    const via = e.via;
    let named: string[] | null = null;
    if (via && (isPositional(via.name) || via.name === '@' || via.name === '*')) named = frame.fn ? forwarded(frame.fn.name) : null;
    else if (via) named = runnableBy(via.name, via.fallback);
    const out = named === null ? matching(pattern) : named.filter((n) => funcs.has(n) && !(funcs.get(n) ?? []).every((d) => d.region.flag));
    if (out.length > 0) note({ start: e.start, end: e.end, code: 'computed-call', message: `a computed command name may run ${out.length === funcs.size ? 'any function' : out.join(', ')}: ${out.length === 1 ? 'it is' : 'they are'} checked as called from here too` });
    return out;
  };

  const call = (e: Call, s: State, frame: Frame): void => {
    const callees = calleesOf(e, frame);
    if (callees.length === 0) return;
    const line = (lineOfs[cur] ?? lineOf)(e.start);
    if (collecting) {
      let byCallee = callStates.get(caller);
      if (!byCallee) callStates.set(caller, (byCallee = new Map()));
      let entry: State;
      if (e.trap) {
        // A handler runs at any later point: only what nothing unsets or shadows is sure.
        entry = clone(s);
        const when = e.later === 'complete' ? `bash runs the completion function registered on line ${line}` : e.later === 'export' ? `a child bash runs the function exported on line ${line}` : `the trap set on line ${line} runs`;
        for (const n of killedAnywhere) kill(entry, n, `${n} may be unset or shadowed by \`local\` when ${when}`);
        // bash calls a completion function with the command, the word and the word before, and
        // the COMP_ variables set.
        entry.argc = e.later === 'complete' ? 3 : 0;
        if (e.later === 'complete') for (const n of COMPLETION_VARIABLES) assign(entry, n, pos(e.start));
      } else {
        entry = clone(s);
        entry.argc = e.name === null ? 0 : e.fixedArgs + (e.splat ? s.argc : 0);
      }
      for (const c of callees) {
        const list = byCallee.get(c);
        const site: CallSite = { state: entry, line, trap: e.trap, how: e.later ?? (e.trap ? 'trap' : 'call') };
        if (list) list.push(site);
        else byCallee.set(c, [site]);
        let from = callersOf.get(c);
        if (!from) callersOf.set(c, (from = new Set()));
        from.add(caller);
      }
    }
    if (e.trap || e.name === null) {
      // Which one runs is not known: only what any of them may unset counts.
      for (const c of callees) for (const n of summaries.get(c)?.kill ?? []) kill(s, n, `${n} may be unset by ${c}, called on line ${line}`);
      return;
    }
    const sum = summaries.get(e.name);
    if (!sum) return;
    if (sum.noReturn) {
      s.dead = true;
      return;
    }
    for (const n of sum.kill) kill(s, n, `${n} may be unset by ${e.name}, called on line ${line}`);
    if (sum.opaque >= 0) makeOpaque(s, pos(e.start));
    for (const n of sum.gen.keys()) if (statusIn(s, n) !== 2) assign(s, n, pos(e.start));
  };

  /** Walks a function body from `entry`; returns its state where it returns. */
  const walkFunction = (def: FuncDef, entry: State): State => {
    const returns: State[] = [];
    const s = clone(entry);
    const was = caller;
    const wasCur = cur;
    const wasCurrent = current;
    caller = def.region;
    cur = def.fileIndex;
    if (recording && def.own) {
      current = new Map();
      recorded.set(def.region, current);
    } else current = null;
    walk(def.region.events, s, { fn: def, loops: [], returns, files: [def.file] });
    caller = was;
    cur = wasCur;
    current = wasCurrent;
    return join([s, ...returns], `${def.name}`);
  };

  // A library function that calls (however deep) no function of the script and runs no computed
  // name needs no walk here: its call sites only decide entries no read of the script depends on.
  function needs(name: string, seen: Set<string>): boolean {
    const known = needed.get(name);
    if (known !== undefined) return known;
    // The libraries' own answer, when an earlier analysis of them gave it: a library function that
    // calls no function of the script (names are apart, see sharedSummaries) needs what it needed.
    if (sharedWalks && !(funcs.get(name) ?? []).some((d) => d.own)) {
      const yes = sharedWalks.has(name);
      needed.set(name, yes);
      return yes;
    }
    if (seen.has(name)) return false;
    seen.add(name);
    const defs = funcs.get(name) ?? [];
    const yes = defs.some((d) => d.own || d.computed || [...d.calls].some((c) => funcs.has(c) && needs(c, seen)));
    seen.delete(name);
    // A cycle's answer is final once its first member has it.
    if (yes || seen.size === 0) needed.set(name, yes);
    return yes;
  }
  // ---- 1. summaries, callees first; to a fixpoint only when calls go round (or are computed) ----
  // Functions of sourced libraries whose callees are all in them too: their summaries are what an
  // earlier analysis of another script found (see sharedSummaries). Only the others are ordered
  // and walked: the script's own, and library functions that need a walk of their own.
  const shared = input.stateKey === undefined ? null : sharedSummaries(input.stateKey);
  const sharedWalks = shared?.walks ?? null;
  if (shared) for (const [name, summary] of shared.known) summaries.set(name, summary);
  const candidates = shared === null ? funcs : new Map([...funcs].filter(([name]) => !shared.known.has(name) || needs(name, new Set())));
  const { order, cyclic } = calleesFirst(candidates, (def) => def.calls, (def) => def.computed);
  // With cycles, a later round redoes only the functions whose callees' summaries changed (all of
  // them when a computed call could reach anything).
  const callers = new Map<string, Set<string>>();
  let anyComputed = false;
  for (const [name, defs] of candidates) {
    for (const def of defs) {
      if (def.computed) anyComputed = true;
      for (const c of def.calls) (callers.get(c) ?? callers.set(c, new Set()).get(c))?.add(name);
    }
  }
  let todo = new Set(order);
  if (shared) for (const name of shared.known.keys()) todo.delete(name);
  for (let round = 0; round < (cyclic ? 12 : 1) && todo.size > 0; round++) {
    let changed = false;
    const next = new Set<string>();
    for (const name of order) {
      if (!todo.has(name)) continue;
      const defs = funcs.get(name) ?? [];
      const parts = defs.map((def): Summary => {
        // Nothing in it can assign a global, unset, exit or call a function: nothing to walk.
        if (isInert(def, funcs)) return INERT;
        const end = walkFunction(def, fresh(0));
        const gen = new Map<string, number>();
        if (!end.dead) {
          table.names.forEach((n, i) => {
            // Assigned in the function: not a name the shell had set already (at -1).
            if (ops.isSet(end, i) && ops.atOf(end, i) !== -1 && !def.locals.has(n)) gen.set(n, ops.atOf(end, i));
          });
        }
        const kill = new Set<string>();
        for (const n of def.unsets) if (!def.locals.has(n)) kill.add(n);
        for (const c of def.calls) for (const n of summaries.get(c)?.kill ?? []) if (!def.locals.has(n)) kill.add(n);
        return { gen, kill, noReturn: end.dead, opaque: end.dead ? -1 : end.opaque };
      });
      const merged = parts.length === 1 ? (parts[0] as Summary) : mergeSummaries(parts);
      if (!sameSummary(summaries.get(name), merged)) {
        summaries.set(name, merged);
        changed = true;
        if (anyComputed) for (const n of order) next.add(n);
        else for (const c of callers.get(name) ?? []) next.add(c);
      }
    }
    if (!changed) break;
    todo = next;
    if (shared) for (const name of shared.known.keys()) todo.delete(name);
  }

  /** What an earlier analysis found of the same libraries (the same sourced files, modelled once
   * in sourced/source-loader.ts), for the same state key: the summaries of their functions whose callees
   * are all in them (no computed call, nothing sourced or unseen), and which of their functions can
   * reach a computed call. Shared only when no function of the script has the name of a function
   * the libraries define or call: then every library function means what it meant there. Offsets
   * are re-numbered when the files' numbers differ. */
  function sharedSummaries(key: string): { known: Map<string, Summary>; walks: ReadonlySet<string> | null; keep: () => void } | null {
    const libraries = [...new Set(libraryModels)].map(modelId).sort((x, y) => x - y);
    if (libraries.length === 0) return null;
    const cacheKey = `${key}|${libraries.join(',')}`;
    const entry = LIBRARIES.get(cacheKey);
    let libNames = entry?.libNames;
    if (!libNames) {
      const names = new Set<string>();
      for (const defs of funcs.values()) {
        for (const d of defs) {
          if (d.own) continue;
          names.add(d.name);
          for (const c of d.calls) names.add(c);
        }
      }
      libNames = names;
    }
    const ownNames = new Set<string>();
    for (const defs of funcs.values()) for (const d of defs) if (d.own) ownNames.add(d.name);
    for (const n of ownNames) if (libNames.has(n)) return null;
    const known = new Map<string, Summary>();
    if (entry) {
      const same = entry.paths.every((p, i) => p === null || paths[i] === p);
      for (const [name, summary] of entry.summaries) known.set(name, same ? summary : renumber(summary, entry.paths));
    }
    const keep = (): void => {
      if (entry) return;
      // Which library functions may be shared: callees all in the libraries, transitively.
      const ok = new Map<string, boolean>();
      const shareable = (name: string, seen: Set<string>): boolean => {
        const known = ok.get(name);
        if (known !== undefined) return known;
        if (seen.has(name)) return true;
        seen.add(name);
        const defs = funcs.get(name) ?? [];
        const yes = defs.length > 0 && defs.every((d) => !d.own && !d.computed && !d.reads && d.namerefs.size === 0 && d.fileIndex > 0 && d.fileIndex <= 127 && [...d.calls].every((c) => !funcs.has(c) || shareable(c, seen)));
        seen.delete(name);
        if (!yes || seen.size === 0) ok.set(name, yes);
        return yes;
      };
      const summariesOut = new Map<string, Summary>();
      for (const name of libNames as ReadonlySet<string>) {
        const summary = summaries.get(name);
        if (summary && summary.opaque < 0 && !ownNames.has(name) && shareable(name, new Set())) summariesOut.set(name, summary);
      }
      const walks = new Set<string>();
      for (const name of libNames as ReadonlySet<string>) if (funcs.has(name) && needs(name, new Set())) walks.add(name);
      LIBRARIES.set(cacheKey, { paths: paths.map((p, i) => (i === 0 ? null : p)), summaries: summariesOut, walks, libNames: libNames as ReadonlySet<string> });
      if (LIBRARIES.size > 16) LIBRARIES.delete(LIBRARIES.keys().next().value as string);
    };
    return { known, walks: entry?.walks ?? null, keep };
  }

  /** A shared summary's offsets, from the file numbers of the analysis that kept it to this one's. */
  function renumber(summary: Summary, from: readonly (string | null)[]): Summary {
    const move = (at: number): number => {
      if (at === -1) return at;
      const tested = at < -1;
      const p = tested ? testedAt(at) : at;
      const f = Math.floor(p / FILE_SPAN);
      const to = paths.indexOf(from[f] ?? '');
      const q = to > 0 && to <= 127 ? to * FILE_SPAN + (p - f * FILE_SPAN) : p;
      return tested ? testedAt(q) : q;
    };
    const gen = new Map<string, number>();
    for (const [n, at] of summary.gen) gen.set(n, move(at));
    return { gen, kill: summary.kill, noReturn: summary.noReturn, opaque: summary.opaque };
  }

  // ---- 2. entry states, to a fixpoint over the call graph; every read is recorded on the way ----
  collecting = true;
  recording = true;
  const top = fresh(0);
  callStates.set('top', new Map());
  current = new Map();
  recorded.set('top', current);
  walk(input.model.events, top, { fn: null, loops: [], returns: null, files: [input.path] });
  current = null;
  // A function nothing in the file calls runs, if at all, after the file's top level: from a
  // script that sourced it, or from bats (after `setup`).
  const startState = fresh(0);
  const afterTop = top.dead ? startState : top;
  const entries = new Map<string, { state: State; text: string; uncalled: boolean }>();
  const meetEntry = (name: string): { state: State; text: string; uncalled: boolean } => {
    const sites: CallSite[] = [];
    for (const from of callersOf.get(name) ?? []) for (const site of callStates.get(from)?.get(name) ?? []) sites.push(site);
    // In a library, another file may call any function, with any arguments, once it has sourced
    // this one: one more call site, after the top level, with no argument known.
    // (A function bash alone runs, through `complete -F`, keeps its three arguments.)
    const outside = input.library === true && sites.some((x) => x.how === 'call' || x.how === 'trap') && (funcs.get(name) ?? []).some((d) => d.own && !d.region.flag);
    if (outside || sites.some((x) => x.how === 'export')) {
      const state = clone(afterTop.dead ? startState : afterTop);
      state.argc = 0;
      sites.push({ state, line: 0, trap: true, how: 'outside' });
    }
    if (sites.length === 0) {
      let state = clone(afterTop);
      if (input.bats && !/^setup/.test(name) && name !== 'teardown_file') {
        // bats runs setup before each test, in its shell; setup_file once, in another process,
        // so only what it exports reaches the tests.
        for (const [n, at] of summaries.get('setup')?.gen ?? []) assign(state, n, at);
        const exported = new Set((funcs.get('setup_file') ?? []).flatMap((d) => [...eventsOf(d.region, (e) => (e.kind === 'declare' && e.flags.startsWith('export') ? e.name : null))]));
        for (const [n, at] of summaries.get('setup_file')?.gen ?? []) if (exported.has(n)) assign(state, n, at);
      }
      if (state.dead) state = fresh(0);
      return { state, text: `from the end of the file's top level (${name} is not called in this file)`, uncalled: true };
    }
    const text = describeSites(name, sites);
    const state = join(
      sites.map((x) => x.state),
      text,
    );
    return { state, text: `from ${text}`, uncalled: false };
  };
  // A function's entry is met again only when a walk changed the states at its call sites.
  // Callers go first, so that in a call graph without cycles one pass settles every entry; a
  // callee marked again after its turn waits for the next pass.
  const dirty = new Set([...candidates.keys()].filter((name) => needs(name, new Set())));
  const callersFirst = [...order].reverse();
  const calleesIn = (key: Region | 'top'): Iterable<string> => callStates.get(key)?.keys() ?? [];
  for (let pass = 0; pass < 20 && dirty.size > 0; pass++) {
    for (const name of callersFirst) {
      if (!dirty.delete(name)) continue;
      const defs = funcs.get(name) ?? [];
      const entry = meetEntry(name);
      if (sameState(entries.get(name)?.state, entry.state) && entries.get(name)?.text === entry.text) continue;
      entries.set(name, entry);
      entryText = entry.text;
      for (const def of defs) {
        for (const c of calleesIn(def.region)) if (needs(c, new Set())) dirty.add(c);
        callStates.delete(def.region);
        walkFunction(def, entry.state);
        for (const c of calleesIn(def.region)) if (needs(c, new Set())) dirty.add(c);
      }
    }
  }
  collecting = false;
  recording = false;
  shared?.keep();
  for (const map of recorded.values()) {
    for (const [read, st] of map) {
      const base = st.kind === 'unset' ? { kind: 'unset' as const, why: st.why(), ...(st.emptyArray ? { emptyArray: true as const } : {}) } : st.kind === 'set' ? { kind: 'set' as const, at: st.at } : { kind: 'unknown' as const, source: st.source };
      status.set(read, st.nounset === undefined ? base : { ...base, nounset: st.nounset });
    }
  }
  const uncalled: FuncDef[] = [];
  for (const [name, defs] of funcs) if (entries.get(name)?.uncalled) for (const def of defs) if (def.own) uncalled.push(def);
  // One note for them all (bats calls its tests and hooks itself).
  const first = uncalled.sort((a, b) => a.region.start - b.region.start)[0];
  if (first && !input.bats) {
    recording = true;
    current = new Map();
    const names = [...new Set(uncalled.map((d) => d.name))];
    const list = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are`;
    note({ start: first.region.start, end: first.region.end, code: 'function-not-called', message: `${list} not called in this file: reads in ${names.length === 1 ? 'it are' : 'them are'} checked as if ${names.length === 1 ? 'it' : 'they'} ran after the file's top level (as when another script sources this file)` });
  }
  return { status, notes, lineAt };
}

/** What bash sets while it runs a function `complete -F` registered, also when `compgen -F`
 * runs it (test/flow/cases/func-complete.sh). Not COMP_WORDS: compgen leaves it unset. */
const COMPLETION_VARIABLES = ['COMP_CWORD', 'COMP_LINE', 'COMP_POINT', 'COMP_TYPE', 'COMP_KEY'];

/** Where a name is known set by a test rather than assigned, the set map holds the test's offset
 * coded below -1 (-1 is "the shell sets it"); the same function decodes it. */
export const testedAt = (offset: number): number => -offset - 2;

/** A status while the walks run: mutable, and an unset one's reason still to be told. */
type RawStatus = (
  | { readonly kind: 'set'; readonly at: number }
  | { readonly kind: 'unset'; readonly why: () => string; readonly emptyArray?: true }
  | { readonly kind: 'unknown'; readonly source: number }
) & { nounset?: NounsetState };

const rank = (s: ReadStatus | RawStatus): number => (s.kind === 'unset' ? 0 : s.kind === 'unknown' ? 1 : 2);

function isPositional(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
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

/** What a function's body declares and does, in one walk of it (a nested function's body is its
 * own): the names it declares local (or declare/typeset without -g) and those it declares
 * namerefs, anywhere in it; and, outside its subshells, the names it unsets, the functions it
 * calls by name, and whether it runs a computed command name. */
const FUNCTION_FACTS = new WeakMap<Region, Pick<FuncDef, 'locals' | 'namerefs' | 'unsets' | 'calls' | 'computed' | 'reads'>>();

function functionFacts(fn: Region): Pick<FuncDef, 'locals' | 'namerefs' | 'unsets' | 'calls' | 'computed' | 'reads'> {
  let known = FUNCTION_FACTS.get(fn);
  if (!known) FUNCTION_FACTS.set(fn, (known = findFunctionFacts(fn)));
  return known;
}

function findFunctionFacts(fn: Region): Pick<FuncDef, 'locals' | 'namerefs' | 'unsets' | 'calls' | 'computed' | 'reads'> {
  const locals = new Set<string>();
  const namerefs = new Set<string>();
  const unsets = new Set<string>();
  const calls = new Set<string>();
  let computed = false;
  let reads = false;
  // Each region on the stack, with whether it lies inside a subshell of the body.
  const stack: Region[] = [fn];
  const sub: boolean[] = [false];
  for (let r = stack.pop(); r; r = stack.pop()) {
    const inSubshell = sub.pop() as boolean;
    for (const e of r.events) {
      if (e.kind === 'region') {
        if (e.shape !== 'function') {
          stack.push(e);
          sub.push(inSubshell || e.shape === 'subshell');
        }
      } else if (e.kind === 'declare') {
        if (isLocalDeclaration(e.flags)) locals.add(e.name).add(arrayKey(e.name));
        // `local -n ref`: an assignment to ref assigns the variable it names.
        if (/^\S+ .*n/.test(e.flags)) namerefs.add(e.name);
      } else if (inSubshell) continue;
      else if (e.kind === 'unset') unsets.add(e.name);
      else if (e.kind === 'source' || e.kind === 'opaque') reads = true;
      else if (e.kind === 'call') {
        if (e.name !== null) calls.add(e.name);
        else computed = true;
      }
    }
  }
  return { locals, namerefs, unsets, calls, computed, reads };
}

/** What registering a file needs of its model, found in one walk and kept with the model (a
 * library sourced by many scripts is modelled once, see sourced/source-loader.ts): every name it mentions,
 * its functions, writes, calls by name, what it unsets or makes local, the files it sources. */
interface FileDigest {
  readonly names: readonly string[];
  readonly functions: readonly Region[];
  readonly writes: readonly Write[];
  readonly calls: readonly Call[];
  readonly killed: readonly string[];
  readonly sources: readonly Source[];
  /** The file's functions as a run sees them (made once for each place the file has in a run). */
  defs(file: string, index: number, own: boolean): readonly FuncDef[];
  /** Indexes made on first use. */
  valuesByName(): ReadonlyMap<string, (Word | null | undefined)[]>;
  callsByName(): ReadonlyMap<string, Call[]>;
}

const DIGESTS = new WeakMap<Region, FileDigest>();

function digestOf(model: Region): FileDigest {
  const known = DIGESTS.get(model);
  if (known) return known;
  const names: string[] = [];
  const functions: Region[] = [];
  const writes: Write[] = [];
  const calls: Call[] = [];
  const killed: string[] = [];
  const sources: Source[] = [];
  const facts = (list: readonly Fact[] | null): void => {
    for (const f of list ?? []) if (f.kind === 'set') names.push(f.name);
  };
  const stack: Region[] = [model];
  for (let r = stack.pop(); r; r = stack.pop()) {
    facts(r.facts);
    facts(r.skipFacts);
    for (const e of r.events) {
      if (e.kind === 'read' || e.kind === 'write' || e.kind === 'unset' || e.kind === 'declare' || e.kind === 'set-test') names.push(e.name);
      if (e.kind === 'read' || e.kind === 'declare') names.push(arrayKey(e.name));
      if (e.kind === 'region') {
        if (e.shape === 'function' && e.name !== null) functions.push(e);
        stack.push(e);
      } else if (e.kind === 'source') sources.push(e);
      else if (e.kind === 'write') writes.push(e);
      else if (e.kind === 'call' && e.name !== null) calls.push(e);
      else if (e.kind === 'unset') killed.push(e.name);
      else if (e.kind === 'declare' && !e.valued && isLocalDeclaration(e.flags)) killed.push(e.name, arrayKey(e.name));
    }
  }
  const defsMemo = new Map<string, readonly FuncDef[]>();
  let values: Map<string, (Word | null | undefined)[]> | null = null;
  let byCallee: Map<string, Call[]> | null = null;
  const digest: FileDigest = {
    names: [...new Set(names)],
    functions,
    writes,
    calls,
    killed: [...new Set(killed)],
    sources,
    defs: (file, index, own) => {
      const key = `${index}\0${own}\0${file}`;
      let defs = defsMemo.get(key);
      if (!defs) defsMemo.set(key, (defs = functions.map((r) => ({ name: r.name as string, region: r, file, fileIndex: index, own, ...functionFacts(r) }))));
      return defs;
    },
    valuesByName: () => {
      if (values === null) {
        values = new Map();
        for (const e of writes) (values.get(e.name) ?? values.set(e.name, []).get(e.name))?.push(e.value);
      }
      return values;
    },
    callsByName: () => {
      if (byCallee === null) {
        byCallee = new Map();
        for (const e of calls) (byCallee.get(e.name as string) ?? byCallee.set(e.name as string, []).get(e.name as string))?.push(e);
      }
      return byCallee;
    },
  };
  DIGESTS.set(model, digest);
  return digest;
}

/** Several definitions of one name: only what all of them do. */
function mergeSummaries(parts: readonly Summary[]): Summary {
  const [first, ...rest] = parts as [Summary, ...Summary[]];
  const gen = new Map([...first.gen].filter(([n]) => rest.every((p) => p.gen.has(n))));
  const kill = new Set(parts.flatMap((p) => [...p.kill]));
  const opaque = parts.find((p) => p.opaque >= 0)?.opaque ?? -1;
  return { gen, kill, noReturn: parts.every((p) => p.noReturn), opaque };
}

function sameSummary(a: Summary | undefined, b: Summary): boolean {
  if (!a || a.noReturn !== b.noReturn || a.opaque !== b.opaque || a.gen.size !== b.gen.size || a.kill.size !== b.kill.size) return false;
  for (const n of a.gen.keys()) if (!b.gen.has(n)) return false;
  for (const n of a.kill) if (!b.kill.has(n)) return false;
  return true;
}


/** Function names ordered so that a function comes after the ones it calls, and whether that
 * cannot be done (a call cycle, or a computed call, whose callees are not known here). */
function calleesFirst<D>(funcs: ReadonlyMap<string, readonly D[]>, calls: (def: D) => Set<string>, computed: (def: D) => boolean): { order: string[]; cyclic: boolean } {
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

const INERT: Summary = { gen: new Map(), kill: new Set(), noReturn: false, opaque: -1 };

/** Forgets what earlier analyses shared (for tests that compare with a fresh analysis). */
export function forgetSharedAnalyses(): void {
  LIBRARIES.clear();
}

/** How many sets of libraries analyses have shared summaries of (for tests). */
export function sharedLibrarySets(): number {
  return LIBRARIES.size;
}

/** What analyses found of sets of libraries (see sharedSummaries), the most recent few. */
const LIBRARIES = new Map<string, { readonly paths: readonly (string | null)[]; readonly summaries: ReadonlyMap<string, Summary>; readonly walks: ReadonlySet<string>; readonly libNames: ReadonlySet<string> }>();

/** A number for each model, for the keys of LIBRARIES (models of sourced files are shared). */
const MODEL_IDS = new WeakMap<Region, number>();
let modelCount = 0;
function modelId(model: Region): number {
  let id = MODEL_IDS.get(model);
  if (id === undefined) MODEL_IDS.set(model, (id = ++modelCount));
  return id;
}

/** True when a function's summary is empty without walking it: outside subshells its body
 * assigns only its locals, and unsets, exits, sources, evals and calls no function of the file. */
function isInert(def: FuncDef, funcs: ReadonlyMap<string, readonly FuncDef[]>): boolean {
  const stack: Region[] = [def.region];
  for (let r = stack.pop(); r; r = stack.pop()) {
    for (const e of r.events) {
      switch (e.kind) {
        case 'region':
          if (e.shape !== 'function' && e.shape !== 'subshell') stack.push(e);
          break;
        case 'write':
          if (!def.locals.has(e.name)) return false;
          break;
        case 'jump':
          if (e.how === 'exit') return false;
          break;
        case 'call':
          if (e.name === null ? !e.trap : funcs.has(e.name)) return false;
          break;
        case 'unset':
        case 'source':
        case 'opaque':
          return false;
        default:
          break;
      }
    }
  }
  return true;
}
