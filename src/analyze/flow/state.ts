// The state the flow analysis carries along one path: for each of the script's variable names
// (numbered once per analysis), whether it is set, killed, unknown, and one slot saying how. Names
// go in chunks of 30, one chunk a small array of V8 small integers: a word of each kind of bit,
// then the 30 slots. States share chunks and copy one only when they write it; a branch shares even
// the array of chunk references until it writes, and a join of paths that did not touch a chunk
// keeps it as it is.
// A script of 2,000 names (rkhunter) copied its whole slot array at every branch that assigned
// anything, 400 MB per analysis; maps of names before that tripled the analysis time. Why a name
// may be unset is a story kept once per analysis; a state holds its number in the name's slot.

import { type FlowPos, SET_BY_SHELL, type SetAt } from './positions.js';

/** Names per chunk: a word of bits stays a V8 small integer. */
const BITS = 30;
const FULL = (1 << BITS) - 1;
// A chunk: set (assigned on every path), killed (unset or made local since, even a name the shell
// sets or a file not followed may set), unknown (may have been assigned by a file nounset did not
// follow), told (the slot holds a story), the owner, then one slot per name: for a set name how it
// was set (a SetAt), for an unknown one the FlowPos of the file that may set it, for an unset one
// the number of its story (0: none).
const SET = 0;
const KILLED = 1;
const UNK = 2;
const TOLD = 3;
/** The id of the one state that may write the chunk in place; 0: shared, copied on write. */
const OWNER = 4;
/** The last join that met the chunk on a path, and that path's `opaque` (see collectDistinct). */
const STAMP = 5;
const MET_BY = 6;
const SLOT = 7;

type Chunk = number[];

/** unset < unknown < set */
export type Status = 0 | 1 | 2;

/** Why a name may be unset: the words, or how to tell them when a reason needs them. */
export type Why = string | (() => string);

/** One story for many names, told for each by its name: what a call may unset (walk-call.ts), one
 * story per call however many names it unsets (ltmain.sh: 1,400 names at each of 1,400 calls). */
export interface CallStory {
  readonly of: (name: string) => string;
}

export interface State {
  dead: boolean;
  /** Chunk c holds names c*30 … c*30+29; shared with other states until written. */
  chunks: Chunk[];
  /** This state's id, the owner of the chunks it may write in place (a new one when it is cloned). */
  id: number;
  /** Whether `chunks` itself is this state's alone. A clone shares the array until one of the two
   * writes a name: most clones (a call site's entry, a branch that assigns nothing) never do. */
  ownTop: boolean;
  /** ≥ 0: every name not set or killed may have been assigned by the file sourced at this FlowPos. */
  opaque: number;
  /** At least this many positional parameters. */
  argc: number;
}

/** The names of a set of files, numbered once and shared, read-only, by every table built on it. */
export interface NameBase {
  readonly ids: ReadonlyMap<string, number>;
  readonly names: readonly string[];
}

/** The script's names, numbered; on a base (the libraries it sources), after the base's. */
export class NameTable {
  private readonly ids = new Map<string, number>();
  private readonly base: ReadonlyMap<string, number> | null;
  readonly names: string[];
  constructor(base: NameBase | null = null) {
    this.base = base?.ids ?? null;
    this.names = base ? base.names.slice() : [];
  }
  id(name: string): number {
    let i = this.ids.get(name) ?? this.base?.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }
  /** Whether some file mentions the name (it has a number). */
  has(name: string): boolean {
    return this.ids.has(name) || (this.base?.has(name) ?? false);
  }
}

/** State operations over one table; `initial` are the names the shell sets before the script. */
export function stateOps(table: NameTable, initial: (name: string) => boolean) {
  // A name met after the table was sized (none should be) reads as unset and is never stored.
  const n = table.names.length;
  const count = Math.ceil(n / BITS);
  const spare = n % BITS === 0 ? FULL : (1 << (n % BITS)) - 1;
  const mask = (c: number): number => (c === count - 1 ? spare : FULL);
  let ids = 0;

  const has = (s: State, part: number, i: number): boolean =>
    i < n && (((s.chunks[(i / BITS) | 0] as Chunk)[part] as number) & (1 << (i % BITS))) !== 0;
  /** Chunk c of s, copied first unless s owns it (then s owns its array of chunks too: a chunk's
   * owner id is given only to a state that owns the array, and a state that shares its array takes
   * a new id). */
  const writable = (s: State, c: number): Chunk => {
    const k = s.chunks[c] as Chunk;
    if (k[OWNER] === s.id) return k;
    if (!s.ownTop) {
      s.chunks = s.chunks.slice();
      s.ownTop = true;
    }
    const copy = k.slice();
    copy[OWNER] = s.id;
    s.chunks[c] = copy;
    return copy;
  };

  const initialChunks: Chunk[] = [];
  for (let c = 0; c < count; c++) initialChunks.push(new Array<number>(SLOT + BITS).fill(0));
  table.names.forEach((name, i) => {
    if (!initial(name)) return;
    const k = initialChunks[(i / BITS) | 0] as Chunk;
    k[SET] = (k[SET] as number) | (1 << (i % BITS));
    k[SLOT + (i % BITS)] = SET_BY_SHELL;
  });

  const fresh = (argc: number): State => ({
    dead: false,
    chunks: initialChunks,
    id: ++ids,
    ownTop: false,
    opaque: -1,
    argc,
  });
  /** Makes s share its array of chunks: whichever state writes a name first copies it. */
  const share = (s: State): void => {
    s.id = ++ids;
    s.ownTop = false;
  };
  const clone = (s: State): State => {
    share(s);
    return {
      dead: s.dead,
      chunks: s.chunks,
      id: ++ids,
      ownTop: false,
      opaque: s.opaque,
      argc: s.argc,
    };
  };
  /** Makes `s` the state `by`, a state just made (by join or clone) that the caller drops. */
  const replace = (s: State, by: State): void => {
    s.dead = by.dead;
    s.chunks = by.chunks;
    s.id = by.id;
    s.ownTop = by.ownTop;
    s.opaque = by.opaque;
    s.argc = by.argc;
    by.chunks = [];
    by.dead = true;
  };
  const deadState = (): State => {
    const s = fresh(0);
    s.dead = true;
    return s;
  };
  // Story 0 is "none". A story is told in words only when a reason asks for it: most never are.
  const stories: (Why | CallStory)[] = [''];
  /** For each story, 1 when it is a CallStory, else 0. */
  const byCall: number[] = [0];
  const tell = (text: Why): number => {
    byCall.push(0);
    return stories.push(text) - 1;
  };
  const tellCall = (story: CallStory): number => {
    byCall.push(1);
    return stories.push(story) - 1;
  };
  /** A CallStory's words for name i, once each. */
  const callWords = new Map<number, string>();
  /** Story k's words for name i. */
  const wordsOf = (k: number, i: number): string => {
    const w = stories[k] as Why | CallStory;
    if (typeof w === 'string') return w;
    if (typeof w === 'function') {
      const text = w();
      stories[k] = text;
      return text;
    }
    const key = k * (n + 1) + i;
    let text = callWords.get(key);
    if (text === undefined) callWords.set(key, (text = w.of(table.names[i] as string)));
    return text;
  };
  const slotOf = (s: State, i: number): number => (s.chunks[(i / BITS) | 0] as Chunk)[SLOT + (i % BITS)] as number;
  /** Why name i may be unset in s (it is: the caller checked), or null. */
  const whyOf = (s: State, i: number): string | null => (i >= n ? null : wordsOf(slotOf(s, i), i) || null);

  const statusOf = (s: State, i: number): Status => {
    if (has(s, SET, i)) return 2;
    if (has(s, KILLED, i)) return 0;
    if (has(s, UNK, i) || s.opaque >= 0) return 1;
    return 0;
  };
  /** How a set name was set. */
  const setAtOf = (s: State, i: number): SetAt => (i < n ? slotOf(s, i) : -1) as SetAt;
  /** Where an unknown name may have been set: the file not followed (or eval) that may set it. */
  const unknownSourceOf = (s: State, i: number): FlowPos => (has(s, UNK, i) ? slotOf(s, i) : s.opaque) as FlowPos;

  /** Writes name i of s: its bits (each part on or off) and its slot. */
  const put = (s: State, i: number, set: boolean, killed: boolean, unk: boolean, told: boolean, slot: number) => {
    if (i >= n) return;
    const c = (i / BITS) | 0;
    const bit = 1 << (i % BITS);
    const k0 = s.chunks[c] as Chunk;
    const want = (part: number, on: boolean): boolean => (((k0[part] as number) & bit) !== 0) === on;
    if (want(SET, set) && want(KILLED, killed) && want(UNK, unk) && want(TOLD, told) && k0[SLOT + (i % BITS)] === slot)
      return;
    const k = writable(s, c);
    k[SET] = set ? (k[SET] as number) | bit : (k[SET] as number) & ~bit;
    k[KILLED] = killed ? (k[KILLED] as number) | bit : (k[KILLED] as number) & ~bit;
    k[UNK] = unk ? (k[UNK] as number) | bit : (k[UNK] as number) & ~bit;
    k[TOLD] = told ? (k[TOLD] as number) | bit : (k[TOLD] as number) & ~bit;
    k[SLOT + (i % BITS)] = slot;
  };
  const assign = (s: State, i: number, at: SetAt): void => put(s, i, true, false, false, false, at);
  /** kill with a story told before (`tell`): a call applied again tells nothing new. */
  const killTold = (s: State, i: number, story: number): void => {
    if (i < n) put(s, i, false, true, false, true, story);
  };
  /** killTold for a call's kill (a story tellCall gave), unless an earlier call's kill left the
   * name unset on this path: that story stands. */
  const killAgain = (s: State, i: number, story: number): void => {
    if (i < n) killBits(s, (i / BITS) | 0, 1 << (i % BITS), story);
  };
  /** killAgain of the names \`want\` of chunk c. */
  const killBits = (s: State, c: number, want: number, story: number): void => {
    const k0 = s.chunks[c] as Chunk;
    // An earlier call's kill stands.
    let told = want & ~((k0[SET] as number) | (k0[UNK] as number)) & (k0[KILLED] as number) & (k0[TOLD] as number);
    while (told !== 0) {
      const b = 31 - Math.clz32(told & -told);
      told &= told - 1;
      if (byCall[k0[SLOT + b] as number] === 1) want &= ~(1 << b);
    }
    if (want === 0) return;
    const k = writable(s, c);
    k[SET] = (k[SET] as number) & ~want;
    k[KILLED] = (k[KILLED] as number) | want;
    k[UNK] = (k[UNK] as number) & ~want;
    k[TOLD] = (k[TOLD] as number) | want;
    for (let w = want; w !== 0; w &= w - 1) k[SLOT + (31 - Math.clz32(w & -w))] = story;
  };
  /** The names \`ids\` as killEach takes them: chunk, then the bits of its names, for each chunk. */
  const masksOf = (ids: readonly number[]): number[] => {
    const byChunk = new Map<number, number>();
    for (const i of ids) if (i < n) byChunk.set((i / BITS) | 0, (byChunk.get((i / BITS) | 0) ?? 0) | (1 << (i % BITS)));
    return [...byChunk].sort((a, b) => a[0] - b[0]).flat();
  };
  /** killAgain of each name of \`masks\` (masksOf), a chunk at a time. */
  const killEach = (s: State, masks: readonly number[], story: number): void => {
    for (let m = 0; m < masks.length; m += 2) killBits(s, masks[m] as number, masks[m + 1] as number, story);
  };
  const kill = (s: State, i: number, text: Why): void => {
    if (i < n) killTold(s, i, tell(text));
  };
  /** Whatever was unset or unassigned may now have been set by what runs at `at`. */
  const makeOpaque = (s: State, at: FlowPos): void => {
    for (let c = 0; c < count; c++) {
      const k0 = s.chunks[c] as Chunk;
      if ((k0[KILLED] as number) === 0 && (k0[UNK] as number) === 0) continue;
      const k = writable(s, c);
      k[KILLED] = 0;
      k[UNK] = 0;
    }
    s.opaque = at;
  };

  let stamps = 0;
  /** Scratch for collectDistinct: the paths that bring a chunk not met before, `distinct[0..nDistinct)`
   * (never shortened: setting an array's length to 0 drops its store, and every push grew it again). */
  const distinct: State[] = [];
  let nDistinct = 0;
  // Scratch for a join's chunk: the slot the first path to give one has, per name.
  const toldOf: number[] = new Array<number>(BITS).fill(0);
  const setOf: number[] = new Array<number>(BITS).fill(0);
  /** The paths of `states` meeting. `story(i, setAt)` tells why name i may be unset when some
   * paths assigned it (setAt is one such assignment) and others did not. A chunk every path shares
   * is kept as it is; the others are settled word by word, each path looked at once per chunk (a
   * function called from a thousand places joins a thousand states). */
  const join = (states: readonly State[], story: (i: number, setAt: SetAt | null) => Why): State => {
    const live: State[] = [];
    for (const s of states) if (!s.dead) live.push(s);
    const first = live[0];
    if (first === undefined) return deadState();
    if (live.length === 1) return clone(first);
    let allOpaque = true;
    let anyOpaque = false;
    let opaque = Infinity;
    let argc = first.argc;
    for (const s of live) {
      if (s.argc < argc) argc = s.argc;
      if (s.opaque < 0) allOpaque = false;
      else {
        anyOpaque = true;
        opaque = Math.min(opaque, s.opaque);
      }
    }
    // Paths that share one array of chunks (branches that assigned nothing) join to it.
    let sameTop = !anyOpaque;
    for (let p = 1; sameTop && p < live.length; p++) if ((live[p] as State).chunks !== first.chunks) sameTop = false;
    if (sameTop) {
      for (const s of live) share(s);
      return { dead: false, chunks: first.chunks, id: ++ids, ownTop: false, opaque: -1, argc };
    }
    const out: State = {
      dead: false,
      chunks: new Array<Chunk>(count),
      id: ++ids,
      ownTop: true,
      opaque: allOpaque ? opaque : -1,
      argc,
    };
    // Stories are told in name order: chunk by chunk.
    for (let c = 0; c < count; c++) {
      const k0 = first.chunks[c] as Chunk;
      let shared = !anyOpaque;
      for (let p = 1; shared && p < live.length; p++) if ((live[p] as State).chunks[c] !== k0) shared = false;
      if (shared) {
        // Every path has this very chunk, so the join is the chunk: no one writes it in place now.
        k0[OWNER] = 0;
        out.chunks[c] = k0;
      } else {
        collectDistinct(live, c);
        out.chunks[c] = settleChunk(first, c, out, allOpaque, story);
      }
    }
    return out;
  };

  /** Fills `distinct` with the paths that bring chunk c not met on an earlier path. What a path
   * adds to a join's chunk follows from the chunk and the path's `opaque` alone, so a path that
   * repeats both of the last path to meet the chunk adds nothing, and no first comes from it: a
   * function's thousand call sites often share a chunk. */
  const collectDistinct = (paths: readonly State[], c: number): void => {
    const stamp = ++stamps;
    nDistinct = 0;
    // A path with the previous path's very chunk and opaque repeats it: skipped without reading
    // the chunk (a function's call sites come caller by caller, most of them sharing most chunks).
    let last: Chunk | null = null;
    let lastOpaque = 0;
    for (const s of paths) {
      const k = s.chunks[c] as Chunk;
      if (k === last && s.opaque === lastOpaque) continue;
      last = k;
      lastOpaque = s.opaque;
      if (k[STAMP] === stamp && k[MET_BY] === s.opaque) continue;
      k[STAMP] = stamp;
      k[MET_BY] = s.opaque;
      distinct[nDistinct++] = s;
    }
  };

  /** Chunk c of the join into `out` of the paths in `distinct` (two or more live paths met,
   * `first` among them, first). */
  const settleChunk = (
    first: State,
    c: number,
    out: State,
    allOpaque: boolean,
    story: (i: number, setAt: SetAt | null) => Why,
  ): Chunk => {
    const f = first.chunks[c] as Chunk;
    // The slots start as the first path's.
    oSet = f[SET] as number;
    oKilled = 0;
    oUnk = 0;
    oTold = f[TOLD] as number;
    slotMask = 0;
    let anySet = 0;
    let anyUnset = 0;
    for (let d = 0; d < nDistinct; d++) {
      const s = distinct[d] as State;
      const k = s.chunks[c] as Chunk;
      const set = k[SET] as number;
      const killed = k[KILLED] as number;
      const opq = s.opaque >= 0 ? FULL : 0;
      oSet &= set;
      anySet |= set;
      oKilled |= killed & ~set;
      anyUnset |= ~set & (killed | ~((k[UNK] as number) | opq)) & FULL;
    }
    const base = c * BITS;
    if (!allOpaque) {
      // Names none of the paths leaves unset, yet not all assign: unknown, each with the file of
      // the first path that says so.
      const unk = ~oSet & ~anyUnset & mask(c);
      oUnk = unk;
      let need = unk;
      for (let d = 0; d < nDistinct && need !== 0; d++) {
        const s = distinct[d] as State;
        const k = s.chunks[c] as Chunk;
        let hit = s.opaque >= 0 ? need : need & (k[UNK] as number);
        need &= ~hit;
        while (hit !== 0) {
          const b = 31 - Math.clz32(hit & -hit);
          hit &= hit - 1;
          setSlot(
            b,
            s.opaque >= 0 && ((k[UNK] as number) & (1 << b)) === 0 ? s.opaque : (k[SLOT + b] as number),
            false,
          );
        }
      }
    }
    // Stories of names some path leaves unset: the first story a path has, else how the paths
    // differ. Where the first path leaves the name unset with a story, that story (copied with
    // its slots) stands.
    const fOpq = first.opaque >= 0 ? FULL : 0;
    const firstUnset = ~(f[SET] as number) & ((f[KILLED] as number) | ~((f[UNK] as number) | fOpq));
    const v = anyUnset & ~oSet & ~(firstUnset & ~anySet) & ~(firstUnset & (f[TOLD] as number)) & mask(c);
    if (v !== 0) tellStories(v, c, base, story);
    let differs = oSet !== f[SET] || oKilled !== f[KILLED] || oUnk !== f[UNK] || oTold !== f[TOLD];
    for (let m = slotMask; !differs && m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      if (slotVal[b] !== f[SLOT + b]) differs = true;
    }
    if (!differs) {
      // What the first path has: keeping its very chunk lets later joins see the paths share it.
      f[OWNER] = 0;
      return f;
    }
    const o = f.slice();
    o[OWNER] = out.id;
    o[SET] = oSet;
    o[KILLED] = oKilled;
    o[UNK] = oUnk;
    o[TOLD] = oTold;
    for (let m = slotMask; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      o[SLOT + b] = slotVal[b] as number;
    }
    return o;
  };
  // What settleChunk finds: the chunk's words, and the slots it gives a value (slotMask), each once.
  let oSet = 0;
  let oKilled = 0;
  let oUnk = 0;
  let oTold = 0;
  let slotMask = 0;
  const slotVal: number[] = new Array<number>(BITS).fill(0);
  const setSlot = (b: number, slot: number, told: boolean): void => {
    slotVal[b] = slot;
    slotMask |= 1 << b;
    oTold = told ? oTold | (1 << b) : oTold & ~(1 << b);
  };

  /** The stories of the names `v` of chunk c that some path leaves unset (settleChunk). */
  const tellStories = (v: number, c: number, base: number, story: (i: number, setAt: SetAt | null) => Why): void => {
    let needTold = v;
    let needSet = v;
    for (let d = 0; d < nDistinct && needTold !== 0; d++) {
      const s = distinct[d] as State;
      const k = s.chunks[c] as Chunk;
      const set = k[SET] as number;
      let hit = set & needSet & needTold;
      needSet &= ~hit;
      while (hit !== 0) {
        const b = 31 - Math.clz32(hit & -hit);
        hit &= hit - 1;
        setOf[b] = k[SLOT + b] as number;
      }
      const opq = s.opaque >= 0 ? FULL : 0;
      let told = ~set & ((k[KILLED] as number) | ~((k[UNK] as number) | opq)) & (k[TOLD] as number) & needTold;
      needTold &= ~told;
      while (told !== 0) {
        const b = 31 - Math.clz32(told & -told);
        told &= told - 1;
        toldOf[b] = k[SLOT + b] as number;
      }
    }
    let left = v;
    while (left !== 0) {
      const bit = left & -left;
      left &= left - 1;
      const b = 31 - Math.clz32(bit);
      if ((needTold & bit) === 0) setSlot(b, toldOf[b] as number, true);
      else if ((needSet & bit) === 0) setSlot(b, tell(story(base + b, setOf[b] as SetAt)), true);
      else setSlot(b, 0, false);
    }
  };

  const same = (a: State | undefined, b: State): boolean => {
    if (!a || a.dead !== b.dead || a.argc !== b.argc || a.opaque !== b.opaque) return false;
    if (a.chunks === b.chunks) return true;
    for (let c = 0; c < count; c++) {
      const x = a.chunks[c] as Chunk;
      const y = b.chunks[c] as Chunk;
      if (x !== y && (x[SET] !== y[SET] || x[KILLED] !== y[KILLED] || x[UNK] !== y[UNK])) return false;
    }
    return true;
  };

  /** Whether a and b are the same state with the same slots: every name set the same way, unset
   * for the same story. */
  const identical = (a: State, b: State): boolean => {
    if (!same(a, b)) return false;
    for (let c = 0; c < count && a.chunks !== b.chunks; c++) {
      const x = a.chunks[c] as Chunk;
      const y = b.chunks[c] as Chunk;
      if (x === y) continue;
      if (x[TOLD] !== y[TOLD]) return false;
      for (let j = SLOT; j < SLOT + BITS; j++) if (x[j] !== y[j]) return false;
    }
    return true;
  };

  /** Name i's bits in s (set 1, killed 2, unknown 4, told 8) and its slot, as restore takes them. */
  const flagsOf = (s: State, i: number): number =>
    i >= n
      ? 0
      : (has(s, SET, i) ? 1 : 0) | (has(s, KILLED, i) ? 2 : 0) | (has(s, UNK, i) ? 4 : 0) | (has(s, TOLD, i) ? 8 : 0);
  const slotAt = (s: State, i: number): number => (i < n ? slotOf(s, i) : 0);
  /** Sets name i of s to what flagsOf and slotAt gave; a told name's story is `why`. */
  const restore = (s: State, i: number, flags: number, slot: number | Why): void => {
    const told = (flags & 8) !== 0;
    put(
      s,
      i,
      (flags & 1) !== 0,
      (flags & 2) !== 0,
      (flags & 4) !== 0,
      told,
      told ? tell(slot as Why) : (slot as number),
    );
  };

  /** Calls fn with every name set in s and how it was set. */
  const eachSet = (s: State, fn: (i: number, at: SetAt) => void): void => {
    for (let c = 0; c < count; c++) {
      const k = s.chunks[c] as Chunk;
      let v = k[SET] as number;
      while (v !== 0) {
        const b = 31 - Math.clz32(v & -v);
        v &= v - 1;
        fn(c * BITS + b, k[SLOT + b] as SetAt);
      }
    }
  };

  /** Calls fn with each name some path through s left unset with `unset` (or `local`). */
  const eachKilled = (s: State, fn: (i: number) => void): void => {
    for (let c = 0; c < count; c++) {
      const k = s.chunks[c] as Chunk;
      let v = (k[KILLED] as number) & ~(k[SET] as number);
      while (v !== 0) {
        const b = 31 - Math.clz32(v & -v);
        v &= v - 1;
        fn(c * BITS + b);
      }
    }
  };

  return {
    fresh,
    clone,
    replace,
    deadState,
    statusOf,
    whyOf,
    setAtOf,
    unknownSourceOf,
    assign,
    kill,
    killTold,
    killAgain,
    masksOf,
    killEach,
    tell,
    tellCall,
    /** Story \`story\` in words, for name i ('' for story 0, none). */
    wordsOf,
    /** Story \`story\` as told of name i. */
    storyOf: (story: number, i: number): Why => {
      const w = stories[story] as Why | CallStory;
      return typeof w === 'object' ? () => wordsOf(story, i) : w;
    },
    makeOpaque,
    join,
    same,
    identical,
    eachSet,
    eachKilled,
    flagsOf,
    slotAt,
    restore,
    isSet: (s: State, i: number) => has(s, SET, i),
    /** Whether some path through s unset name i (`unset`, `local`, a callee that does). */
    isKilled: (s: State, i: number) => has(s, KILLED, i),
  };
}

export type StateOps = ReturnType<typeof stateOps>;
