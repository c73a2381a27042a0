// A worker thread of a run (run-tasks.ts): fixes the batches of files the main thread sends and
// sends back each batch's results in one message. The shared options and the run's snapshot (whose
// bytes are shared, not copied) come as workerData.

import { parentPort, workerData } from 'node:worker_threads';
import { nodeIO } from '../io/index.js';
import type { FileResult } from '../types/index.js';
import type { CacheStats } from './result-cache.js';
import { describeFixError, type FileRunOptions, type FileTask, fileRunContext, runFile } from './run-file.js';
import type { Snapshot } from './snapshot.js';

export interface WorkerSetup {
  readonly options: FileRunOptions;
  readonly snapshot: Snapshot;
}

export interface TaskMessage {
  readonly batch: readonly { readonly index: number; readonly task: FileTask }[];
}

export interface ResultMessage {
  readonly results: readonly { readonly index: number; readonly result: FileResult }[];
  /** This worker's cache counts so far. */
  readonly cache?: CacheStats;
}

const setup = workerData as WorkerSetup;
const ctx = fileRunContext(setup.options, nodeIO, setup.snapshot);
const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread only');

function fixOne(task: FileTask): FileResult {
  try {
    return runFile(task, ctx);
  } catch (err) {
    // Options were checked before the run started; anything thrown here is a bug, reported per file.
    return { path: task.path, status: 'error', error: describeFixError(err) };
  }
}

port.on('message', ({ batch }: TaskMessage) => {
  const results = batch.map(({ index, task }) => ({ index, result: fixOne(task) }));
  port.postMessage({ results, ...(ctx.cache ? { cache: ctx.cache.stats } : {}) } satisfies ResultMessage);
});
