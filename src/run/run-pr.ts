// `nounset pr`: the shell scripts a pull request adds or changes (between the merge base of base
// and head, and head, as GitHub shows a PR), fixed as they are in head, and the fixes reviewed
// against the lines the PR changed. Reads commits through git, not the work tree, so uncommitted
// changes never leak into a review.

import { join } from 'node:path';
import { ConfigLoader, isExcludedByConfig, resolveFileConfig } from '../config/index.js';
import type { FixOptions } from '../result.js';
import { parseChangedLines } from '../review/changed-lines.js';
import { reviewFile, type FileReview } from '../review/review-file.js';
import { isScriptFile } from './find-scripts.js';
import { fixScript } from './fix-script.js';
import { sourceReader } from './source-reader.js';
import { changedLinesDiff, mergeBase, repositoryRoot, resolveCommit, showFile } from './git.js';
import { NotTextError, type ScriptIO } from './io.js';
import { decodeScript } from './node-io.js';
import { mergeFixOptions } from './plan-run.js';
import { findSkipCause } from './run-file.js';

export interface PrOptions {
  /** Any directory in the repository. */
  readonly cwd: string;
  readonly base: string;
  /** Default HEAD. */
  readonly head?: string;
  /** Suggest every edit in the changed files, not only those on changed lines. */
  readonly allLines?: boolean;
  readonly fix: Omit<FixOptions, 'path'>;
  /** Read configuration files (default true). */
  readonly config?: boolean;
}

export interface PrRun {
  readonly root: string;
  /** Commits: where head's history meets base's, and head. */
  readonly mergeBase: string;
  readonly head: string;
  readonly files: readonly FileReview[];
  /** Changed scripts nounset left alone, and why (does not parse, another shell, not text...). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

export function runPr(options: PrOptions, io: ScriptIO): PrRun {
  const root = repositoryRoot(options.cwd);
  const head = resolveCommit(root, options.head ?? 'HEAD');
  const base = mergeBase(root, resolveCommit(root, options.base), head);
  const loader = options.config === false ? null : new ConfigLoader(io);
  const files: FileReview[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const changed of parseChangedLines(changedLinesDiff(root, base, head))) {
    let text: string;
    try {
      text = decodeScript(showFile(root, head, changed.path));
    } catch (err) {
      if (!(err instanceof NotTextError)) throw err;
      if (isScriptFile(changed.path, '')) skipped.push({ path: changed.path, reason: err.message });
      continue;
    }
    if (!isScriptFile(changed.path, text)) continue;
    const abs = join(root, changed.path);
    const loaded = loader?.configFor(abs) ?? null;
    if (loaded && isExcludedByConfig(loaded, abs)) continue;
    const fix = mergeFixOptions(options.fix, loaded && resolveFileConfig(loaded, abs));
    const result = fixScript(text, { ...fix, path: changed.path, readSource: sourceReader(io, root), sourceRoot: '.' });
    const cause = findSkipCause(result);
    if (cause) {
      skipped.push({ path: changed.path, reason: `${cause.line}:${cause.column}: ${cause.message}` });
      continue;
    }
    files.push(reviewFile({ path: changed.path, text, result, changed, allLines: options.allLines ?? false }));
  }
  return { root, mergeBase: base, head, files, skipped };
}
