// A worker thread of a run (run-tasks.ts): fixes the files the main thread sends, one at a time,
// and sends each result back. The shared options come as workerData.

import { parentPort, workerData } from 'node:worker_threads';
import type { FileResult } from '../run-result.js';
import { nodeIO } from './node-io.js';
import { describeFixError, runFile, type FileRunOptions, type FileTask } from './run-file.js';

export interface TaskMessage {
  readonly index: number;
  readonly task: FileTask;
}

export interface ResultMessage {
  readonly index: number;
  readonly result: FileResult;
}

const options = workerData as FileRunOptions;
const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread only');

port.on('message', ({ index, task }: TaskMessage) => {
  let result: FileResult;
  try {
    result = runFile(task, options, nodeIO);
  } catch (err) {
    // Options were checked before the run started; anything thrown here is a bug, reported per file.
    result = { path: task.path, status: 'error', error: describeFixError(err) };
  }
  port.postMessage({ index, result } satisfies ResultMessage);
});
