// Running a planned list of files, on worker threads when there are enough of them to pay for
// starting the threads. Results keep the plan's order whatever finishes first, so the output is
// the same for every --jobs. An abort signal (Ctrl-C) stops handing out files: the files being
// written finish, none is left half-done, and the rest are not touched.

import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { nodeIO } from '../io/index.js';
import { workerThreads } from '../lazy-builtin.js';
import type { FileResult, RunResult } from '../types/index.js';
import type { FactsStats } from './facts-cache.js';
import { planRun } from './plan-run.js';
import { addCacheStats, type CacheStats, noCacheStats, trimCache } from './result-cache.js';
import { describeFixError, type FileRunOptions, type FileTask, fileRunContext, runFile } from './run-file.js';
import type { RunOptions } from './run-paths.js';
import type { ResultMessage, TaskMessage, WorkerSetup } from './run-worker.js';
import type { Snapshot } from './snapshot.js';

export interface TaskRunOptions {
  /** Threads at most, this one included; default: defaultJobs(). 1 runs everything in this thread. */
  readonly jobs?: number;
  readonly signal?: AbortSignal;
  /** Called after each file. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once with the files to fix, before any is fixed. */
  readonly onStart?: (tasks: readonly FileTask[]) => void;
  /** Files each thread must have for a worker to start (default 16); tests lower it to run a few
   * files on workers. */
  readonly minFilesPerThread?: number;
  /** runPathsParallel calls it with each file's result in path order, as soon as that file and
   * every one before it are done, and keeps what it returns of the file (default: all of it). A
   * caller that prints each file there, and keeps only what the closing lines need, runs in memory
   * that does not grow with the files' texts. */
  readonly onFile?: (file: FileResult) => FileResult;
}

export interface TaskRun {
  /** Files not run because the run was aborted. */
  readonly notRun: number;
  /** Threads that fixed files: this one plus its workers; 1 when no worker was started. */
  readonly threads: number;
  /** The result cache's counts over every thread; null without a cache. */
  readonly cache: CacheStats | null;
}

/** Below this many files per thread, starting a thread (it loads nounset, ~40 ms) costs more
 * than it saves: a pre-commit run on a few files stays in this thread. */
const MIN_FILES_PER_THREAD = 16;
/** Batches a worker may hold at once: it starts the next while its last result travels back. */
const BATCHES_AHEAD = 2;
const MAX_BATCH = 16;

/** The default --jobs: the available cores, except on two or fewer. A 2-vCPU machine is mostly one
 * core's two hyperthreads, and one thread already keeps the second busy with V8's concurrent
 * garbage collection: measured on one (bench:cli), two threads took 3.2 s where one took 2.9 s. */
export function defaultJobs(cores = availableParallelism()): number {
  return cores > 2 ? cores : 1;
}

/** Threads for a run of `tasks` files: this thread always works, plus `threads - 1` workers. */
export function threadCount(tasks: number, jobs = defaultJobs(), minFilesPerThread = MIN_FILES_PER_THREAD): number {
  return Math.max(1, Math.min(jobs, Math.floor(tasks / Math.max(1, minFilesPerThread))));
}

/** Hands out task indexes in batches: large while much is left (one message per batch, not per
 * file), down to single files at the end so no thread is left with a long tail. */
class TaskQueue {
  next = 0;
  constructor(
    readonly total: number,
    private readonly threads: number,
    private readonly signal: AbortSignal | undefined,
  ) {}
  take(): number[] {
    if (this.signal?.aborted) return [];
    const left = this.total - this.next;
    const size = Math.min(left, Math.max(1, Math.min(MAX_BATCH, Math.floor(left / (this.threads * 4)))));
    const batch = Array.from({ length: size }, (_, k) => this.next + k);
    this.next += batch.length;
    return batch;
  }
}

/** Runs `tasks`, files of the run whose pre-run bytes `snapshot` holds, on up to `run.jobs` threads,
 * and hands each result to `deliver` with its task's index, in whatever order they finish. */
export async function runTasks(
  tasks: readonly FileTask[],
  snapshot: Snapshot,
  options: FileRunOptions,
  run: TaskRunOptions,
  deliver: (index: number, result: FileResult) => void,
): Promise<TaskRun> {
  run.onStart?.(tasks);
  const threads = threadCount(tasks.length, run.jobs, run.minFilesPerThread);
  const queue = new TaskQueue(tasks.length, threads, run.signal);
  // This thread's cache entries are written on a thread of their own; workers write their own.
  const ctx = fileRunContext(options, nodeIO, snapshot, true);
  let done = 0;
  const record = (index: number, result: FileResult): void => {
    deliver(index, result);
    done++;
    run.onProgress?.(done, tasks.length);
  };
  const workers =
    threads > 1
      ? startWorkers(tasks, { options, snapshot }, queue, threads - 1, record)
      : { stopped: Promise.resolve([]) };
  // This thread works too, a batch at a time, yielding between batches so the workers' results
  // are taken in (and refilled) and a Ctrl-C handler can run.
  for (let batch = queue.take(); batch.length > 0; batch = queue.take()) {
    for (const index of batch) record(index, runFile(tasks[index] as FileTask, ctx));
    await nextTurn();
  }
  const workerStats = await workers.stopped;
  await ctx.cache?.settle();
  let cache: CacheStats | null = null;
  if (ctx.cache) {
    cache = noCacheStats();
    for (const stats of [ctx.cache.stats, ...workerStats]) addCacheStats(cache, stats);
  }
  return { notRun: tasks.length - done, threads, cache };
}

/** Starts `count` workers that take batches from `queue` until it is empty or aborted; `stopped`
 * resolves when all have exited. A worker that dies has its unfinished files reported as errors. */
function startWorkers(
  tasks: readonly FileTask[],
  setup: WorkerSetup,
  queue: TaskQueue,
  count: number,
  record: (index: number, result: FileResult) => void,
): { stopped: Promise<CacheStats[]> } {
  const exits: Promise<CacheStats | null>[] = [];
  for (let i = 0; i < count; i++) {
    const worker = new (workerThreads().Worker)(new URL('./run-worker.js', import.meta.url), { workerData: setup });
    let stats: CacheStats | null = null;
    const pending = new Set<number>();
    let failure = 'it stopped';
    let held = 0;
    const feed = (): void => {
      while (held < BATCHES_AHEAD) {
        const batch = queue.take();
        if (batch.length === 0) break;
        for (const index of batch) pending.add(index);
        held++;
        worker.postMessage({
          batch: batch.map((index) => ({ index, task: tasks[index] as FileTask })),
        } satisfies TaskMessage);
      }
      if (held === 0) void worker.terminate();
    };
    worker.on('message', (m: ResultMessage) => {
      held--;
      if (m.cache) stats = m.cache;
      for (const { index, result } of m.results) {
        pending.delete(index);
        record(index, result);
      }
      feed();
    });
    worker.on('error', (err) => {
      failure = err.message;
    });
    exits.push(
      new Promise((resolve) => {
        worker.on('exit', () => {
          for (const index of pending)
            record(index, {
              path: (tasks[index] as FileTask).path,
              status: 'error',
              error: describeFixError(new Error(`a worker thread failed: ${failure}`)),
            });
          resolve(stats);
        });
      }),
    );
    feed();
  }
  return { stopped: Promise.all(exits).then((all) => all.filter((s): s is CacheStats => s !== null)) };
}

export interface ParallelRun {
  readonly run: RunResult;
  /** Files planned but not run, because the run was aborted. */
  readonly notRun: number;
  /** Threads that fixed files (1: this thread alone). */
  readonly threads: number;
  /** The result cache's counts; null when the run had no cache. */
  readonly cache: CacheStats | null;
  /** How many files' facts (what each tells the others) came from the cache directory, and how
   * many were read for them; null when the run had no cache. */
  readonly facts: FactsStats | null;
}

/** runPaths on worker threads: the same result, in the same order, for every `jobs`. */
export async function runPathsParallel(
  paths: readonly string[],
  options: RunOptions,
  run: TaskRunOptions = {},
): Promise<ParallelRun> {
  const plan = planRun(paths, options, nodeIO);
  const tasks = plan.files.flatMap((p) => ('task' in p ? [p.task] : []));
  const fileOptions: FileRunOptions = {
    cwd: options.cwd,
    write: options.write,
    ...(options.cache ? { cache: options.cache } : {}),
  };
  // In path order: a file's result waits only for those before it (run.onFile).
  const files: (FileResult | undefined)[] = plan.files.map((p) => ('task' in p ? undefined : p.result));
  const at = plan.files.flatMap((p, i) => ('task' in p ? [i] : []));
  const keep = run.onFile ?? ((f: FileResult): FileResult => f);
  let next = 0;
  const pass = (skipMissing: boolean): void => {
    for (; next < files.length; next++) {
      const f = files[next];
      if (f !== undefined) files[next] = keep(f);
      else if (!skipMissing) return;
    }
  };
  pass(false);
  const ran = await runTasks(tasks, plan.snapshot, fileOptions, run, (index, result) => {
    files[at[index] as number] = result;
    pass(false);
  });
  // After Ctrl-C, the files that were not run leave gaps: the rest are passed on all the same.
  pass(true);
  if (options.cache && ran.cache) trimCache(options.cache, ran.cache);
  // What the scripts told (facts-cache.ts) goes into the same directory: one warning for both.
  const cache =
    plan.cacheError === undefined
      ? ran.cache
      : { ...(ran.cache ?? noCacheStats()), writeError: ran.cache?.writeError ?? plan.cacheError };
  return {
    run: { wrote: options.write, files: files.filter((f): f is FileResult => f !== undefined) },
    notRun: ran.notRun,
    threads: ran.threads,
    cache,
    facts: plan.facts ?? null,
  };
}
