// One file of a run: fix it from the run's snapshot (through the result cache, when the run has
// one), write it back when it changed (and the run writes). Every failure becomes the file's
// result, so one bad file never stops a run.

import { resolve } from 'node:path';
import { NounsetError, UsageError } from '../errors.js';
import { fixScript } from '../fix/index.js';
import { fitsLatin1, type ScriptIO } from '../io/index.js';
import { diffFromEdits, unifiedDiff } from '../report/index.js';
import type { Diagnostic, FileResult, FixOptions, FixResult } from '../types/index.js';
import { backgroundStore, diskStore } from './cache-store.js';
import { replaceFile } from './replace-file.js';
import {
  type CacheConfig,
  type CacheDep,
  type CachedFix,
  cacheKeys,
  openResultCache,
  type ResultCache,
} from './result-cache.js';
import { type Snapshot, type SnapshotFile, snapshotBytes } from './snapshot.js';
import { type SourceFiles, snapshotSources } from './source-reader.js';

export { DEFAULT_MAX_SIZE } from './snapshot.js';

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
  /** The persistent result cache (result-cache.ts); none without it. */
  readonly cache?: CacheConfig;
}

/** One thread's means to run files: the run's snapshot, the thread's reader of sourced files and
 * view of the cache, and the IO that writes. */
export interface FileRunContext {
  readonly options: FileRunOptions;
  readonly io: ScriptIO;
  readonly snapshot: Snapshot;
  readonly sources: SourceFiles;
  readonly cache: ResultCache | null;
  /** Names cache entries (result-cache.ts); with `cache`. */
  readonly cacheKey: ((path: string, fix: Omit<FixOptions, 'path'>, bytes: Uint8Array) => string) | null;
}

/** A thread's context for a run over `snapshot`. With `background`, its cache entries are written on
 * a thread of their own (cache-store.ts's backgroundStore; the cache's `settle` waits for them). */
export function fileRunContext(
  options: FileRunOptions,
  io: ScriptIO,
  snapshot: Snapshot,
  background = false,
): FileRunContext {
  const { cache } = options;
  return {
    options,
    io,
    snapshot,
    sources: snapshotSources(snapshot, io, options.cwd),
    cache: cache ? openResultCache(cache, background ? backgroundStore(cache.dir) : diskStore(cache.dir)) : null,
    cacheKey: cache ? cacheKeys(cache) : null,
  };
}

/** Notes of a file left alone on purpose. */
const SKIP_CODES: ReadonlySet<string> = new Set(['unsupported-shell', 'disabled', 'generated']);

/** Whether a diagnostic, on a file left unchanged, is why nounset left it alone: it does not
 * parse, is written for another shell, is generated or disabled, or cannot be fixed safely. */
export function isSkipCause(d: Diagnostic): boolean {
  return d.severity === 'error' || SKIP_CODES.has(d.code);
}

/** The diagnostic that made nounset leave a file alone (isSkipCause). */
export function findSkipCause(result: FixResult): Diagnostic | undefined {
  if (result.changed) return undefined;
  return result.diagnostics.find(isSkipCause);
}

/** What a file's result says when fixing it threw: a NounsetError's message, else a bug report request. */
export function describeFixError(err: unknown): string {
  if (err instanceof NounsetError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message} (this is a bug in nounset: please report it with the script)`;
}

/** The unified diff of a result that changed the script; undefined for one that did not. */
export function fixDiff(path: string, text: string, result: FixResult): string | undefined {
  if (!result.changed) return undefined;
  const edits = result.edits.map((e) => ({ start: e.start, end: e.end, text: e.after }));
  return diffFromEdits(path, text, result.output, edits) ?? unifiedDiff(path, text, result.output);
}

/** A file of the run: its bytes, and its text, decoded when first asked for (a cache hit of a dry
 * run may never need it). */
interface RunText {
  readonly file: SnapshotFile;
  readonly bytes: Buffer;
  readonly text: () => string;
}

/** fixScript on `text` with the task's options, its edits counted, and, when it changed, its
 * unified diff. */
function fixWith(task: FileTask, text: string, readSource: (path: string) => string | null): CachedFix {
  const { path } = task;
  // Task paths are relative to the working directory: `.` is the root ShellCheck resolves from.
  const result = fixScript(text, { ...task.fix, path, readSource, sourceRoot: '.' });
  return { result, editCount: result.edits.length, ...optional('diff', fixDiff(path, text, result)) };
}

/** fixScript on the file's snapshot text, and the diff, through the cache when the run has one. */
function fixText(task: FileTask, read: RunText, ctx: FileRunContext): CachedFix {
  const { cache, cacheKey } = ctx;
  if (!cache || !cacheKey) return fixWith(task, read.text(), ctx.sources.read);
  const key = cacheKey(task.path, task.fix, read.bytes);
  const hit = cache.get(key, read.text, ctx.sources.digest);
  if (hit) return hit;
  const deps = new Map<string, string>();
  const readSource = (p: string): string | null => {
    deps.set(p, ctx.sources.digest(p));
    return ctx.sources.read(p);
  };
  const text = read.text();
  const fixed = fixWith(task, text, readSource);
  cache.put(key, [...deps] as CacheDep[], fixed, text);
  return fixed;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } =>
  value === undefined ? {} : ({ [key]: value } as { [k in K]?: V });

/** Fixes one file of the run, from its snapshot. Throws only UsageError (bad options), which runs
 * check before any file. */
export function runFile(task: FileTask, ctx: FileRunContext): FileResult {
  const { path } = task;
  const { options, io } = ctx;
  const abs = resolve(options.cwd, path);
  const failed = (error: string, more: Partial<FileResult> = {}): FileResult => ({
    path,
    status: 'error',
    error,
    ...more,
  });
  const file = ctx.snapshot.files.get(abs);
  if (!file) return failed(describeFixError(new Error("the file is not in the run's snapshot")));
  const bytes = snapshotBytes(ctx.snapshot, file);
  let decoded: string | undefined;
  const read: RunText = { file, bytes, text: () => (decoded ??= bytes.toString(file.encoding)) };
  const { encoding } = file;
  // Not UTF-8: the text holds the file's bytes, one per character, and so must every output.
  const latin1 = encoding === 'latin1' ? ({ encoding } as const) : {};
  let fixed: CachedFix;
  try {
    fixed = fixText(task, read, ctx);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return failed(describeFixError(err));
  }
  const { result, diff } = fixed;
  if (findSkipCause(result)) return { path, status: 'skipped', result, ...latin1 };
  if (!result.changed) return { path, status: 'unchanged', result, ...latin1 };
  if (encoding === 'latin1' && !fitsLatin1(result.output)) {
    return failed(
      'the fix would write characters beyond ISO-8859-1 into a file that is not UTF-8 (a --default value?); left as it is',
      { result, ...latin1 },
    );
  }
  if (options.write) {
    const { mode, uid, gid } = read.file;
    const owner = uid !== undefined && gid !== undefined ? { uid, gid } : undefined;
    const problem = replaceFile(io, {
      path: abs,
      text: result.output,
      encoding,
      mode,
      expect: read.text(),
      ...(owner ? { owner } : {}),
    });
    if (problem !== null) return failed(problem, { result, ...optional('diff', diff), ...latin1 });
  }
  return { path, status: 'changed', result, ...optional('diff', diff), editCount: fixed.editCount, ...latin1 };
}
