// The result cache's writer thread (cache-store.ts's backgroundStore): writes the entries the run's
// main thread hands it, in order, and answers null with the first failure. After a failure it
// writes nothing more: the run goes on without a cache, as it does when the main thread fails.

import { parentPort, workerData } from 'node:worker_threads';
import { describeIOError } from '../io/index.js';
import { type WriterMessage, type WriterReply, writeEntry } from './cache-store.js';

const dir = workerData as string;
const port = parentPort;
if (!port) throw new Error('cache-writer.js runs as a worker thread only');
const made = new Set<string>();
let failure: string | undefined;

port.on('message', (m: WriterMessage) => {
  if (m === null) {
    port.postMessage((failure === undefined ? {} : { failure }) satisfies WriterReply);
    return;
  }
  for (const { name, parts } of m) {
    if (failure !== undefined) return;
    try {
      writeEntry(dir, name, parts, made);
    } catch (err) {
      failure = describeIOError(err);
    }
  }
});
