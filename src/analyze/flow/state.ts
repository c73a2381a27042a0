// The state the flow analysis carries along one path, as bitsets over the script's variable names
// (numbered once per analysis), all in one array of small integers: a branch copies one small
// array instead of maps of names, and a join is a word-wise AND. A plain array of 30-bit words
// (V8's small integers) copies 20 times faster than an Int32Array. Maps made every `if` arm and `&&` copy every name
// the script had assigned so far, which tripled the analysis time on large scripts. Why a name may
// be unset is a story kept once per analysis; a state holds its number in the name's slot.

import { type FlowPos, SET_BY_SHELL, type SetAt } from './positions.js';

/** Bits per word: values stay V8 small integers. */
const BITS = 30;
const FULL = (1 << BITS) - 1;

/** Why a name may be unset: the words, or how to tell them when a reason needs them. */
export type Why = string | (() => string);

/** unset < unknown < set */
export type Status = 0 | 1 | 2;

/** Layout of `bits`: `words` words each of set, killed, unknown and told bits. */
export interface State {
  dead: boolean;
  /** set: assigned on every path; killed: unset (or made local) since — even a name the shell
   * sets, or a file not followed may set; unknown: may have been assigned by a file nounset did not
   * follow; told: the name's slot holds a story (so a join finds one without asking every path of
   * every name). */
  bits: number[];
  /** One slot per name: for a set one, how it was set (a SetAt); for an unknown one, the FlowPos
   * of the file that may set it; for an unset one, the number of its story (0: none). Shared between states until one of them writes a slot (most
   * branches write few): `atOwned` says whether this state may write it in place. */
  at: number[];
  atOwned: boolean;
  /** ≥ 0: every name not set or killed may have been assigned by the file sourced at this FlowPos. */
  opaque: number;
  /** At least this many positional parameters. */
  argc: number;
}

export class NameTable {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}

/** State operations over one table; `initial` are the names the shell sets before the script. */
export function stateOps(table: NameTable, initial: (name: string) => boolean) {
  // A name met after the table was sized (none should be) reads as unset and is never stored.
  const n = table.names.length;
  const words = Math.ceil(n / BITS);
  const SET = 0;
  const KILLED = words;
  const UNK = 2 * words;
  const TOLD = 3 * words;
  /** The parts that say a name's status (told only says where its story is). */
  const STATUS = 3 * words;
  const ALL = 4 * words;
  const has = (s: State, part: number, i: number): boolean =>
    i < n && ((s.bits[part + ((i / BITS) | 0)] as number) & (1 << (i % BITS))) !== 0;
  const on = (s: State, part: number, i: number): void => {
    if (i < n) s.bits[part + ((i / BITS) | 0)] = (s.bits[part + ((i / BITS) | 0)] as number) | (1 << (i % BITS));
  };
  const off = (s: State, part: number, i: number): void => {
    if (i < n) s.bits[part + ((i / BITS) | 0)] = (s.bits[part + ((i / BITS) | 0)] as number) & ~(1 << (i % BITS));
  };

  const init: number[] = new Array<number>(ALL).fill(0);
  const initAt: number[] = new Array<number>(n).fill(0);
  table.names.forEach((name, i) => {
    if (!initial(name)) return;
    init[SET + ((i / BITS) | 0)] = (init[SET + ((i / BITS) | 0)] as number) | (1 << (i % BITS));
    initAt[i] = SET_BY_SHELL;
  });

  const fresh = (argc: number): State => ({
    dead: false,
    bits: init.slice(),
    at: initAt,
    atOwned: false,
    opaque: -1,
    argc,
  });
  const clone = (s: State): State => {
    // Both share the slots now: whichever writes one first copies them.
    s.atOwned = false;
    return { dead: s.dead, bits: s.bits.slice(), at: s.at, atOwned: false, opaque: s.opaque, argc: s.argc };
  };
  const setSlot = (s: State, i: number, v: number): void => {
    if (!s.atOwned) {
      s.at = s.at.slice();
      s.atOwned = true;
    }
    s.at[i] = v;
  };
  const deadState = (): State => {
    const s = fresh(0);
    s.dead = true;
    return s;
  };
  // Story 0 is "none". A story is told in words only when a reason asks for it: most never are.
  const stories: Why[] = [''];
  const tell = (text: Why): number => stories.push(text) - 1;
  /** Why name i may be unset in s (it is: the caller checked), or null. */
  const whyOf = (s: State, i: number): string | null => {
    if (i >= n) return null;
    const k = s.at[i] as number;
    let w = stories[k] as Why;
    if (typeof w !== 'string') stories[k] = w = w();
    return w || null;
  };

  const statusOf = (s: State, i: number): Status => {
    if (has(s, SET, i)) return 2;
    if (has(s, KILLED, i)) return 0;
    if (has(s, UNK, i) || s.opaque >= 0) return 1;
    return 0;
  };
  const atOf = (s: State, i: number): number => (i < n ? (s.at[i] as number) : -1);
  /** How a set name was set. */
  const setAtOf = (s: State, i: number): SetAt => atOf(s, i) as SetAt;
  /** Where an unknown name may have been set: the file not followed (or eval) that may set it. */
  const unknownSourceOf = (s: State, i: number): FlowPos => (has(s, UNK, i) ? atOf(s, i) : s.opaque) as FlowPos;

  const assign = (s: State, i: number, at: SetAt): void => {
    on(s, SET, i);
    off(s, KILLED, i);
    off(s, UNK, i);
    off(s, TOLD, i);
    if (i < n && s.at[i] !== at) setSlot(s, i, at);
  };
  const kill = (s: State, i: number, text: Why): void => {
    off(s, SET, i);
    off(s, UNK, i);
    on(s, KILLED, i);
    on(s, TOLD, i);
    if (i < n) setSlot(s, i, tell(text));
  };
  /** Whatever was unset or unassigned may now have been set by what runs at `at`. */
  const makeOpaque = (s: State, at: FlowPos): void => {
    s.bits.fill(0, KILLED, STATUS);
    s.opaque = at;
  };

  // Scratch for joins: words, and for a name, the slot a path gives it.
  const anySet: number[] = new Array<number>(words).fill(0);
  const anyUnset: number[] = new Array<number>(words).fill(0);
  const toldOf: number[] = new Array<number>(BITS).fill(0);
  const setOf: number[] = new Array<number>(BITS).fill(0);
  const spare = n % BITS === 0 ? FULL : (1 << (n % BITS)) - 1;
  const mask = (w: number): number => (w === words - 1 ? spare : FULL);
  /** out's slot of name i becomes v; told says whether v is a story. */
  const put = (out: State, i: number, v: number, told: boolean): void => {
    if (told) on(out, TOLD, i);
    else off(out, TOLD, i);
    if (out.at[i] !== v) setSlot(out, i, v);
  };

  /** The paths of `states` meeting. `story(i, setAt)` tells why name i may be unset when some
   * paths assigned it (setAt is one such assignment) and others did not. Every name is settled
   * word by word across the paths, each path once per word: a function called from a thousand
   * places joins a thousand states, and asking each of them of each name was quadratic. */
  const join = (states: readonly State[], story: (i: number, setAt: SetAt | null) => Why): State => {
    const live: State[] = [];
    for (const s of states) if (!s.dead) live.push(s);
    const first = live[0];
    if (first === undefined) return deadState();
    if (live.length === 1) return clone(first);
    let allOpaque = true;
    let opaque = Infinity;
    anySet.fill(0);
    anyUnset.fill(0);
    // The slots start as the first path's, shared until the join writes one.
    first.atOwned = false;
    const out: State = {
      dead: false,
      bits: first.bits.slice(),
      at: first.at,
      atOwned: false,
      opaque: -1,
      argc: first.argc,
    };
    const o = out.bits;
    o.fill(0, KILLED, STATUS);
    for (const s of live) {
      const b = s.bits;
      if (s.argc < out.argc) out.argc = s.argc;
      if (s.opaque < 0) allOpaque = false;
      else opaque = Math.min(opaque, s.opaque);
      const opq = s.opaque >= 0 ? FULL : 0;
      for (let w = 0; w < words; w++) {
        const set = b[SET + w] as number;
        const killed = b[KILLED + w] as number;
        o[SET + w] = (o[SET + w] as number) & set;
        anySet[w] = (anySet[w] as number) | set;
        o[KILLED + w] = (o[KILLED + w] as number) | (killed & ~set);
        anyUnset[w] = (anyUnset[w] as number) | (~set & (killed | ~((b[UNK + w] as number) | opq)) & FULL);
      }
    }
    out.opaque = allOpaque ? opaque : -1;
    if (!allOpaque) {
      // Names none of the paths leaves unset, yet not all assign: unknown, each with the file of
      // the first path that says so.
      for (let w = 0; w < words; w++) {
        const unk = ~(o[SET + w] as number) & ~(anyUnset[w] as number) & mask(w);
        o[UNK + w] = unk;
        let need = unk;
        for (const s of live) {
          if (need === 0) break;
          const hit = s.opaque >= 0 ? need : need & (s.bits[UNK + w] as number);
          need &= ~hit;
          eachOf(hit, w, (i) => put(out, i, s.opaque >= 0 && !has(s, UNK, i) ? s.opaque : (s.at[i] as number), false));
        }
      }
    }
    // Stories of names some path leaves unset: the first story a path has, else how the paths
    // differ. Where the first path leaves the name unset with a story, that story (copied with
    // its slots) stands; only the others need a look.
    const f = first.bits;
    const fOpq = first.opaque >= 0 ? FULL : 0;
    for (let w = 0; w < words; w++) {
      const firstUnset = ~(f[SET + w] as number) & ((f[KILLED + w] as number) | ~((f[UNK + w] as number) | fOpq));
      // Unset on the first path and assigned on none: the first path's story (or none) stands.
      const v =
        (anyUnset[w] as number) &
        ~(o[SET + w] as number) &
        ~(firstUnset & ~(anySet[w] as number)) &
        ~(firstUnset & (f[TOLD + w] as number)) &
        mask(w);
      if (v === 0) continue;
      // Bit k of word w: the first story a path has (toldOf), else how the first path that
      // assigns it did (setOf).
      let needTold = v;
      let needSet = v;
      for (const s of live) {
        if (needTold === 0) break;
        const b = s.bits;
        const set = b[SET + w] as number;
        let hit = set & needSet & needTold;
        needSet &= ~hit;
        while (hit !== 0) {
          const bit = hit & -hit;
          hit &= hit - 1;
          const k = 31 - Math.clz32(bit);
          setOf[k] = s.at[w * BITS + k] as number;
        }
        const opq = s.opaque >= 0 ? FULL : 0;
        let told =
          ~set & ((b[KILLED + w] as number) | ~((b[UNK + w] as number) | opq)) & (b[TOLD + w] as number) & needTold;
        needTold &= ~told;
        while (told !== 0) {
          const bit = told & -told;
          told &= told - 1;
          const k = 31 - Math.clz32(bit);
          toldOf[k] = s.at[w * BITS + k] as number;
        }
      }
      let left = v;
      while (left !== 0) {
        const bit = left & -left;
        left &= left - 1;
        const k = 31 - Math.clz32(bit);
        const i = w * BITS + k;
        if ((needTold & bit) === 0) put(out, i, toldOf[k] as number, true);
        else if ((needSet & bit) === 0) put(out, i, tell(story(i, setOf[k] as SetAt)), true);
        else put(out, i, 0, false);
      }
    }
    return out;
  };

  /** Calls fn with the index of every name whose bit is on in `bits`, word w. */
  const eachOf = (bits: number, w: number, fn: (i: number) => void): void => {
    let v = bits;
    while (v !== 0) {
      const b = 31 - Math.clz32(v & -v);
      fn(w * BITS + b);
      v &= v - 1;
    }
  };

  const same = (a: State | undefined, b: State): boolean => {
    if (!a || a.dead !== b.dead || a.argc !== b.argc || a.opaque !== b.opaque) return false;
    for (let w = 0; w < STATUS; w++) if (a.bits[w] !== b.bits[w]) return false;
    return true;
  };

  return {
    fresh,
    clone,
    deadState,
    statusOf,
    whyOf,
    setAtOf,
    unknownSourceOf,
    assign,
    kill,
    makeOpaque,
    join,
    same,
    isSet: (s: State, i: number) => has(s, SET, i),
  };
}

export type StateOps = ReturnType<typeof stateOps>;
