// A worker thread of a run (run-tasks.ts): fixes the batches of files the main thread sends and
// sends back each batch's results in one message. The shared options come as workerData.

import { parentPort, workerData } from 'node:worker_threads';
import type { FileResult } from '../run-result.js';
import { nodeIO } from './node-io.js';
import { describeFixError, runFile, type FileRunOptions, type FileTask } from './run-file.js';

export interface TaskMessage {
  readonly batch: readonly { readonly index: number; readonly task: FileTask }[];
}

export interface ResultMessage {
  readonly results: readonly { readonly index: number; readonly result: FileResult }[];
}

const options = workerData as FileRunOptions;
const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread only');

function fixOne(task: FileTask): FileResult {
  try {
    return runFile(task, options, nodeIO);
  } catch (err) {
    // Options were checked before the run started; anything thrown here is a bug, reported per file.
    return { path: task.path, status: 'error', error: describeFixError(err) };
  }
}

port.on('message', ({ batch }: TaskMessage) => {
  port.postMessage({ results: batch.map(({ index, task }) => ({ index, result: fixOne(task) })) } satisfies ResultMessage);
});
