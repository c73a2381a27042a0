// What the analysis needs of a model before any walk, found once per model and kept with it (a
// library sourced by many scripts is modelled once, see sourced/source-loader.ts): the names it
// mentions, its functions and what each body declares and does, its writes, calls and sources.

import { listTellsUnset } from '../empty-transforms.js';
import {
  arrayKey,
  type Call,
  type Event,
  type Fact,
  forEachEvent,
  isLocalDeclaration,
  isNamerefDeclaration,
  type Probe,
  type Region,
  type Source,
  type UnsetComputed,
  variableOf,
  type Write,
} from '../model.js';

/** A function as the analysis sees it: where it is, and what its body declares and does. */
export interface FuncDef {
  readonly name: string;
  readonly region: Region;
  readonly file: string;
  readonly fileIndex: number;
  /** Defined in the script itself (its reads are reported), not in a sourced file. */
  readonly own: boolean;
  /** Names declared local (or declare/typeset without -g) in its body, and namerefs. */
  readonly locals: Set<string>;
  readonly namerefs: Set<string>;
  /** The functions its body calls by name, and whether it runs a computed name (found once: the
   * summaries ask on every round), and those calls. */
  readonly calls: Set<string>;
  /** The functions its body calls by name anywhere, in subshells too (`x=$(f)`): whose entry
   * states its walks pass call sites to. */
  readonly callees: Set<string>;
  /** It runs a computed name anywhere, in subshells too. */
  readonly computesAnywhere: boolean;
  readonly computed: boolean;
  readonly computedCalls: readonly Call[];
  /** It sources a file or runs something nounset cannot see into (outside subshells): what it
   * does depends on more than its own text. */
  readonly reads: boolean;
  /** Where each local name is surely local: the first `local` of it the body runs whenever it
   * gets that far (one of the body's own commands, not in an if, a loop or a list). Before it,
   * the name is the caller's: `unset A; local A=1` unsets the caller's A. */
  readonly localFrom: ReadonlyMap<string, number>;
  /** Outside subshells, with their offsets: the unsets and the calls by name; and where the first
   * command runs that may unset what the body does not name (a sourced file, an eval, a computed
   * command name), Infinity when none does. */
  readonly unsetsAt: readonly (readonly [string, number])[];
  /** Outside subshells, an `unset` of a computed name (`unset "$1"`): what it unsets is the
   * program's to say (unset-names.ts), so no summary of it is shared or skipped. */
  readonly unsetsComputed: boolean;
  readonly callsAt: readonly (readonly [string, number])[];
  readonly unknownFrom: number;
}

/** The part of a FuncDef its body alone decides. */
type FunctionFacts = Pick<
  FuncDef,
  | 'locals'
  | 'namerefs'
  | 'calls'
  | 'callees'
  | 'computesAnywhere'
  | 'computed'
  | 'computedCalls'
  | 'reads'
  | 'localFrom'
  | 'unsetsAt'
  | 'unsetsComputed'
  | 'callsAt'
  | 'unknownFrom'
>;

/** What a function's body declares and does, in one walk of it (a nested function's body is its
 * own): the names it declares local (or declare/typeset without -g) and those it declares
 * namerefs, anywhere in it; and, outside its subshells, the names it unsets, the functions it
 * calls by name, and whether it runs a computed command name. */
const FUNCTION_FACTS = new WeakMap<Region, FunctionFacts>();

function functionFacts(fn: Region): FunctionFacts {
  let known = FUNCTION_FACTS.get(fn);
  if (!known) FUNCTION_FACTS.set(fn, (known = findFunctionFacts(fn)));
  return known;
}

function findFunctionFacts(fn: Region): FunctionFacts {
  const locals = new Set<string>();
  const namerefs = new Set<string>();
  const calls = new Set<string>();
  const callees = new Set<string>();
  const computedCalls: Call[] = [];
  const localFrom = new Map<string, number>();
  const unsetsAt: [string, number][] = [];
  const callsAt: [string, number][] = [];
  let unknownFrom = Number.POSITIVE_INFINITY;
  let reads = false;
  let computesAnywhere = false;
  let unsetsComputed = false;
  for (const e of fn.events)
    if (e.kind === 'declare' && isLocalDeclaration(e.flags) && !localFrom.has(e.name))
      localFrom.set(e.name, e.start).set(arrayKey(e.name), e.start);
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
        if (isNamerefDeclaration(e.flags)) namerefs.add(e.name);
      } else if (inSubshell) {
        if (e.kind === 'call') {
          if (e.name !== null) callees.add(e.name);
          else computesAnywhere = true;
        }
      } else if (e.kind === 'unset') unsetsAt.push([e.name, e.start]);
      else if (e.kind === 'unset-computed') unsetsComputed = true;
      else if (e.kind === 'source' || e.kind === 'opaque') {
        reads = true;
        unknownFrom = Math.min(unknownFrom, e.start);
      } else if (e.kind === 'call') {
        if (e.name !== null) {
          calls.add(e.name);
          callees.add(e.name);
          callsAt.push([e.name, e.start]);
        } else {
          computedCalls.push(e);
          unknownFrom = Math.min(unknownFrom, e.start);
        }
      }
    }
  }
  return {
    locals,
    namerefs,
    calls,
    callees,
    computesAnywhere: computesAnywhere || computedCalls.length > 0,
    computed: computedCalls.length > 0,
    computedCalls,
    reads,
    localFrom,
    unsetsAt,
    unsetsComputed,
    callsAt,
    unknownFrom,
  };
}

/** What registering a file needs of its model, found in one walk and kept with the model (a
 * library sourced by many scripts is modelled once, see sourced/source-loader.ts): every name it mentions,
 * its functions, writes, calls by name, what it unsets or makes local, the files it sources. */
export interface FileDigest {
  readonly names: readonly string[];
  readonly functions: readonly Region[];
  readonly writes: readonly Write[];
  readonly calls: readonly Call[];
  readonly killed: readonly string[];
  /** The names a function body declares local, with a value or without: gone once it returns. */
  readonly locals: readonly string[];
  /** The names `unset` names (and the arrays of the elements it names). */
  readonly unset: readonly string[];
  /** Whether it runs a computed command name anywhere (`"$cmd"`, `"$@"`). */
  readonly computes: boolean;
  /** Its `unset`s of computed names, each with the function it is in (null: the top level). */
  readonly unsetsComputed: readonly { readonly e: UnsetComputed; readonly fn: string | null }[];
  /** Its `unset -f NAME`s: the name and where (call sites past it may find no function). */
  readonly functionUnsets: readonly { readonly name: string; readonly at: number }[];
  /** The names it tests for set or unset (`${X+x}`, `[[ -v X ]]`). */
  readonly setTested: readonly string[];
  /** The names its top level (outside its functions) declares as `local`, or with `declare` or
   * `typeset` without -g: locals of a function that sources the file. */
  readonly topDeclares: readonly string[];
  readonly sources: readonly Source[];
  /** The file's functions as a run sees them (made once for each place the file has in a run). */
  defs(file: string, index: number, own: boolean): readonly FuncDef[];
  /** Indexes made on first use. */
  writesByName(): ReadonlyMap<string, Write[]>;
  callsByName(): ReadonlyMap<string, Call[]>;
}

/** Adds the names an event (not a region's events) mentions: a read's array and element too. */
function addNames(e: Event, names: Set<string>): void {
  if (e.kind === 'read' || e.kind === 'write' || e.kind === 'unset' || e.kind === 'declare' || e.kind === 'set-test')
    names.add(e.name);
  if (e.kind === 'read' || e.kind === 'declare') names.add(arrayKey(e.name));
  if (e.kind === 'read' && e.element !== null) names.add(e.element);
}

/** Adds the names a test that starts or skips a region shows set. */
function addFactNames(r: Region, names: Set<string>): void {
  // A chained link's other facts are those of the link before it (Region.added).
  for (const list of [r.added ?? r.facts, r.skipFacts])
    for (const f of list ?? []) if (f.kind === 'set') names.add(f.name);
}

/** The names an `eval`'s code (a probe) mentions: it does nothing else the program sees, but the
 * walk asks the status of each of its names, which needs a number (state.ts NameTable). */
function probeNames(probe: Probe, names: Set<string>): void {
  forEachEvent(probe.region, (e) => {
    addNames(e, names);
    if (e.kind === 'region') addFactNames(e, names);
  });
}

const DIGESTS = new WeakMap<Region, FileDigest>();

export function digestOf(model: Region): FileDigest {
  const known = DIGESTS.get(model);
  if (known) return known;
  const names = new Set<string>();
  const functions: Region[] = [];
  const writes: Write[] = [];
  const calls: Call[] = [];
  const killed: string[] = [];
  const locals = new Set<string>();
  const unset = new Set<string>();
  const setTested = new Set<string>();
  const topDeclares = new Set<string>();
  const sources: Source[] = [];
  const unsetsComputed: { e: UnsetComputed; fn: string | null }[] = [];
  const functionUnsets: { name: string; at: number }[] = [];
  let computes = false;
  const stack: Region[] = [model];
  // The function body each region on the stack lies in (null: none).
  const inFunction: (string | null)[] = [null];
  for (let r = stack.pop(); r; r = stack.pop()) {
    const fn = inFunction.pop() as string | null;
    addFactNames(r, names);
    for (const e of r.events) {
      addNames(e, names);
      if (e.kind === 'region') {
        if (e.shape === 'function' && e.name !== null) functions.push(e);
        stack.push(e);
        inFunction.push(e.shape === 'function' ? (e.name ?? '') : fn);
      } else if (e.kind === 'probe') probeNames(e, names);
      else if (e.kind === 'source') sources.push(e);
      else if (e.kind === 'unset-computed') unsetsComputed.push({ e, fn });
      else if (e.kind === 'unset-function') functionUnsets.push({ name: e.name, at: e.start });
      else if (e.kind === 'declare' && isLocalDeclaration(e.flags) && fn === null)
        topDeclares.add(e.name).add(arrayKey(e.name));
      else if (e.kind === 'write') writes.push(e);
      else if (e.kind === 'call' && e.name !== null) calls.push(e);
      else if (e.kind === 'call') computes = true;
      else if (e.kind === 'set-test') setTested.add(e.name);
      // A whole-array expansion that gives no word for an unset name, one for the block's empty
      // value (plan.ts, listedWhereUnset).
      else if (e.kind === 'read' && listTellsUnset(e)) setTested.add(e.name);
      else if (e.kind === 'unset') {
        killed.push(e.name);
        unset.add(e.name).add(variableOf(e.name));
      } else if (e.kind === 'declare' && isLocalDeclaration(e.flags)) {
        locals.add(e.name).add(arrayKey(e.name));
        if (!e.valued) killed.push(e.name, arrayKey(e.name));
      }
    }
  }
  const defsMemo = new Map<string, readonly FuncDef[]>();
  let writesNamed: Map<string, Write[]> | null = null;
  let byCallee: Map<string, Call[]> | null = null;
  const digest: FileDigest = {
    names: [...names],
    functions,
    writes,
    calls,
    killed: [...new Set(killed)],
    locals: [...locals],
    unset: [...unset],
    computes,
    unsetsComputed,
    functionUnsets,
    setTested: [...setTested],
    topDeclares: [...topDeclares],
    sources,
    defs: (file, index, own) => {
      const key = `${index}\0${own}\0${file}`;
      let defs = defsMemo.get(key);
      if (!defs)
        defsMemo.set(
          key,
          (defs = functions.map((r) => ({
            name: r.name as string,
            region: r,
            file,
            fileIndex: index,
            own,
            ...functionFacts(r),
          }))),
        );
      return defs;
    },
    writesByName: () => {
      if (writesNamed === null) {
        writesNamed = new Map();
        for (const e of writes) (writesNamed.get(e.name) ?? writesNamed.set(e.name, []).get(e.name))?.push(e);
      }
      return writesNamed;
    },
    callsByName: () => {
      if (byCallee === null) {
        byCallee = new Map();
        for (const e of calls)
          (byCallee.get(e.name as string) ?? byCallee.set(e.name as string, []).get(e.name as string))?.push(e);
      }
      return byCallee;
    },
  };
  DIGESTS.set(model, digest);
  return digest;
}

/** A number for each model, for keys of what analyses share (models of sourced files are shared). */
const MODEL_IDS = new WeakMap<Region, number>();
let modelCount = 0;
export function modelId(model: Region): number {
  let id = MODEL_IDS.get(model);
  if (id === undefined) MODEL_IDS.set(model, (id = ++modelCount));
  return id;
}
