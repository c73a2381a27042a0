// Node built-ins that only some commands use (child_process for `pr`, crypto for review prints and
// the result cache, worker_threads for many files, zlib for cache entries), required on first use:
// loaded at start, each cost 5-10 ms of every run, a pre-commit hook on one file included.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A getter that requires `id` the first time it is called. */
export function lazyBuiltin<T>(id: string): () => T {
  let module: T | undefined;
  return () => (module ??= load(id) as T);
}

/** The built-ins more than one module uses, each required on first use. */
export const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto');
export const workerThreads = lazyBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
export const zlib = lazyBuiltin<typeof import('node:zlib')>('node:zlib');
