// A cache store in memory (cache-store.ts's CacheStore), for tests of what is kept in it.

import type { CacheStore } from '../../src/run/cache-store.js';

export function memoryStore(): CacheStore & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    read: (name) => files.get(name) ?? null,
    write: (name, parts) => void files.set(name, Buffer.concat(parts)),
  };
}
