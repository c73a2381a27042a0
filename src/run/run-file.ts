// One file of a run: read it, fix it, write it back when it changed (and the run writes). Every
// failure becomes the file's result, so one bad file never stops a run.

import { resolve } from 'node:path';
import { NounsetError, UsageError } from '../errors.js';
import { unifiedDiff } from '../report/diff.js';
import { diffFromEdits } from '../report/edit-diff.js';
import type { Diagnostic, FixOptions, FixResult } from '../result.js';
import type { FileResult } from '../run-result.js';
import { fixScript } from './fix-script.js';
import { sourceReader } from './source-reader.js';
import { describeIOError, fitsLatin1, NotTextError, readScriptText, type EntryStat, type ScriptIO, type ScriptText } from './io.js';
import { replaceFile } from './replace-file.js';

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

/** A file to fix, with the options that apply to it (command line and configuration merged). */
export interface FileTask {
  /** Relative to the working directory, with `/`. */
  readonly path: string;
  readonly fix: Omit<FixOptions, 'path'>;
}

/** What every file of a run shares; plain data, so it can be sent to a worker thread. */
export interface FileRunOptions {
  /** Absolute; task paths are resolved against it. */
  readonly cwd: string;
  /** Write changed files; `false` is a dry run that writes nothing. */
  readonly write: boolean;
  /** Larger files are not read (default 5 MB): a generated or binary file, not a script to edit. */
  readonly maxSize?: number;
}

/** The diagnostic that made nounset leave a file alone: it does not parse, is written for another
 * shell, or cannot be fixed safely as it is. */
export function findSkipCause(result: FixResult): Diagnostic | undefined {
  if (result.changed) return undefined;
  return result.diagnostics.find((d) => d.severity === 'error' || d.code === 'unsupported-shell' || d.code === 'disabled');
}

/** What a file's result says when fixing it threw: a NounsetError's message, else a bug report request. */
export function describeFixError(err: unknown): string {
  if (err instanceof NounsetError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message} (this is a bug in nounset: please report it with the script)`;
}

/** Fixes one file. Throws only UsageError (bad options), which runs check before any file. */
export function runFile(task: FileTask, options: FileRunOptions, io: ScriptIO): FileResult {
  const { path } = task;
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
  let read: ScriptText;
  try {
    read = readScriptText(io, abs);
  } catch (err) {
    return failed(err instanceof NotTextError ? `skipped: ${err.message}` : `cannot read: ${describeIOError(err)}`);
  }
  const { text, encoding } = read;
  // Not UTF-8: the text holds the file's bytes, one per character, and so must every output.
  const latin1 = encoding === 'latin1' ? ({ encoding } as const) : {};
  let result: FixResult;
  try {
    // Task paths are relative to the working directory: `.` is the root ShellCheck resolves from.
    result = fixScript(text, { ...task.fix, path, readSource: sourceReader(io, options.cwd), sourceRoot: '.' });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return failed(describeFixError(err));
  }
  if (findSkipCause(result)) return { path, status: 'skipped', result, ...latin1 };
  if (!result.changed) return { path, status: 'unchanged', result, ...latin1 };
  if (encoding === 'latin1' && !fitsLatin1(result.output)) {
    return failed('the fix would write characters beyond ISO-8859-1 into a file that is not UTF-8 (a --default value?); left as it is', { result, ...latin1 });
  }
  const edits = result.edits.map((e) => ({ start: e.start, end: e.end, text: e.after }));
  const diff = diffFromEdits(path, text, result.output, edits) ?? unifiedDiff(path, text, result.output);
  if (options.write) {
    const owner = stat.uid !== undefined && stat.gid !== undefined ? { uid: stat.uid, gid: stat.gid } : undefined;
    const problem = replaceFile(io, { path: abs, text: result.output, encoding, mode: stat.mode, expect: text, ...(owner ? { owner } : {}) });
    if (problem !== null) return failed(problem, { result, diff, ...latin1 });
  }
  return { path, status: 'changed', result, diff, ...latin1 };
}
