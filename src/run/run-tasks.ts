// Running a planned list of files, on worker threads when there are enough of them to pay for
// starting the threads. Results keep the plan's order whatever finishes first, so the output is
// the same for every --jobs. An abort signal (Ctrl-C) stops handing out files: the files being
// written finish, none is left half-done, and the rest are not touched.

import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { FileResult, RunResult } from '../run-result.js';
import { nodeIO } from './node-io.js';
import { planRun } from './plan-run.js';
import { describeFixError, runFile, type FileRunOptions, type FileTask } from './run-file.js';
import type { RunOptions } from './run-paths.js';
import type { ResultMessage, TaskMessage } from './run-worker.js';

export interface TaskRunOptions {
  /** Worker threads at most; default: the available cores. 1 runs everything in this thread. */
  readonly jobs?: number;
  readonly signal?: AbortSignal;
  /** Called after each file. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TaskRun {
  /** In task order; `undefined` for a file not run because the run was aborted. */
  readonly results: readonly (FileResult | undefined)[];
  /** Worker threads used; 0 when the files ran in this thread. */
  readonly workers: number;
}

/** Below this many files per thread, starting a thread (it loads nounset, ~40 ms) costs more
 * than it saves: a pre-commit run on a few files stays in this thread. */
const MIN_FILES_PER_WORKER = 16;

export function workerCount(tasks: number, jobs = availableParallelism()): number {
  const n = Math.min(jobs, Math.floor(tasks / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

export async function runTasks(tasks: readonly FileTask[], options: FileRunOptions, run: TaskRunOptions = {}): Promise<TaskRun> {
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(tasks.length).fill(undefined);
  const workers = workerCount(tasks.length, run.jobs);
  let done = 0;
  const record = (index: number, result: FileResult): void => {
    results[index] = result;
    run.onProgress?.(++done, tasks.length);
  };
  const left = workers > 0 ? await runOnWorkers(tasks, options, run, workers, record) : tasks.map((_, i) => i);
  // In this thread: all files, or those a crashed worker never got to.
  for (const index of left) {
    if (run.signal?.aborted) break;
    record(index, runFile(tasks[index] as FileTask, options, nodeIO));
    // Lets a Ctrl-C handler run between two files.
    await nextTurn();
  }
  return { results, workers };
}

/** Hands files out one at a time to `count` workers; resolves with the indexes never handed out
 * (when every worker died) once the workers have stopped. */
function runOnWorkers(tasks: readonly FileTask[], options: FileRunOptions, run: TaskRunOptions, count: number, record: (index: number, result: FileResult) => void): Promise<number[]> {
  let next = 0;
  let live = count;
  return new Promise((finish) => {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./run-worker.js', import.meta.url), { workerData: options });
      let current: number | undefined;
      let failure = 'it stopped';
      const feed = (): void => {
        if (run.signal?.aborted || next >= tasks.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, task: tasks[current] as FileTask } satisfies TaskMessage);
      };
      worker.on('message', (m: ResultMessage) => {
        record(m.index, m.result);
        feed();
      });
      worker.on('error', (err) => {
        failure = err.message;
      });
      worker.on('exit', () => {
        if (current !== undefined) record(current, { path: (tasks[current] as FileTask).path, status: 'error', error: describeFixError(new Error(`a worker thread failed: ${failure}`)) });
        if (--live === 0) finish(Array.from({ length: tasks.length - next }, (_, k) => next + k));
      });
      feed();
    }
  });
}

export interface ParallelRun {
  readonly run: RunResult;
  /** Files planned but not run, because the run was aborted. */
  readonly notRun: number;
  readonly workers: number;
}

/** runPaths on worker threads: the same result, in the same order, for every `jobs`. */
export async function runPathsParallel(paths: readonly string[], options: RunOptions, run: TaskRunOptions = {}): Promise<ParallelRun> {
  const planned = planRun(paths, options, nodeIO);
  const tasks = planned.flatMap((p) => ('task' in p ? [p.task] : []));
  const ran = await runTasks(tasks, { cwd: options.cwd, write: options.write, ...(options.maxSize !== undefined ? { maxSize: options.maxSize } : {}) }, run);
  let k = 0;
  const files = planned.flatMap((p) => {
    if (!('task' in p)) return [p.result];
    const result = ran.results[k++];
    return result ? [result] : [];
  });
  return { run: { wrote: options.write, files }, notRun: ran.results.filter((r) => r === undefined).length, workers: ran.workers };
}
