// A run over files and directories, in this thread: find the scripts, fix each one, write the
// changed ones (or, in a dry run, nothing). One file's failure becomes its result and the run
// goes on. run-tasks.ts runs the same files on worker threads.

import type { ScriptIO } from '../io/index.js';
import type { RunResult } from '../types/index.js';
import { type PlanOptions, planRun } from './plan-run.js';
import { trimCache } from './result-cache.js';
import { type FileRunOptions, fileRunContext, runFile } from './run-file.js';

export { DEFAULT_MAX_SIZE, findSkipCause, isSkipCause } from './run-file.js';

export interface RunOptions extends PlanOptions, FileRunOptions {}

/** True when any file failed: an error, or a diagnostic of severity `error` (a parse error...). */
export function hasFailures(run: RunResult): boolean {
  return run.files.some(
    (f) => f.status === 'error' || (f.result?.diagnostics.some((d) => d.severity === 'error') ?? false),
  );
}

/** Fixes every script under `paths` (files are always taken, directories walked); writes only
 * changed files, and only when `write`. Throws UsageError on bad options or configuration,
 * before touching any file. */
export function runPaths(paths: readonly string[], options: RunOptions, io: ScriptIO): RunResult {
  const plan = planRun(paths, options, io);
  const ctx = fileRunContext(
    { cwd: options.cwd, write: options.write, ...(options.cache ? { cache: options.cache } : {}) },
    io,
    plan.snapshot,
  );
  const files = plan.files.map((p) => ('task' in p ? runFile(p.task, ctx) : p.result));
  if (ctx.cache && options.cache) trimCache(options.cache, ctx.cache.stats);
  return { wrote: options.write, files };
}
