// A persistent cache of fix results, so that a run over files that did not change costs little more
// than reading them. An entry is found by a key made of what decides fixScript's result and is known
// before it runs: nounset's version and build, the file's path and bytes, and its options (command
// line, configuration, what the run found in the other files). What the fix read besides — each
// sourced path it asked for, and what that read gave, nothing included — is recorded in the entry
// and checked at every hit, so a changed library misses. An entry carries a checksum: one that does
// not check, parse or match its key is ignored and written again, never trusted.

import { describeIOError } from '../io/index.js';
import { crypto } from '../lazy-builtin.js';
import type { FixOptions } from '../types/index.js';
import { type CacheDep, type CachedFix, decodeEntry, encodeEntry } from './cache-entry.js';
import { type CacheStore, diskStore, trimStore } from './cache-store.js';

export type { CacheDep, CachedFix } from './cache-entry.js';

/** Where the cache is and what it is for; plain data, sent to worker threads. */
export interface CacheConfig {
  /** Absolute. */
  readonly dir: string;
  /** nounset's version and build: entries of another build are never used. */
  readonly version: string;
  /** The bound trimming keeps the cache under. */
  readonly maxBytes: number;
}

export const DEFAULT_CACHE_BYTES = 100 * 1024 * 1024;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries written, and their bytes. */
  writes: number;
  bytesWritten: number;
  /** Why entries could not be written (the first failure); the run goes on without them. */
  writeError?: string;
}

/** Counts of a cache nothing was asked of yet. */
export function noCacheStats(): CacheStats {
  return { hits: 0, misses: 0, writes: 0, bytesWritten: 0 };
}

export interface ResultCache {
  /** The fix cached under `key`, when every file it read still reads the same (`digest`); `text`
   * gives the file's text (an unchanged file's output, which the entry leaves out). */
  get(key: string, text: () => string, digest: (path: string) => string): CachedFix | undefined;
  put(key: string, deps: readonly CacheDep[], fixed: CachedFix, text: string): void;
  /** Waits for the entries put so far to be written (a store may write them on another thread);
   * a failure becomes `stats.writeError`. */
  settle(): Promise<void>;
  readonly stats: CacheStats;
}

/** In the key: a change of what keys mean starts afresh. */
const KEY_FORMAT = 'nounset-cache-key 1';

/** JSON with object keys sorted, so equal options make equal keys whatever order built them.
 * Objects and arrays already written are remembered by identity: the run gives every file the
 * same list of line-reporting functions, written once per thread. */
function stableJson(value: unknown, seen: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = seen.get(value);
  if (known !== undefined) return known;
  let out: string;
  if (Array.isArray(value)) out = `[${value.map((v: unknown) => stableJson(v, seen)).join(',')}]`;
  else {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k], seen)}`).join(',')}}`;
  }
  seen.set(value, out);
  return out;
}

/** A thread's means to name entries: hex SHA-256 of everything known before a fix runs. */
export function cacheKeys(
  config: CacheConfig,
): (path: string, fix: Omit<FixOptions, 'path'>, bytes: Uint8Array) => string {
  const seen = new WeakMap<object, string>();
  const prefix = `${JSON.stringify(KEY_FORMAT)},${JSON.stringify(config.version)}`;
  return (path, fix, bytes) => {
    const content = crypto().createHash('sha256').update(bytes).digest('base64url');
    return crypto()
      .createHash('sha256')
      .update(`[${prefix},${JSON.stringify(path)},${stableJson(fix, seen)},${JSON.stringify(content)}]`)
      .digest('hex');
  };
}

/** The entry's name for one file (cacheKeys, for a single use). */
export function cacheKey(config: CacheConfig, path: string, fix: Omit<FixOptions, 'path'>, bytes: Uint8Array): string {
  return cacheKeys(config)(path, fix, bytes);
}

/** One thread's view of the cache in `config.dir`. */
export function openResultCache(config: CacheConfig, store: CacheStore = diskStore(config.dir)): ResultCache {
  const stats = noCacheStats();
  return {
    stats,
    get(key, text, digest) {
      const bytes = store.read(key);
      const fixed = bytes && decodeEntry(bytes, key, text, digest);
      if (!fixed) {
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      return fixed;
    },
    put(key, deps, fixed, text) {
      // Once writing failed (no permission, a full disk), this run stops trying.
      if (stats.writeError !== undefined) return;
      const parts = encodeEntry(key, deps, fixed, text);
      try {
        store.write(key, parts);
        stats.writes++;
        stats.bytesWritten += parts[0].length + parts[1].length;
      } catch (err) {
        stats.writeError = describeIOError(err);
      }
    },
    async settle() {
      try {
        await store.settle?.();
      } catch (err) {
        stats.writeError ??= describeIOError(err);
      }
    },
  };
}

/** Adds one thread's counts to another's. */
export function addCacheStats(into: CacheStats, more: CacheStats): void {
  into.hits += more.hits;
  into.misses += more.misses;
  into.writes += more.writes;
  into.bytesWritten += more.bytesWritten;
  if (into.writeError === undefined && more.writeError !== undefined) into.writeError = more.writeError;
}

/** Trims the cache to its bound after a run that wrote entries (a run that only hit leaves it as
 * it is). trimStore skips what it cannot read or remove: a cache it cannot trim only takes room. */
export function trimCache(config: CacheConfig, stats: CacheStats): void {
  if (stats.bytesWritten > 0) trimStore(config.dir, config.maxBytes);
}
