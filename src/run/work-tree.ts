// What a run over some files of a git work tree (a pre-commit hook's staged scripts, `nounset
// lib.sh`, `nounset ci/`) needs to know of the tree's other scripts, to give each file the fix a
// run over the root gives it: without them a library the others source would get an env-init
// block, which runs in their shells, and a helper that prints its caller's line numbers would go
// unseen (run-context.ts). The other scripts are read, never fixed.

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ScriptIO } from '../io/index.js';
import { type FindOptions, findScripts, mayWalkTo, showPath, walkTakes } from './find-scripts.js';
import { workTreeFiles } from './git.js';
import { type FileFacts, fileFacts, type SourcePattern } from './run-context.js';
import { readRunFile } from './snapshot.js';

/** The nearest directory at or above `path` that holds `.git`: the work tree it is part of. */
function workTreeRoot(path: string, io: ScriptIO): string | null {
  for (let at = path; ; at = dirname(at)) {
    try {
      io.lstat(join(at, '.git'));
      return at;
    } catch {
      // No .git here: look further up.
    }
    if (dirname(at) === at) return null;
  }
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
}

/** The facts of the scripts of the work trees of the run's paths that the run does not cover. A
 * file that cannot be read tells nothing: it is not one the run fixes. */
export function workTreeFacts(paths: readonly string[], options: WorkTreeOptions, io: ScriptIO): FileFacts[] {
  const { find, excluded, taken } = options;
  const covers = (root: string): boolean =>
    paths.some((p) => {
      const rel = relative(resolve(options.cwd, p), root);
      return !rel.startsWith('..') && !isAbsolute(rel);
    });
  const roots = new Set<string>();
  for (const p of paths) {
    const root = workTreeRoot(resolve(options.cwd, p), io);
    if (root !== null && !covers(root)) roots.add(root);
  }
  const seen = new Set(taken.map((f) => f.path));
  const macosMatters = macosRelation(taken);
  const out: FileFacts[] = [];
  for (const root of [...roots].sort()) {
    for (const path of workTreeScripts(root, options.cwd, find, io)) {
      if (seen.has(path)) continue;
      seen.add(path);
      const abs = resolve(options.cwd, path);
      if (excluded(abs)) continue;
      const read = readRunFile(io, abs, options.maxSize);
      if (!('error' in read)) out.push(fileFacts(path, read.text, (sources) => macosMatters(path, sources)));
    }
  }
  return out;
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

/** The paths (shown from `cwd`) of the files under a work tree's root that may be scripts: those
 * git does not ignore, as it lists them (a home directory kept in git is mostly ignored, and
 * walking it would take seconds), else what walking the root finds. */
function workTreeScripts(root: string, cwd: string, find: FindOptions, io: ScriptIO): string[] {
  const listed = workTreeFiles(root);
  if (listed === null) return findScripts([root], find, io).flatMap((f) => (f.error === undefined ? [f.path] : []));
  return listed
    .filter((p) => mayWalkTo(p) && walkTakes(io, join(root, p), p.slice(p.lastIndexOf('/') + 1)))
    .map((p) => showPath(cwd, join(root, p)));
}
