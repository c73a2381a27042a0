// What analyses of different scripts that source the same libraries share (git's t/ sources
// test-lib.sh 1,300 times): the summaries of the libraries' own functions and which of them need a
// walk. A memo kept across analyses in this thread, not state: a hit gives what a walk would.

import { askCalls } from './call-order.js';
import { modelId } from './digest.js';
import { isNumberedFile, renumberSetAt, type SetAt } from './positions.js';
import type { Program } from './program.js';
import { forgetKeptWalks } from './source-cache.js';
import type { Summaries, Summary } from './summary.js';

export interface SharedLibraries {
  /** The summaries an earlier analysis kept, in this analysis' file numbers. */
  readonly known: ReadonlyMap<string, Summary>;
  /** The library functions that reach a function of the script or a computed call (so need a
   * walk of their own here); null when no earlier analysis said. */
  readonly walks: ReadonlySet<string> | null;
  /** The library functions this analysis must summarise or walk (not shared, or needing a walk of
   * their own), in the program's order; null when not known here (then every function is asked). */
  readonly walked: readonly string[] | null;
  /** Keeps what this analysis found, for the next one (once its summaries are final). */
  keep(summaries: Summaries, needsWalk: (name: string) => boolean): void;
}

/** What an earlier analysis found of the same libraries (the same sourced files, modelled once
 * in sourced/source-loader.ts), for the same state key: the summaries of their functions whose
 * callees are all in them (no computed call, nothing sourced or unseen), and which of their
 * functions can reach a computed call. Shared only when no function of the script has the name of
 * a function the libraries define or call: then every library function means what it meant there.
 * Offsets are re-numbered when the files' numbers differ. Null when the script sources nothing or
 * shares a name with them. */
export function sharedLibraries(key: string, program: Program): SharedLibraries | null {
  const { funcs, paths } = program;
  const libraries = [...new Set(program.libraryModels)].map(modelId).sort((x, y) => x - y);
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
        for (const c of d.callees) names.add(c);
      }
    }
    libNames = names;
  }
  const ownNames = program.ownFunctions;
  for (const n of ownNames) if (libNames.has(n)) return null;
  let known: ReadonlyMap<string, Summary> = new Map();
  let walked: readonly string[] | null = null;
  if (entry) {
    // The files have the numbers they had there (as in a test suite's scripts): as they are, and
    // the library functions come in the same order.
    if (entry.paths.every((p, i) => p === null || paths[i] === p)) {
      known = entry.summaries;
      entry.walked ??= [...funcs.keys()].filter(
        (name) => !ownNames.has(name) && (!entry.summaries.has(name) || entry.walks.has(name)),
      );
      walked = entry.walked;
    } else {
      const renumbered = new Map<string, Summary>();
      for (const [name, summary] of entry.summaries) renumbered.set(name, renumber(summary, entry.paths, paths));
      known = renumbered;
    }
  }
  const keep = (summaries: Summaries, needsWalk: (name: string) => boolean): void => {
    if (entry) return;
    // Which library functions may be shared: callees all in the libraries, transitively.
    const ok = new Map<string, boolean>();
    const shareable = (name: string): boolean =>
      askCalls(name, {
        decisive: false,
        whenUndefined: false,
        memo: ok,
        known: (f) => ok.get(f),
        defs: (f) => funcs.get(f) ?? [],
        decides: (d) =>
          d.own || d.computed || d.reads || d.unsetsComputed || d.namerefs.size > 0 || !isNumberedFile(d.fileIndex),
        callees: (d) => [...d.calls].filter((c) => funcs.has(c)),
      });
    const summariesOut = new Map<string, Summary>();
    for (const name of libNames as ReadonlySet<string>) {
      const summary = summaries.get(name);
      if (summary && summary.opaque < 0 && !ownNames.has(name) && shareable(name)) summariesOut.set(name, summary);
    }
    const walks = new Set<string>();
    for (const name of libNames as ReadonlySet<string>) if (funcs.has(name) && needsWalk(name)) walks.add(name);
    LIBRARIES.set(cacheKey, {
      paths: paths.map((p, i) => (i === 0 ? null : p)),
      summaries: summariesOut,
      walks,
      libNames: libNames as ReadonlySet<string>,
    });
    if (LIBRARIES.size > 16) LIBRARIES.delete(LIBRARIES.keys().next().value as string);
  };
  return { known, walks: entry?.walks ?? null, walked, keep };
}

/** A shared summary's positions, from the file numbers of the analysis that kept it to this one's. */
function renumber(summary: Summary, from: readonly (string | null)[], paths: readonly string[]): Summary {
  const gen = new Map<string, SetAt>();
  for (const [n, at] of summary.gen) gen.set(n, renumberSetAt(at, from, paths));
  return { gen, kill: summary.kill, noReturn: summary.noReturn, opaque: summary.opaque };
}

/** Forgets what earlier analyses shared (for tests that compare with a fresh analysis). */
export function forgetSharedAnalyses(): void {
  LIBRARIES.clear();
  forgetKeptWalks();
}

/** How many sets of libraries analyses have shared summaries of (for tests). */
export function sharedLibrarySets(): number {
  return LIBRARIES.size;
}

/** What analyses found of sets of libraries (see sharedLibraries), the most recent few. */
const LIBRARIES = new Map<
  string,
  {
    readonly paths: readonly (string | null)[];
    readonly summaries: ReadonlyMap<string, Summary>;
    readonly walks: ReadonlySet<string>;
    readonly libNames: ReadonlySet<string>;
    /** SharedLibraries.walked, found by the first analysis that numbers the files the same. */
    walked?: readonly string[];
  }
>();
