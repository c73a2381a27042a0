// The program the analysis walks: the script and every file it sources (registered before any walk,
// each with a number for positions, see positions.ts), their functions, and what the reasons and
// computed calls ask of them (where each name is assigned, which names anything unsets).

import { anyElement, elementParts, listedKeys } from '../elements.js';
import { arrayKey, type Call, type Region, type Source, type Write } from '../model.js';
import { digestOf, type FileDigest, type FuncDef, modelId } from './digest.js';
import { type FlowPos, fileOfPos, offsetOfPos } from './positions.js';
import { type NameBase, NameTable } from './state.js';
import type { FlowInput, LoadedFile, SourceOutcome } from './types.js';
import { unsetNames } from './unset-names.js';

export interface Program {
  /** Every name the files mention, numbered: the bit of each in a State. */
  readonly table: NameTable;
  /** Functions by name (a name may be defined more than once, in one file or several). */
  readonly funcs: ReadonlyMap<string, readonly FuncDef[]>;
  /** The names of the functions the script itself defines. */
  readonly ownFunctions: ReadonlySet<string>;
  /** The paths of the files by number (0 is the script). */
  readonly paths: readonly string[];
  /** The models of the sourced files registered (see shared-libraries.ts). */
  readonly libraryModels: readonly Region[];
  /** Offsets of each assignment of a name in the script itself, for "assigned later" reasons. */
  readonly writesOf: ReadonlyMap<string, readonly number[]>;
  /** Names unset (or made local without a value) anywhere: a trap handler may find them unset. */
  readonly killedAnywhere: ReadonlySet<string>;
  /** Names a function declares local anywhere (with a value too): a trap set inside a function
   * may run after it has returned, where they are gone. */
  readonly localAnywhere: ReadonlySet<string>;
  /** Names `unset` names anywhere, and the arrays of the elements it names: all a function can
   * unset of its caller's (a `local` of its own is gone when it returns). */
  readonly unsetAnywhere: ReadonlySet<string>;
  /** Names the sourced files (not the script) test for set or unset. */
  readonly setTestedInSources: ReadonlySet<string>;
  /** The `unset -f` of each function name, by file number and offset. */
  readonly functionUnsets: ReadonlyMap<string, readonly { readonly file: number; readonly at: number }[]>;
  /** The elements (elements.ts) a change of a name unsets: those whose key reads a variable
   * assigned or unset, and every element of an array unset whole (`NAME[@]`) or at an unknown key
   * (`NAME[?]`). Null when the files name no element. */
  readonly dependents: ReadonlyMap<string, readonly string[]> | null;
  /** The elements an `unset` of an element may unset too: its key may be another's (`unset
   * 'map[$k]'` with k=a unsets map[a]). Null when the files name no element. */
  readonly aliases: ReadonlyMap<string, readonly string[]> | null;
  /** The file `source` at `e` in `from` reads, resolved once. */
  load(e: Source, from: string): SourceOutcome;
  /** The number of a loaded file (a new one for a file not registered). */
  fileIndex(file: LoadedFile): number;
  /** The line of an offset in the file numbered `file`. */
  lineIn(file: number, offset: number): number;
  /** "line N", or "line N of lib.sh" for a position in a sourced file. */
  lineAt(pos: FlowPos): string;
  /** Whether some file runs a computed command name (`"$cmd"`, `"$@"`). */
  readonly computes: boolean;
  /** The writes of a name, in every file (each with the word it assigns, if a plain assignment). */
  writesNamed(name: string): readonly Write[];
  /** The calls of a function by name, in every file. */
  callsOf(name: string): readonly Call[];
}

/** Registers the script and, depth first, every file it sources that can be loaded. */
export function registerProgram(input: FlowInput): Program {
  const paths: string[] = [input.path];
  const lineOfs: ((offset: number) => number)[] = [input.lineOf];
  const ownFuncs = new Map<string, FuncDef[]>();
  const libraries: LibraryFile[] = [];
  const loaded = new Map<string, SourceOutcome>();
  const writesOf = new Map<string, number[]>();
  const digests: FileDigest[] = [];
  const killedAnywhere = new Set<string>();
  const localAnywhere = new Set<string>();
  const unsetAnywhere = new Set<string>();
  const setTestedInSources = new Set<string>();
  const functionUnsets = new Map<string, { file: number; at: number }[]>();
  const registered = new Set<string>([input.path]);
  const libraryModels: Region[] = [];
  const fileIndex = (file: LoadedFile): number => {
    let i = paths.indexOf(file.path);
    if (i === -1) {
      i = paths.length;
      paths.push(file.path);
      lineOfs.push(file.lineOf);
    }
    return i;
  };
  const load = (e: Source, from: string): SourceOutcome => {
    const key = `${from}\0${e.start}`;
    let outcome = loaded.get(key);
    if (!outcome) {
      outcome = input.loadSource(e, from);
      loaded.set(key, outcome);
    }
    return outcome;
  };
  /** Takes in one file; returns what it sources. */
  const registerFile = (model: Region, file: string, own: boolean, index: number): readonly Source[] => {
    const d = digestOf(model);
    if (own) {
      addDefs(ownFuncs, d.defs(file, index, own));
    } else libraries.push({ model, digest: d, file, index });
    digests.push(d);
    if (own) {
      for (const e of d.writes) {
        const list = writesOf.get(e.name);
        if (list) list.push(e.start);
        else writesOf.set(e.name, [e.start]);
      }
    }
    for (const n of d.killed) killedAnywhere.add(n);
    for (const n of d.locals) localAnywhere.add(n);
    for (const n of d.unset) unsetAnywhere.add(n);
    if (!own) for (const n of d.setTested) setTestedInSources.add(n);
    for (const u of d.functionUnsets)
      (functionUnsets.get(u.name) ?? functionUnsets.set(u.name, []).get(u.name))?.push({ file: index, at: u.at });
    return d.sources;
  };
  // The files it sources, depth first in the order they come (the libraries are numbered so), with
  // a stack of its own: a chain of 8,000 files overflowed the stack as a recursion.
  const stack: { readonly file: string; readonly sources: readonly Source[]; next: number }[] = [
    { file: input.path, sources: registerFile(input.model, input.path, true, 0), next: 0 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const e = top.sources[top.next++];
    if (e === undefined) {
      stack.pop();
      continue;
    }
    const outcome = load(e, top.file);
    if (outcome.kind === 'file' && !registered.has(outcome.file.path)) {
      registered.add(outcome.file.path);
      libraryModels.push(outcome.file.model);
      const index = fileIndex(outcome.file);
      stack.push({
        file: outcome.file.path,
        sources: registerFile(outcome.file.model, outcome.file.path, false, index),
        next: 0,
      });
    }
  }
  // The libraries' names first, numbered once for every script that sources the same files; their
  // functions after the script's, gathered once too.
  const base = libraries.length > 0 ? libraryBase(libraries) : null;
  const table = new NameTable(base?.names ?? null);
  const funcs: ReadonlyMap<string, readonly FuncDef[]> = base ? new LayeredMap(ownFuncs, base.funcs) : ownFuncs;
  for (const n of (digests[0] as FileDigest).names) table.id(n);
  const dependents = elementDependents(table.names);
  const aliases = dependents === null ? null : elementAliases(table.names);
  const lineIn = (file: number, offset: number): number => (lineOfs[file] ?? input.lineOf)(offset);
  const program: Program = {
    table,
    funcs,
    ownFunctions: new Set(ownFuncs.keys()),
    paths,
    libraryModels,
    writesOf,
    killedAnywhere,
    localAnywhere,
    unsetAnywhere,
    setTestedInSources,
    functionUnsets,
    dependents,
    aliases,
    load,
    fileIndex,
    lineIn,
    lineAt: (pos) => {
      const file = fileOfPos(pos);
      const line = lineIn(file, offsetOfPos(pos));
      return file === 0 ? `line ${line}` : `line ${line} of ${paths[file] ?? '?'}`;
    },
    computes: digests.some((d) => d.computes),
    // Asked on every visit of a computed call (or unset): gathered once per name (the digests are
    // final here).
    writesNamed: acrossFiles(digests, (d) => d.writesByName()),
    callsOf: acrossFiles(digests, (d) => d.callsByName()),
  };
  // What `unset "$v"` may unset is known once every file is: anything may find it unset too.
  for (const d of digests)
    for (const { e, fn } of d.unsetsComputed)
      for (const n of unsetNames(program, e, fn)) {
        killedAnywhere.add(n).add(arrayKey(n));
        unsetAnywhere.add(n);
      }
  return program;
}

/** Program.dependents, from every name the files mention. */
function elementDependents(names: readonly string[]): Map<string, string[]> | null {
  let out: Map<string, string[]> | null = null;
  const add = (from: string, element: string): void => {
    out ??= new Map();
    const list = out.get(from);
    if (list) list.push(element);
    else out.set(from, [element]);
  };
  for (const n of names) {
    const parts = elementParts(n);
    if (parts === null || parts.unknown) continue;
    for (const v of new Set(parts.keyReads)) add(v, n);
    add(arrayKey(parts.array), n);
    add(anyElement(parts.array), n);
  }
  return out;
}

/** Program.aliases: a key that reads a variable may be any key of its array; a literal key may be
 * one that reads a variable; and any unset may take a key a loop over the keys listed (listedKeys). */
function elementAliases(names: readonly string[]): Map<string, string[]> {
  const byArray = new Map<string, { name: string; literal: boolean }[]>();
  for (const n of names) {
    const parts = elementParts(n);
    if (parts === null || parts.unknown) continue;
    const list = byArray.get(parts.array) ?? byArray.set(parts.array, []).get(parts.array);
    list?.push({ name: n, literal: parts.keyReads.length === 0 });
  }
  const out = new Map<string, string[]>();
  for (const [array, list] of byArray) {
    const listed = listedKeys(array);
    // A literal key's list is the same for each (the keys that read a variable, and the listed
    // one): found once and shared, where every pair was compared (16,000 literal keys: 1.3 s).
    const forLiteral = list.filter((o) => !o.literal || o.name === listed).map((o) => o.name);
    const all = list.map((o) => o.name);
    for (const e of list) {
      const from = e.literal ? forLiteral : all;
      const others = e.literal && e.name !== listed ? from : from.filter((n) => n !== e.name);
      if (others.length > 0) out.set(e.name, others);
    }
  }
  return out;
}

/** A by-name lookup over every file's digest, each name's list put together on first use. */
function acrossFiles<T>(
  digests: readonly FileDigest[],
  byName: (d: FileDigest) => ReadonlyMap<string, T[]>,
): (name: string) => readonly T[] {
  const lists = new Map<string, T[]>();
  return (name) => {
    let list = lists.get(name);
    if (list === undefined) lists.set(name, (list = digests.flatMap((d) => byName(d).get(name) ?? [])));
    return list;
  };
}

/** Adds each definition to the list of its name. */
function addDefs(funcs: Map<string, FuncDef[]>, defs: readonly FuncDef[]): void {
  for (const def of defs) {
    const list = funcs.get(def.name);
    if (list) list.push(def);
    else funcs.set(def.name, [def]);
  }
}

/** A sourced file as registered: its model and digest, path and number. */
interface LibraryFile {
  readonly model: Region;
  readonly digest: FileDigest;
  readonly file: string;
  readonly index: number;
}

/** What the sourced files of a run give every script that sources them: their names, numbered,
 * and their functions in order. */
interface LibraryBase {
  readonly names: NameBase;
  readonly funcs: ReadonlyMap<string, readonly FuncDef[]>;
}

/** Kept for the last few sets of files (a run's scripts mostly source the same ones): each script
 * registered a library's thousands of names and hundreds of functions again. */
const BASES = new Map<string, LibraryBase>();
const BASES_MAX = 8;

function libraryBase(libraries: readonly LibraryFile[]): LibraryBase {
  const key = libraries.map(({ model, file, index }) => `${modelId(model)}\0${index}\0${file}`).join('\0\0');
  let base = BASES.get(key);
  if (base === undefined) {
    const table = new NameTable();
    const funcs = new Map<string, FuncDef[]>();
    for (const { digest, file, index } of libraries) {
      for (const n of digest.names) table.id(n);
      addDefs(funcs, digest.defs(file, index, false));
    }
    base = { names: { ids: new Map(table.names.map((n, i) => [n, i])), names: table.names }, funcs };
    if (BASES.size >= BASES_MAX) BASES.delete(BASES.keys().next().value as string);
  } else BASES.delete(key);
  BASES.set(key, base);
  return base;
}

/** The script's functions, then the libraries' (shared, read-only): a name both define has the
 * script's definitions first, as registering them in that order gave. */
class LayeredMap<V> implements ReadonlyMap<string, readonly V[]> {
  private readonly merged = new Map<string, readonly V[]>();
  constructor(
    private readonly own: ReadonlyMap<string, readonly V[]>,
    private readonly base: ReadonlyMap<string, readonly V[]>,
  ) {}
  get size(): number {
    let n = this.base.size;
    for (const k of this.own.keys()) if (!this.base.has(k)) n++;
    return n;
  }
  get(key: string): readonly V[] | undefined {
    const mine = this.own.get(key);
    if (mine === undefined) return this.base.get(key);
    const theirs = this.base.get(key);
    if (theirs === undefined) return mine;
    let both = this.merged.get(key);
    if (both === undefined) this.merged.set(key, (both = [...mine, ...theirs]));
    return both;
  }
  has(key: string): boolean {
    return this.own.has(key) || this.base.has(key);
  }
  *keys(): MapIterator<string> {
    yield* this.own.keys();
    for (const k of this.base.keys()) if (!this.own.has(k)) yield k;
  }
  *values(): MapIterator<readonly V[]> {
    for (const k of this.keys()) yield this.get(k) as readonly V[];
  }
  *entries(): MapIterator<[string, readonly V[]]> {
    for (const k of this.keys()) yield [k, this.get(k) as readonly V[]];
  }
  [Symbol.iterator](): MapIterator<[string, readonly V[]]> {
    return this.entries();
  }
  forEach(fn: (value: readonly V[], key: string, map: ReadonlyMap<string, readonly V[]>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
