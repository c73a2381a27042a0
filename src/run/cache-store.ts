// The cache's files on disk (result-cache.ts says what is in them): one file per entry under
// DIR/v1/<2 hex>/, written to a temp file and renamed into place, so a reader (another run, at the
// same time) sees a whole entry or none; kept under a size bound by removing the least recently
// used entries. Failures are reported to the caller, which only ever loses time by them.

import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writevSync,
} from 'node:fs';
import { join } from 'node:path';
import { crypto, workerThreads } from '../lazy-builtin.js';

/** The layout's version: a change of the entry format gets a new directory. */
const LAYOUT = 'v1';
/** A hit refreshes an entry's time (what trimming goes by) at most this often. */
const TOUCH_AFTER_MS = 60 * 60 * 1000;
/** A temp file this old was left by a run that crashed: trimming removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Trimming goes below the bound by this much, so that it is not needed again at the next run. */
const TRIM_TO = 0.8;

export interface CacheStore {
  /** The entry's bytes; null when there is none or it cannot be read. */
  read(name: string): Buffer | null;
  /** Writes the entry (its parts one after the other) whole or not at all; throws on failure (a
   * full disk, no permission). */
  write(name: string, parts: readonly Uint8Array[]): void;
  /** For a store that writes on another thread: waits until every entry handed to `write` is
   * written, and throws the first failure. */
  settle?(): Promise<void>;
}

function entryPath(dir: string, name: string): string {
  return join(dir, LAYOUT, name.slice(0, 2), name);
}

function readWhole(path: string, now: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    // Not cached yet, or removed by a trim running at the same time: a miss.
    return null;
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const buf = Buffer.allocUnsafe(size);
    let done = 0;
    for (let n = -1; done < size && n !== 0; done += n) n = readSync(fd, buf, done, size - done, done);
    if (now - mtimeMs > TOUCH_AFTER_MS) touch(path, now);
    return done === size ? buf : buf.subarray(0, done);
  } catch {
    // Unreadable: a miss, and the entry is written again.
    return null;
  } finally {
    closeSync(fd);
  }
}

function touch(path: string, now: number): void {
  try {
    utimesSync(path, now / 1000, now / 1000);
  } catch {
    // A read-only cache is still used; its entries just age.
  }
}

/** Writes the entry `name` of the cache in `dir` whole or not at all (a temp file renamed into
 * place); `made` holds the subdirectories this thread already made. Throws on failure. */
export function writeEntry(dir: string, name: string, parts: readonly Uint8Array[], made: Set<string>): void {
  const path = entryPath(dir, name);
  const sub = join(path, '..');
  if (!made.has(sub)) {
    mkdirSync(sub, { recursive: true });
    made.add(sub);
  }
  // Unique to this process and thread: two runs writing one entry each rename a whole file.
  const temp = `${path}.${process.pid}-${workerThreads().threadId}-${crypto().randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writevSync(fd, parts as Uint8Array[]);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // It was never made, or the directory is gone: nothing is left either way.
    }
    throw err;
  }
}

/** The store in `dir` (created when first written). */
export function diskStore(dir: string): CacheStore {
  const made = new Set<string>();
  return {
    read: (name) => readWhole(entryPath(dir, name), Date.now()),
    write: (name, parts) => writeEntry(dir, name, parts, made),
  };
}

/** Writes this thread makes itself before a background store hands them to a writer thread: a
 * thread costs ~30 ms to start, more than a pre-commit run on a few files spends writing. */
const SYNC_WRITES = 32;

/** Entries handed to the writer thread in one message: each message wakes it, and on two busy
 * cores a wake-up per entry cost more than the writing it saved. */
const WRITER_BATCH = 16;

/** A message to the writer thread (cache-writer.ts): entries to write, or null to ask whether all
 * went well so far. */
export type WriterMessage = readonly { readonly name: string; readonly parts: readonly Uint8Array[] }[] | null;
/** The writer's answer to null: the first failure, if any (it writes nothing after one). */
export interface WriterReply {
  readonly failure?: string;
}

/** The store in `dir`, writing on a thread of its own after its first `syncWrites` entries: creating
 * files costs the kernel 0.2-0.5 ms each on ext4, a fifth of a cold run over many small scripts,
 * and another core can spend it while this one fixes the next files. `settle` waits for the
 * writes, reports the first failure, and stops the thread. */
export function backgroundStore(dir: string, syncWrites = SYNC_WRITES): CacheStore {
  const disk = diskStore(dir);
  let writes = 0;
  let writer: import('node:worker_threads').Worker | undefined;
  let died: string | undefined;
  let batch: { name: string; parts: readonly Uint8Array[] }[] = [];
  const post = (): void => {
    if (writer && batch.length > 0) writer.postMessage(batch satisfies WriterMessage);
    batch = [];
  };
  return {
    read: disk.read,
    write(name, parts) {
      if (writes++ < syncWrites) return disk.write(name, parts);
      if (died !== undefined) throw new Error(died);
      if (!writer) {
        writer = new (workerThreads().Worker)(new URL('./cache-writer.js', import.meta.url), { workerData: dir });
        // Only a pending settle keeps the process alive for it.
        writer.unref();
        writer.on('error', (err) => {
          died = `the cache writer thread failed: ${err.message}`;
        });
      }
      batch.push({ name, parts });
      if (batch.length >= WRITER_BATCH) post();
    },
    async settle() {
      post();
      const w = writer;
      if (!w) return;
      writer = undefined;
      w.ref();
      const reply = await new Promise<WriterReply>((resolve) => {
        w.once('message', resolve);
        w.once('exit', () => resolve({ failure: died ?? 'the cache writer thread stopped' }));
        w.postMessage(null satisfies WriterMessage);
      });
      await w.terminate();
      if (reply.failure !== undefined) throw new Error(reply.failure);
    },
  };
}

export interface TrimOutcome {
  /** Bytes in the cache after trimming: counted, or estimated from a sample (see `counted`). */
  readonly bytes: number;
  readonly removed: number;
  /** 'all': every entry was looked at; 'sample': a sample showed the cache under its bound. */
  readonly counted: 'all' | 'sample';
}

/** Subdirectories (of 256) a trim looks at first: the cache's size is estimated from them, and
 * the whole is counted only when that estimate is over the bound. A run that wrote one entry
 * into a 100 MB cache spent half its time counting 7,000 entries. */
const SAMPLE_SUBS = 16;
/** Below this many entries in the sample the estimate is too rough, and the cache is small
 * enough to count whole. */
const SAMPLE_MIN_ENTRIES = 64;

interface Counted {
  readonly entries: { path: string; size: number; mtimeMs: number }[];
  bytes: number;
  removed: number;
}

/** Counts the entries of the subdirectories `subs` of `root` into `into`, removing temp files
 * crashed runs left. */
function countSubs(root: string, subs: readonly string[], now: number, into: Counted): void {
  for (const sub of subs) {
    let names: string[];
    try {
      names = readdirSync(join(root, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(root, sub, name);
      try {
        const st = statSync(path);
        if (name.endsWith('.tmp')) {
          if (now - st.mtimeMs > STALE_TEMP_MS) {
            unlinkSync(path);
            into.removed++;
          }
          continue;
        }
        into.entries.push({ path, size: st.size, mtimeMs: st.mtimeMs });
        into.bytes += st.size;
      } catch {
        // Gone already (another run trimmed it).
      }
    }
  }
}

/** Removes the least recently used entries until the cache holds at most `maxBytes` (down to
 * TRIM_TO of it), and temp files crashed runs left. Entries are spread evenly over the
 * subdirectories (their names are digests), so a sample of them tells the size of a large cache
 * within a few percent: only when it says the cache is over its bound is the whole counted and
 * trimmed. The sample moves with `now`, so every subdirectory's old temp files go in time. Entries
 * another run removes at the same time are skipped; a run reading one then misses. */
export function trimStore(dir: string, maxBytes: number, now = Date.now()): TrimOutcome {
  const root = join(dir, LAYOUT);
  let subs: string[];
  try {
    subs = readdirSync(root).sort();
  } catch {
    return { bytes: 0, removed: 0, counted: 'all' };
  }
  const counted: Counted = { entries: [], bytes: 0, removed: 0 };
  let rest = subs;
  if (subs.length > SAMPLE_SUBS) {
    const from = Math.floor(now / 1000) % subs.length;
    const picked = new Set(Array.from({ length: SAMPLE_SUBS }, (_, k) => (from + k) % subs.length));
    countSubs(
      root,
      subs.filter((_, i) => picked.has(i)),
      now,
      counted,
    );
    const estimate = Math.round((counted.bytes * subs.length) / SAMPLE_SUBS);
    if (counted.entries.length >= SAMPLE_MIN_ENTRIES && estimate <= maxBytes)
      return { bytes: estimate, removed: counted.removed, counted: 'sample' };
    // Counted whole after all: the sample counts, and the other subdirectories join it.
    rest = subs.filter((_, i) => !picked.has(i));
  }
  countSubs(root, rest, now, counted);
  let total = counted.bytes;
  let removed = counted.removed;
  if (total <= maxBytes) return { bytes: total, removed, counted: 'all' };
  counted.entries.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
  for (const e of counted.entries) {
    if (total <= maxBytes * TRIM_TO) break;
    try {
      unlinkSync(e.path);
      removed++;
    } catch {
      // Gone already.
    }
    total -= e.size;
  }
  return { bytes: total, removed, counted: 'all' };
}
