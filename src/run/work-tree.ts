// What a run over some files of a git work tree (a pre-commit hook's staged scripts, `nounset
// lib.sh`, `nounset ci/`) needs to know of the tree's other scripts, to give each file the fix a
// run over the root gives it: without them a library the others source would get an env-init
// block, which runs in their shells, and a helper that prints its caller's line numbers would go
// unseen (run-context.ts). The other scripts are read, never fixed.

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { EntryStat, ScriptIO } from '../io/index.js';
import { type FactsBook, factsFrom, type KeptFacts, keptOf, NOT_SCRIPT, patternsOf } from './facts-cache.js';
import { type FindOptions, findScripts, isScriptFile, mayWalkTo, showPath, walkTakes } from './find-scripts.js';
import { workTreeFiles } from './git.js';
import { type FileFacts, fileFacts, type SourcePattern } from './run-context.js';
import { DEFAULT_MAX_SIZE, readRunFile } from './snapshot.js';

/** The nearest directory at or above a path that holds `.git`: the work tree it is part of; each
 * directory on the way is looked at once. */
export function workTreeRoots(io: ScriptIO): (dir: string) => string | null {
  const known = new Map<string, string | null>();
  const rootOf = (dir: string): string | null => {
    const was = known.get(dir);
    if (was !== undefined) return was;
    let root: string | null;
    try {
      io.lstat(join(dir, '.git'));
      root = dir;
    } catch {
      // No .git here: look further up.
      root = dirname(dir) === dir ? null : rootOf(dirname(dir));
    }
    known.set(dir, root);
    return root;
  };
  return rootOf;
}

/** The facts of a file of the run (`path` as shown, `abs`, read with `stat`), from the book when
 * its stamp is kept there, else from its text (and kept): under its work tree's root, or the run's
 * directory outside one. The row says what a work tree's scan takes (workTreeFacts): a file it
 * would not take as a script gets a row that says so, and its facts from its text. */
export function runFileFacts(
  path: string,
  abs: string,
  read: { readonly text: string; readonly stat: EntryStat },
  book: { readonly book: FactsBook; readonly rootOf: (dir: string) => string | null; readonly cwd: string } | null,
): FileFacts {
  const { stamp, changedMs } = read.stat;
  if (book === null || stamp === undefined || changedMs === undefined) return fileFacts(path, read.text);
  const root = book.rootOf(dirname(abs)) ?? book.cwd;
  const rel = showPath(root, abs);
  const kept = book.book.at(root);
  book.book.listed(root, rel);
  const hit = kept.get(rel, stamp);
  // A run file's facts always hold whether it shows macOS.
  if (hit?.script && hit.macos !== undefined) return factsFrom(path, hit, patternsOf(hit), hit.macos);
  const facts = fileFacts(path, read.text);
  if (!hit || hit.script)
    kept.set(rel, stamp, changedMs, isScriptFile(rel, read.text) ? keptOf(facts, true) : NOT_SCRIPT);
  return facts;
}

export interface WorkTreeOptions {
  /** Absolute; paths are shown relative to it. */
  readonly cwd: string;
  readonly find: FindOptions;
  /** Files the configuration leaves out of a run. */
  readonly excluded: (abs: string) => boolean;
  /** The facts of the run's own files. */
  readonly taken: readonly FileFacts[];
  readonly maxSize?: number;
  /** Where what the files told is kept between runs (facts-cache.ts); none: every file is read. */
  readonly book?: FactsBook | null;
  /** The run's root finder (workTreeRoots), when it has one: each directory is looked at once. */
  readonly rootOf?: (dir: string) => string | null;
}

/** The facts of the scripts of the work trees of the run's paths that the run does not cover. A
 * file that cannot be read tells nothing: it is not one the run fixes. */
export function workTreeFacts(paths: readonly string[], options: WorkTreeOptions, io: ScriptIO): FileFacts[] {
  const { find, excluded, taken, book } = options;
  const covers = (root: string): boolean =>
    paths.some((p) => {
      const rel = relative(resolve(options.cwd, p), root);
      return !rel.startsWith('..') && !isAbsolute(rel);
    });
  const roots = new Set<string>();
  const rootOf = options.rootOf ?? workTreeRoots(io);
  for (const p of paths) {
    const root = rootOf(resolve(options.cwd, p));
    if (root !== null && !covers(root)) roots.add(root);
  }
  const seen = new Set(taken.map((f) => f.path));
  const macosMatters = macosRelation(taken);
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const out: FileFacts[] = [];
  for (const root of [...roots].sort()) {
    const kept = book?.at(root) ?? null;
    const show = shownFrom(options.cwd, root);
    for (const { rel, name } of workTreeScripts(root, options.cwd, find, io)) {
      book?.listed(root, rel);
      const abs = join(root, rel);
      const path = show(rel, abs);
      if (seen.has(path)) continue;
      seen.add(path);
      if (excluded(abs)) continue;
      let stat: EntryStat;
      try {
        stat = io.lstat(abs);
      } catch {
        continue;
      }
      // As readRunFile: links, other kinds and large files are not read.
      if (stat.kind !== 'file' || stat.size > maxSize) continue;
      const { stamp, changedMs } = stat;
      const hit = stamp === undefined ? undefined : kept?.get(rel, stamp);
      const facts = factsOf(path, abs, name, hit, macosMatters, io);
      if (facts === null) continue;
      if (kept && stamp !== undefined && changedMs !== undefined && facts.kept)
        kept.set(rel, stamp, changedMs, facts.kept);
      if (facts.run) out.push(facts.run);
    }
  }
  return out;
}

/** How a file of the tree at `root` is shown from `cwd`, given its path from the root: a prefix
 * when the root is at or below `cwd` (the costs of path.relative add up over a large tree). */
function shownFrom(cwd: string, root: string): (rel: string, abs: string) => string {
  const prefix = showPath(cwd, root);
  if (prefix === '.') return (rel) => rel;
  if (prefix === '..' || prefix.startsWith('../')) return (_, abs) => showPath(cwd, abs);
  return (rel) => `${prefix}/${rel}`;
}

/** What one file tells the run, from what was kept of it when that will do, else from reading
 * it (with what to keep of it); null when it cannot be read. */
function factsOf(
  path: string,
  abs: string,
  name: string,
  hit: KeptFacts | undefined,
  macosMatters: (path: string, sources: readonly SourcePattern[]) => boolean,
  io: ScriptIO,
): { run: FileFacts | null; kept?: KeptFacts } | null {
  if (hit && !hit.script) return { run: null };
  if (hit) {
    const sources = patternsOf(hit);
    const matters = macosMatters(path, sources);
    // A run that did not look whether it shows macOS, where this one must: read it.
    if (!matters || hit.macos !== undefined)
      return { run: factsFrom(path, hit, sources, matters && hit.macos === true) };
  }
  if (!walkTakes(io, abs, name)) return { run: null, kept: NOT_SCRIPT };
  const read = readRunFile(io, abs);
  if ('error' in read) return null;
  let looked = false;
  const run = fileFacts(path, read.text, (sources) => {
    looked = macosMatters(path, sources);
    return looked;
  });
  return { run, kept: keptOf(run, looked) };
}

/** Whether another file's showing macOS can reach a file of the run (run-context.ts macosFiles):
 * the run's file is in its directory or below, or one of the two sources the other. */
function macosRelation(run: readonly FileFacts[]): (path: string, sources: readonly SourcePattern[]) => boolean {
  return (path, sources) => {
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    return run.some(
      (f) => f.path.startsWith(dir) || sources.some((p) => p.re.test(f.path)) || f.sources.some((p) => p.re.test(path)),
    );
  };
}

/** The files under a work tree's root that may be scripts (relative to the root, with `/`, and
 * their names): those git does not ignore, as it lists them (a home directory kept in git is
 * mostly ignored, and walking it would take seconds), else what walking the root finds. */
function workTreeScripts(root: string, cwd: string, find: FindOptions, io: ScriptIO): { rel: string; name: string }[] {
  const named = (rel: string) => ({ rel, name: rel.slice(rel.lastIndexOf('/') + 1) });
  const listed = workTreeFiles(root);
  if (listed === null)
    return findScripts([root], find, io).flatMap((f) =>
      f.error === undefined ? [named(showPath(root, resolve(cwd, f.path)))] : [],
    );
  return listed.filter(mayWalkTo).map(named);
}
