// The file system as runPaths and findScripts see it: passed in, so tests can use a fake and the
// CLI passes node:fs (node-io.ts). Synchronous: one file at a time keeps the output order fixed.

/** What an entry is; `symlink` only from lstat, which does not follow a final link. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface EntryStat {
  readonly kind: EntryKind;
  /** Permission bits (and setuid/setgid/sticky), `mode & 0o7777`. */
  readonly mode: number;
  /** Size in bytes. */
  readonly size: number;
  /** Owner and group, where the file system has them: a rewrite gives them back to the new file. */
  readonly uid?: number;
  readonly gid?: number;
}

/** A file whose bytes are not a script's text: binary (a NUL byte) or not valid UTF-8. Rewriting
 * it would corrupt it, so it is reported and skipped. The message says where. */
export class NotTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTextError';
  }
}

/** Paths are absolute. Failures throw an Error, with a `code` such as `ENOENT` where there is one. */
export interface ScriptIO {
  /** The whole file as UTF-8 text; throws NotTextError on a NUL byte or bytes that are not UTF-8. */
  readFile(path: string): string;
  /** At most `bytes` bytes from the start of the file, decoded leniently: for shebang sniffing. */
  readHead(path: string, bytes: number): string;
  /** Creates `path` with `text` and exactly `mode` (no umask), owned by `owner` when given (and
   * different from what a new file gets); throws if it already exists or the owner cannot be set. */
  createFile(path: string, text: string, mode: number, owner?: { readonly uid: number; readonly gid: number }): void;
  /** Replaces `to` with `from` in one step (same directory). */
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Does not follow a final symlink. */
  lstat(path: string): EntryStat;
  /** Follows symlinks. */
  stat(path: string): EntryStat;
  /** Entry names in a directory, in any order. */
  readdir(path: string): string[];
}

/** `ENOENT`-style code of a thrown error, else its message. */
export function describeIOError(err: unknown): string {
  if (err instanceof Error) return (err as NodeJS.ErrnoException).code ?? err.message;
  return String(err);
}
