// A function's summary, the fact the analysis keeps of it for its callers (ShellCheck's CFG
// analysis keeps one per function too), and what can be known of one without a walk.

import type { Region } from '../model.js';
import { isDigits } from '../shell-vars.js';
import type { FuncDef } from './digest.js';
import type { SetAt } from './positions.js';

/** What a call of a function does to its caller's state, whatever the state was: the names it
 * assigns on every path that returns (each with how), the names it may unset, whether it never
 * returns, and (≥ 0) the position of something it runs that may assign anything. */
export interface Summary {
  readonly gen: Map<string, SetAt>;
  readonly kill: Set<string>;
  readonly noReturn: boolean;
  readonly opaque: number;
}

/** The summaries of an analysis: those shared from an earlier one (read, never copied: a library
 * has hundreds), then what this one finds. */
export class Summaries {
  private readonly found = new Map<string, Summary>();
  /** Counts the summaries set whose kill set differs from the one before: what was found of the
   * kills holds while it stays (a change in what a function assigns leaves it). */
  killVersion = 0;
  /** While a summary walk runs: the names whose summaries it asked for (summaries.ts). */
  asked: Set<string> | null = null;
  constructor(private readonly shared: ReadonlyMap<string, Summary> | null) {}
  get(name: string): Summary | undefined {
    this.asked?.add(name);
    return this.found.get(name) ?? this.shared?.get(name);
  }
  set(name: string, summary: Summary): void {
    const before = this.get(name);
    if (before && sameSet(before.kill, summary.kill)) {
      // The same kill set object: what a call's kills were found to be (walk-call.ts) holds.
      this.found.set(name, { ...summary, kill: before.kill });
    } else {
      this.killVersion++;
      this.found.set(name, summary);
    }
  }
}

/** The summary of a function that changes nothing its caller sees. */
export const INERT: Summary = { gen: new Map(), kill: new Set(), noReturn: false, opaque: -1 };

/** Several definitions of one name: only what all of them do. */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const [first, ...rest] = parts as [Summary, ...Summary[]];
  const gen = new Map([...first.gen].filter(([n]) => rest.every((p) => p.gen.has(n))));
  const kill = new Set(parts.flatMap((p) => [...p.kill]));
  const opaque = parts.find((p) => p.opaque >= 0)?.opaque ?? -1;
  return { gen, kill, noReturn: parts.every((p) => p.noReturn), opaque };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const n of a) if (!b.has(n)) return false;
  return true;
}

export function sameSummary(a: Summary | undefined, b: Summary): boolean {
  if (!a || a.noReturn !== b.noReturn || a.opaque !== b.opaque || a.gen.size !== b.gen.size || !sameSet(a.kill, b.kill))
    return false;
  for (const n of a.gen.keys()) if (!b.gen.has(n)) return false;
  return true;
}

/** True for the summary of a function that changes nothing its caller sees. */
function isEmpty(s: Summary | undefined): boolean {
  return s !== undefined && s.gen.size === 0 && s.kill.size === 0 && !s.noReturn && s.opaque < 0;
}

/** True when a function's summary is empty without walking it: outside subshells its body
 * assigns only its locals, shows no other name set (by a test or `${X:?}`), and unsets, exits,
 * sources, evals and calls nothing but functions whose summaries are empty. */
export function isInert(
  def: FuncDef,
  funcs: ReadonlyMap<string, readonly FuncDef[]>,
  summaries: { get(name: string): Summary | undefined },
): boolean {
  const global = (name: string): boolean => !def.locals.has(name) && !isDigits(name);
  const stack: Region[] = [def.region];
  for (let r = stack.pop(); r; r = stack.pop()) {
    // A test passed (`[ -n "${X:-}" ] || return`) shows X set on the paths past it (walk.ts).
    // A chained link's other facts are those of the link before it (Region.added).
    for (const f of r.added ?? r.facts ?? []) if (f.kind === 'set' && global(f.name)) return false;
    for (const f of r.skipFacts ?? []) if (f.kind === 'set' && global(f.name)) return false;
    for (const e of r.events) {
      switch (e.kind) {
        case 'region':
          if (e.shape !== 'function' && e.shape !== 'subshell') stack.push(e);
          break;
        case 'write':
          if (!def.locals.has(e.name)) return false;
          break;
        case 'read':
          // `${X:?}` stops where X is unset: past it, X is set (walk.ts).
          if ((e.op === ':?' || e.op === '?') && global(e.name)) return false;
          break;
        case 'jump':
          if (e.how === 'exit') return false;
          break;
        case 'call':
          // A function whose summary (found first: callees go first) is empty changes nothing.
          if (e.name === null ? !e.trap : funcs.has(e.name) && !isEmpty(summaries.get(e.name))) return false;
          break;
        case 'unset':
        case 'unset-computed':
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
