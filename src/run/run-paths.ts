// A run over files and directories: find the scripts, fix each one, write the changed ones (or,
// in a dry run, nothing). One file's failure becomes its result and the run goes on.

import { resolve } from 'node:path';
import { NounsetError, UsageError } from '../errors.js';
import { unifiedDiff } from '../report/diff.js';
import type { Diagnostic, FixOptions, FixResult } from '../result.js';
import type { FileResult, RunResult } from '../run-result.js';
import { findScripts } from './find-scripts.js';
import { fixScript } from './fix-script.js';
import { describeIOError, type EntryStat, type ScriptIO } from './io.js';
import { replaceFile } from './replace-file.js';

export interface RunOptions {
  /** Absolute; paths are resolved against it and shown relative to it. */
  readonly cwd: string;
  /** Write changed files; `false` is a dry run that writes nothing. */
  readonly write: boolean;
  /** Passed to fixScript for every file (`path` is set per file). */
  readonly fix: Omit<FixOptions, 'path'>;
  /** Larger files are not read (default 5 MB): a generated or binary file, not a script to edit. */
  readonly maxSize?: number;
  /** Gitignore-style patterns walking skips; named files are always taken. */
  readonly exclude?: readonly string[];
  /** Honour `.gitignore` files while walking (default true). */
  readonly gitignore?: boolean;
}

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

/** The diagnostic that made nounset leave a file alone: it does not parse, is written for another
 * shell, or cannot be fixed safely as it is. */
export function findSkipCause(result: FixResult): Diagnostic | undefined {
  if (result.changed) return undefined;
  return result.diagnostics.find((d) => d.severity === 'error' || d.code === 'unsupported-shell' || d.code === 'disabled');
}

/** True when any file failed: an error, or a diagnostic of severity `error` (a parse error...). */
export function hasFailures(run: RunResult): boolean {
  return run.files.some((f) => f.status === 'error' || (f.result?.diagnostics.some((d) => d.severity === 'error') ?? false));
}

function describeFixError(err: unknown): string {
  if (err instanceof NounsetError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message} (this is a bug in nounset: please report it with the script)`;
}

function runFile(path: string, options: RunOptions, io: ScriptIO): FileResult {
  const abs = resolve(options.cwd, path);
  const failed = (error: string, more: Partial<FileResult> = {}): FileResult => ({ path, status: 'error', error, ...more });
  let stat: EntryStat;
  try {
    stat = io.lstat(abs);
  } catch (err) {
    return failed(`cannot read: ${describeIOError(err)}`);
  }
  // As shfmt -w does: replacing a link would turn it into a file, writing through it edits a file not named.
  if (stat.kind === 'symlink') return failed('is a symlink; nounset only rewrites regular files, so name the file it points to');
  if (stat.kind !== 'file') return failed('not a regular file');
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (stat.size > maxSize) return failed(`skipped: ${stat.size} bytes, larger than --max-size ${maxSize}`);
  let text: string;
  try {
    text = io.readFile(abs);
  } catch (err) {
    return failed(`cannot read: ${describeIOError(err)}`);
  }
  let result: FixResult;
  try {
    result = fixScript(text, { ...options.fix, path });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return failed(describeFixError(err));
  }
  if (findSkipCause(result)) return { path, status: 'skipped', result };
  if (!result.changed) return { path, status: 'unchanged', result };
  const diff = unifiedDiff(path, text, result.output);
  if (options.write) {
    const problem = replaceFile(io, { path: abs, text: result.output, mode: stat.mode });
    if (problem !== null) return failed(problem, { result, diff });
  }
  return { path, status: 'changed', result, diff };
}

/** Fixes every script under `paths` (files are always taken, directories walked); writes only
 * changed files, and only when `write`. Throws UsageError on bad fix options, before touching any file. */
export function runPaths(paths: readonly string[], options: RunOptions, io: ScriptIO): RunResult {
  // The options are checked on an empty script, so bad ones fail even when no script is found.
  fixScript('', options.fix);
  const find = { cwd: options.cwd, ...(options.exclude ? { exclude: options.exclude } : {}), ...(options.gitignore === false ? { gitignore: false } : {}) };
  const files = findScripts(paths, find, io).map((found): FileResult =>
    found.error === undefined ? runFile(found.path, options, io) : { path: found.path, status: 'error', error: found.error },
  );
  return { wrote: options.write, files };
}
