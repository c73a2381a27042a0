// The run's files as they were before it started. Each file the run fixes is read once, in the
// main thread, while the run is planned; every later read of it, for its own fix or by a script
// that sources it, gets those bytes, whatever the run has written since. Writes never feed back
// into the run, so `nounset .`, `nounset --dry-run . | git apply` and every --jobs agree. The
// bytes sit in one SharedArrayBuffer, which worker threads read without a copy.

import {
  describeIOError,
  type EntryStat,
  NotTextError,
  readScriptText,
  type ScriptIO,
  type TextEncoding,
} from '../io/index.js';

/** Where a file's bytes are in the snapshot, how they decode, and what a rewrite must keep. */
export interface SnapshotFile {
  readonly offset: number;
  readonly length: number;
  readonly encoding: TextEncoding;
  readonly mode: number;
  readonly uid?: number;
  readonly gid?: number;
}

/** Plain data, sent to worker threads as it is: the buffer is shared, not copied. */
export interface Snapshot {
  readonly bytes: SharedArrayBuffer;
  /** Absolute path → the file's place in `bytes`. */
  readonly files: ReadonlyMap<string, SnapshotFile>;
}

/** A file of the run as the snapshot holds it. */
export interface SnapshotText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly file: SnapshotFile;
}

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

export type ReadOutcome =
  | { readonly text: string; readonly encoding: TextEncoding; readonly stat: EntryStat }
  | { readonly error: string };

/** Reads a file the run is to fix, with the checks a rewrite needs: a regular file (not a
 * symlink: as shfmt -w, nounset never writes through one), not larger than `maxSize`, text. */
export function readRunFile(io: ScriptIO, abs: string, maxSize = DEFAULT_MAX_SIZE): ReadOutcome {
  let stat: EntryStat;
  try {
    stat = io.lstat(abs);
  } catch (err) {
    return { error: `cannot read: ${describeIOError(err)}` };
  }
  if (stat.kind === 'symlink')
    return { error: 'is a symlink; nounset only rewrites regular files, so name the file it points to' };
  if (stat.kind !== 'file') return { error: 'not a regular file' };
  if (stat.size > maxSize) return { error: `skipped: ${stat.size} bytes, larger than --max-size ${maxSize}` };
  try {
    return { ...readScriptText(io, abs), stat };
  } catch (err) {
    return { error: err instanceof NotTextError ? `skipped: ${err.message}` : `cannot read: ${describeIOError(err)}` };
  }
}

/** Collects files as they are read, then copies them into one shared buffer. */
export function snapshotBuilder(): {
  add(abs: string, text: string, encoding: TextEncoding, stat: EntryStat): void;
  build(): Snapshot;
} {
  const parts: { abs: string; bytes: Buffer; encoding: TextEncoding; stat: EntryStat }[] = [];
  let total = 0;
  return {
    add(abs, text, encoding, stat) {
      // Both decodings give back the file's own bytes (a UTF-8 byte-order mark is kept in the text).
      const bytes = Buffer.from(text, encoding);
      parts.push({ abs, bytes, encoding, stat });
      total += bytes.length;
    },
    build() {
      const shared = new SharedArrayBuffer(total);
      const view = new Uint8Array(shared);
      const files = new Map<string, SnapshotFile>();
      let offset = 0;
      for (const p of parts) {
        view.set(p.bytes, offset);
        const owner = p.stat.uid !== undefined && p.stat.gid !== undefined ? { uid: p.stat.uid, gid: p.stat.gid } : {};
        files.set(p.abs, { offset, length: p.bytes.length, encoding: p.encoding, mode: p.stat.mode, ...owner });
        offset += p.bytes.length;
      }
      parts.length = 0;
      return { bytes: shared, files };
    },
  };
}

/** A file's bytes: a view of the shared buffer, not a copy. */
export function snapshotBytes(snapshot: Snapshot, file: SnapshotFile): Buffer {
  return Buffer.from(snapshot.bytes, file.offset, file.length);
}

/** A file of the snapshot, decoded; undefined for a path it does not hold. */
export function snapshotText(snapshot: Snapshot, abs: string): SnapshotText | undefined {
  const file = snapshot.files.get(abs);
  if (!file) return undefined;
  return { text: snapshotBytes(snapshot, file).toString(file.encoding), encoding: file.encoding, file };
}
